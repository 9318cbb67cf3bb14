import { migrationsDir, readMigrations, runMigrations } from '../store/migrator';
import { DatabaseTarget, describePostgres, sqliteTarget } from '../testing/test-databases';

const RULE = 61;
const keyRow = (id: string, role: string, allowed: string[] | null) => [id, id, `fsk_${id}`, 'hash', role, allowed, 'bootstrap', new Date()];
const INSERT =
  'INSERT INTO api_key (id, name, prefix, key_hash, role, allowed_from_numbers, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)';

function migrationContract(target: DatabaseTarget) {
  it('turns the restricted admin keys made before the rule into operators, keeps the others, and holds the rule from then on', async () => {
    const { db, close } = await target.open();
    try {
      const migrations = readMigrations(migrationsDir(db.dialect));
      await runMigrations(
        db,
        migrations.filter((migration) => migration.version < RULE),
      );
      await db.query(INSERT, keyRow('restrictedadm', 'admin', ['+15550100001']));
      await db.query(INSERT, keyRow('plainadmin', 'admin', null));
      await db.query(INSERT, keyRow('restrictedop', 'operator', ['+15550100001']));
      await runMigrations(db, migrations);
      expect(await db.query('SELECT id, role FROM api_key ORDER BY id')).toEqual([
        { id: 'plainadmin', role: 'admin' },
        { id: 'restrictedadm', role: 'operator' },
        { id: 'restrictedop', role: 'operator' },
      ]);
      await expect(db.query(INSERT, keyRow('newadmin', 'admin', ['+15550100001']))).rejects.toThrow(/api_key_restricted_keys_are_operators/);
      await expect(db.query("UPDATE api_key SET role = 'admin' WHERE id = 'restrictedop'")).rejects.toThrow(/api_key_restricted_keys_are_operators/);
    } finally {
      await close();
    }
  });
}

describe('Migration 061 on SQLite: a sender restriction is for operator keys only', () => migrationContract(sqliteTarget));
describePostgres('Migration 061 on PostgreSQL: a sender restriction is for operator keys only', (target) => migrationContract(target));
