import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded-postgres';

describe('the embedded PostgreSQL of npm start', () => {
  let parent: string;
  let first: EmbeddedDatabase | undefined;
  let second: EmbeddedDatabase | undefined;

  beforeAll(async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), 'boltboard-embedded-'));
    await chmod(parent, 0o755);
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await rm(parent, { recursive: true, force: true });
  });

  it('runs two copies side by side with different data dirs, and keeps data across restarts', async () => {
    first = await startEmbeddedPostgres(path.join(parent, 'a'), () => undefined);
    second = await startEmbeddedPostgres(path.join(parent, 'b'), () => undefined);
    expect(new URL(first.url).port).not.toBe(new URL(second.url).port);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query('CREATE TABLE kept (value int); INSERT INTO kept VALUES (42)');
    await client.end();
    await first.stop();

    first = await startEmbeddedPostgres(path.join(parent, 'a'), () => undefined);
    const again = new pg.Client({ connectionString: first.url });
    await again.connect();
    expect((await again.query('SELECT value FROM kept')).rows).toEqual([{ value: 42 }]);
    await again.end();
  }, 60_000);

  it('refuses a data dir that another live process owns', async () => {
    const dir = path.join(parent, 'owned');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'postgres.owner'), String(process.ppid)); // alive, not us
    await expect(startEmbeddedPostgres(dir, () => undefined)).rejects.toThrow(
      /in use by another Boltboard process/,
    );
  });
});
