import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  TABLES_NOT_BACKED_UP,
  type BackupHeader,
} from './backup-format';

const ROWS_PER_FETCH = 500;
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Writes every table of the board's database to `file` (see backup-format.ts), all read in
 * one REPEATABLE READ transaction: one consistent moment, while the app keeps writing.
 * Written beside `file` first and renamed, so a failed backup never leaves a partial file.
 * Returns the rows written per table.
 */
export async function backupDatabase(
  databaseUrl: string,
  file: string,
): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations: (
        await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
      ).rows.map((row) => row.name),
      tables: await tablesInInsertOrder(client),
    };
    const gzip = createGzip();
    const output = gzip.pipe(createWriteStream(partial, { mode: 0o600 }));
    const write = async (line: string) => {
      if (!gzip.write(line + '\n')) await once(gzip, 'drain');
    };
    await write(JSON.stringify(header));
    const counts: Record<string, number> = {};
    for (const table of header.tables) {
      counts[table.name] = await writeTable(client, table, write);
    }
    gzip.end();
    await once(output, 'finish');
    await client.query('COMMIT');
    await rename(partial, file);
    return counts;
  } finally {
    await client.end();
  }
}

/** Base tables of schema `public`, referenced tables before those that reference them. */
async function tablesInInsertOrder(client: pg.Client): Promise<BackupHeader['tables']> {
  const columns = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name IN (
        SELECT table_name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
      ORDER BY table_name, ordinal_position`,
  );
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
       FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name, column_name } of columns.rows) {
    if (TABLES_NOT_BACKED_UP.includes(table_name)) continue;
    byTable.set(table_name, [...(byTable.get(table_name) ?? []), column_name]);
  }
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !byTable.has(name)) return;
    seen.add(name); // before its parents: a reference cycle cannot loop
    for (const { parent } of references.rows.filter((row) => row.child === name)) visit(parent);
    ordered.push(name);
  };
  for (const name of [...byTable.keys()].sort()) visit(name);
  return ordered.map((name) => ({ name, columns: byTable.get(name)! }));
}

/** Streams one table through a cursor, in chunks of whole rows. */
async function writeTable(
  client: pg.Client,
  table: { name: string; columns: string[] },
  write: (line: string) => Promise<void>,
): Promise<number> {
  const name = client.escapeIdentifier(table.name);
  // Ordered by every column: the same data always gives the same file.
  const order = table.columns.map((column) => client.escapeIdentifier(column)).join(', ');
  await client.query(
    `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${name} t ORDER BY ${order}`,
  );
  let count = 0;
  let chunk: string[] = [];
  let chunkBytes = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    await write(`{"table":${JSON.stringify(table.name)},"rows":[${chunk.join(',')}]}`);
    chunk = [];
    chunkBytes = 0;
  };
  for (;;) {
    const { rows } = await client.query<{ row: string }>(
      `FETCH ${ROWS_PER_FETCH} FROM backup_rows`,
    );
    for (const { row } of rows) {
      chunk.push(row);
      chunkBytes += row.length;
      count++;
      if (chunkBytes >= CHUNK_BYTES) await flush();
    }
    if (rows.length < ROWS_PER_FETCH) break;
  }
  await flush();
  await client.query('CLOSE backup_rows');
  return count;
}
