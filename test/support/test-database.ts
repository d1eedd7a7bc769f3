import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { migrate } from '../../db/migrate';
import { createPool, type Db } from '../../db/pool';

/** A fresh, empty database on the test server; `drop` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `boltboard_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * For a test file: a fresh migrated database for the whole file, dropped after it. Call at
 * describe level; the returned function gives the pool once `beforeAll` has run.
 */
export function useMigratedTestDatabase(): () => Db {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createPool(database.url, () => undefined);
    await migrate(db);
  });
  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });
  return () => {
    if (!db) throw new Error('the test database is made in beforeAll');
    return db;
  };
}
