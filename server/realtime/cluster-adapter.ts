import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { Db } from '../../db/pool';
import type { Config } from '../config';
import type { BoardServer } from './socket-api';

const ATTACHMENTS_CLEANUP_MS = 30_000;

/**
 * Puts socket.io's adapter for the configured scale-out on `io`: `postgres` carries events
 * through the PostgreSQL the instances already share; `redis` (REDIS_URL) through Redis
 * pub/sub, for very large fan-out. Returns a function that closes what it opened.
 */
export async function useClusterAdapter(
  io: BoardServer,
  config: Pick<Config, 'clusterAdapter' | 'redisUrl'>,
  db: Db,
  log: Logger,
): Promise<() => Promise<void>> {
  if (config.clusterAdapter === 'postgres') {
    io.adapter(
      createPostgresAdapter(db, {
        tableName: 'socket_io_attachments',
        cleanupInterval: ATTACHMENTS_CLEANUP_MS,
        errorHandler: (error) => log.warn({ err: error }, 'cluster adapter error'),
      }),
    );
    return async () => undefined;
  }
  if (config.clusterAdapter === 'redis') {
    const publisher = createClient({ url: config.redisUrl });
    const subscriber = publisher.duplicate();
    for (const client of [publisher, subscriber]) {
      client.on('error', (error: unknown) => log.warn({ err: error }, 'redis adapter error'));
    }
    await Promise.all([publisher.connect(), subscriber.connect()]);
    io.adapter(createRedisAdapter(publisher, subscriber));
    return async () => {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    };
  }
  return async () => undefined;
}
