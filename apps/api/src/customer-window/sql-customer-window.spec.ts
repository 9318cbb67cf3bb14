import { migrateToLatest } from '../store/migrator';
import { DatabaseTarget, describePostgres, sqliteTarget } from '../testing/test-databases';
import { SqlCustomerWindow } from './sql-customer-window';

const customer = 'whatsapp:+14155550123';
const sender = 'whatsapp:+15550100003';
const at = (hour: number) => new Date(Date.UTC(2026, 11, 5, hour, 0, 0, 250));
const inbound = (receivedAt: Date, to = sender) => ({ from: customer, to, body: 'Hi', channel: 'whatsapp' as const, receivedAt });

function customerWindowContract(target: () => DatabaseTarget) {
  let close: () => Promise<void>;
  let window: SqlCustomerWindow;

  beforeAll(async () => {
    const handle = await target().open();
    await migrateToLatest(handle.db);
    close = () => handle.close();
    window = new SqlCustomerWindow(handle.db);
  });
  afterAll(() => close());

  it('knows nothing of a customer who never wrote, then keeps the latest inbound per sender', async () => {
    expect(await window.lastInboundAt(customer, sender)).toBeNull();

    await window.onInboundMessage(inbound(at(9)));
    await window.onInboundMessage(inbound(at(11)));
    await window.onInboundMessage(inbound(at(7), 'whatsapp:+15550100004'));

    expect(await window.lastInboundAt(customer, sender)).toEqual(at(11));
    expect(await window.lastInboundAt(customer, 'whatsapp:+15550100004')).toEqual(at(7));
  });

  it('never moves the time back for a redelivered or late webhook', async () => {
    await window.onInboundMessage(inbound(at(10)));

    expect(await window.lastInboundAt(customer, sender)).toEqual(at(11));
  });
}

describe('SqlCustomerWindow on SQLite', () => customerWindowContract(() => sqliteTarget));
describePostgres('SqlCustomerWindow on PostgreSQL', (target) => customerWindowContract(() => target));
