/**
 * The backup file: gzip'd JSON lines. The first line is a `BackupHeader`; each further line
 * is `{ "table": name, "rows": [...] }`, the rows as PostgreSQL's own `row_to_json` text
 * (bigints, timestamps with microseconds and bytea as `\x` hex survive exactly), tables in an
 * order that inserts referenced rows first.
 */
export const BACKUP_FORMAT = 'boltboard-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** `db/migrations` files applied in the database backed up. */
  migrations: string[];
  tables: { name: string; columns: string[] }[];
}

/** Tables never backed up: the migration log (restore migrates afresh) and socket.io's transient packets. */
export const TABLES_NOT_BACKED_UP = ['schema_migrations', 'socket_io_attachments'];
