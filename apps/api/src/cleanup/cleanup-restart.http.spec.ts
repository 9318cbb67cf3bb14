import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '@flex-sms/twilio-sandbox';
import { createTestApp, type TestApp } from '../testing/test-app';
import { listSessionSids, waitForJob, withCleanupOptions } from './cleanup.test-helpers';

/** A job survives a restart: the API closes mid-job, a new one opens the same store (SQLite on disk) and finishes it. */
describe('clean-up job across a restart', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;
  let api: TestApp | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    dataDir = mkdtempSync(join(tmpdir(), 'cleanup-restart-'));
  });
  afterAll(async () => {
    await api?.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () =>
    createTestApp({
      sandbox,
      env: { DATABASE_URL: undefined, DATA_DIR: dataDir },
      override: withCleanupOptions({ runner: { concurrency: 2, batchSize: 20, leaseMs: 30_000 } }),
    });

  it('resumes where it stopped and reports the whole job', async () => {
    api = await start();
    await api.controls.seedProxySessions({ count: 300, status: 'closed' });
    await api.controls.setFaults({ endpoints: [{ method: 'DELETE', path: '/proxy/**', latencyMs: 5 }] });
    const started = await api.http
      .post('/api/v1/cleanup/proxy-sessions')
      .send({ statuses: ['closed'], markChannelInactive: false })
      .expect(202);
    const before = await waitForJob(api, started.body.id, (job) => job.progress.done >= 40);
    expect(before.status).toBe('running');

    await api.close();
    const doneAtClose = 300 - (await listSessionSids(api)).length;
    expect(doneAtClose).toBeLessThan(300);

    api = await start();
    const job = await waitForJob(api, started.body.id);
    expect(job.status).toBe('completed');
    expect(job.progress).toMatchObject({ total: 300, done: 300, failed: 0, cancelled: 0 });
    expect(await listSessionSids(api)).toEqual([]);
  }, 30_000);
});
