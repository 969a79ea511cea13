import type { ConnectionOptions } from 'bullmq';

/** A queue address the user must fix; the CLI shows `message`. */
export class QueueUrlError extends Error {}

/**
 * BullMQ connection options from a redis:// (or rediss://) URL: host, port, database number
 * (the path), user and password. Commands wait for a lost connection to come back instead of
 * failing (`maxRetriesPerRequest: null`, which BullMQ's workers require), so a Redis restart
 * pauses a run rather than ending it.
 */
export function connectionFromUrl(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueUrlError(`'${url}' is not a URL; give redis://host:port`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new QueueUrlError(`'${url}' is not a redis:// URL`);
  const db = parsed.pathname.replace(/^\//u, '');
  if (db && !/^\d+$/u.test(db))
    throw new QueueUrlError(`'${db}' in ${url} is not a database number`);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    db: db ? Number(db) : 0,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
