import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { createGunzip } from 'node:zlib';
import { migrate } from '../db/migrate';
import { createPool, inTransaction, type Db, type DbClient } from '../db/pool';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from './backup-format';

/** A restore that was refused before anything was written; `message` says what to do. */
export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

const MIGRATIONS_DIR = path.join(__dirname, '..', 'db', 'migrations');

/**
 * Loads a backup written by backupDatabase into an empty database: migrates it, inserts
 * every row in one transaction, and moves serial sequences past the restored ids.
 * Refuses (RestoreRefusedError) a database that already holds a board, and a backup made by
 * a newer Boltboard. Returns the rows restored per table.
 */
export async function restoreDatabase(
  databaseUrl: string,
  file: string,
): Promise<Record<string, number>> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  })[Symbol.asyncIterator]();
  const header = readHeader((await lines.next()).value, file);
  const known = new Set(await readdir(MIGRATIONS_DIR));
  const unknown = header.migrations.find((name) => !known.has(name));
  if (unknown !== undefined) {
    throw new RestoreRefusedError(
      `${file} comes from a newer Boltboard (migration ${unknown} is not in this checkout): update the code first.`,
    );
  }
  const pool = createPool(databaseUrl, () => undefined, 1);
  try {
    await refuseUnlessEmpty(pool, header);
    await migrate(pool);
    return await inTransaction(pool, async (client) => {
      const columns = await currentColumns(client);
      const counts: Record<string, number> = {};
      for (let line = await lines.next(); !line.done; line = await lines.next()) {
        if (line.value === '') continue;
        const { table, rowsJson } = splitDataLine(line.value);
        const kept = header.tables
          .find((entry) => entry.name === table)
          ?.columns.filter((column) => columns.get(table)?.includes(column));
        if (!kept)
          throw new Error(`${file}: rows for table ${table}, which the header does not list`);
        counts[table] = (counts[table] ?? 0) + (await insertRows(client, table, kept, rowsJson));
      }
      await moveSequencesPastRows(client);
      return counts;
    });
  } finally {
    await pool.end();
  }
}

function readHeader(line: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader> = {};
  try {
    header = JSON.parse(line ?? '') as Partial<BackupHeader>;
  } catch {
    // reported below
  }
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) {
    throw new RestoreRefusedError(`${file} is not a Boltboard backup (version ${BACKUP_VERSION}).`);
  }
  return header as BackupHeader;
}

/** Empty: none of the backed-up tables exists yet, or they exist (the app ran once) but hold no rows. */
async function refuseUnlessEmpty(pool: Db, header: BackupHeader) {
  const existing = await pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
  );
  const names = new Set(existing.rows.map((row) => row.table_name));
  for (const { name } of header.tables) {
    if (!names.has(name)) continue;
    const { rows } = await pool.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${pg.escapeIdentifier(name)}) AS found`,
    );
    if (rows[0].found) {
      throw new RestoreRefusedError(
        `The target database already holds a board (table ${name} has rows): restore into an empty database or a new DATA_DIR.`,
      );
    }
  }
}

async function currentColumns(client: DbClient): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const columns = new Map<string, string[]>();
  for (const row of rows) {
    columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row.column_name]);
  }
  return columns;
}

/** `{"table":"name","rows":[...]}` as written by backupDatabase; the rows stay text for PostgreSQL to parse. */
function splitDataLine(line: string): { table: string; rowsJson: string } {
  const match = /^\{"table":("(?:[^"\\]|\\.)*"),"rows":/.exec(line);
  if (!match || !line.endsWith('}')) throw new Error('a line of the backup is damaged');
  return { table: JSON.parse(match[1]) as string, rowsJson: line.slice(match[0].length, -1) };
}

async function insertRows(client: DbClient, table: string, columns: string[], rowsJson: string) {
  const name = client.escapeIdentifier(table);
  const list = columns.map((column) => client.escapeIdentifier(column)).join(', ');
  const result = await client.query(
    `INSERT INTO ${name} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${name}, $1::json)`,
    [rowsJson],
  );
  return result.rowCount ?? 0;
}

async function moveSequencesPastRows(client: DbClient) {
  const { rows } = await client.query<{ table_name: string; column_name: string; seq: string }>(
    `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
       FROM information_schema.columns
      WHERE table_schema = 'public'
        AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
  );
  for (const row of rows) {
    const table = client.escapeIdentifier(row.table_name);
    const column = client.escapeIdentifier(row.column_name);
    await client.query(
      `SELECT setval($1, COALESCE((SELECT max(${column}) FROM ${table}), 0) + 1, false)`,
      [row.seq],
    );
  }
}
