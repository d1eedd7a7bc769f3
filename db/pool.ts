import pg from 'pg';

// int8 columns (seq, amount_msat) fit in a double: every value stays below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export type Db = pg.Pool;
export type DbClient = pg.PoolClient;
export type Queryable = pg.Pool | pg.PoolClient;

/** Opens a connection pool; errors on idle connections are reported, never thrown. */
export function createPool(
  connectionString: string,
  onIdleError: (error: Error) => void,
  max = 10,
): Db {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5000 });
  pool.on('error', onIdleError);
  return pool;
}

/**
 * Runs `work` in one transaction: committed if it resolves, rolled back if it throws. `begin`
 * opens it and may hand `work` what it read on the way (in the same round trip).
 */
export async function inTransaction<T, Begun = void>(
  db: Db,
  work: (client: DbClient, begun: Begun) => Promise<T>,
  begin: (client: DbClient) => Promise<Begun> = async (client) => {
    await client.query('BEGIN');
    return undefined as Begun;
  },
): Promise<T> {
  const client = await db.connect();
  try {
    const begun = await begin(client);
    const result = await work(client, begun);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
