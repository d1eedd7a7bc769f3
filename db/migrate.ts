import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inTransaction, type Db } from './pool';

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');
// Any fixed key: concurrent instances starting together take turns to migrate.
const MIGRATION_LOCK_KEY = 0x60_17_b0_a1;

/**
 * Applies every `db/migrations/NNNN_name.sql` not yet applied, in number order, all in one
 * transaction. Safe to run again and from several instances at once.
 * Returns the names it applied.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR))
    .filter((file) => /^\d{4}_.+\.sql$/.test(file))
    .sort();
  return inTransaction(db, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map(
        (row) => row.name,
      ),
    );
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      await client.query('SAVEPOINT migration');
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      await client.query('RELEASE SAVEPOINT migration');
      applied.push(file);
    }
    return applied;
  });
}
