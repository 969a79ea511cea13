/**
 * scripts/services: starts Debian's Redis and PostgreSQL on loopback, prints assignments a
 * shell can `eval`, keeps a service's address across a restart, and stops what it started.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/services');

test('start prints eval-able addresses on loopback; both answer; stop stops them', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'newsmend-services-'));
  const env = { ...process.env, NEWSMEND_SERVICES_DIR: dir };
  const services = (...args: string[]) =>
    execFileSync(SCRIPT, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  let out: string;
  let redisPid = 0;
  try {
    out = services('start');
  } catch (error) {
    execFileSync(SCRIPT, ['stop'], { env, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
    const why = `could not start services: ${(error as { stderr?: string }).stderr ?? error}`;
    if (process.env.NEWSMEND_REQUIRE_SERVICES) throw new Error(why);
    return t.skip(why);
  }
  try {
    const lines = out.trim().split('\n');
    assert.equal(lines.length, 2, out);
    const redis = /^NEWSMEND_REDIS_URL=redis:\/\/127\.0\.0\.1:(\d+)$/u.exec(lines[0]);
    const pg = /^NEWSMEND_PG_URL=postgres:\/\/newsmend@127\.0\.0\.1:(\d+)\/newsmend$/u.exec(
      lines[1],
    );
    assert.ok(redis && pg, out);
    const pgUrl = lines[1].split('=')[1];
    assert.equal(
      execFileSync('redis-cli', ['-p', redis[1], 'ping'], { encoding: 'utf8' }).trim(),
      'PONG',
    );
    const one = execFileSync('psql', [pgUrl, '-tAc', 'SELECT 1'], { encoding: 'utf8' });
    assert.equal(one.trim(), '1');
    // Started again while running: the same addresses, nothing new started.
    assert.equal(services('start'), out);
    // Restarted: the same address.
    services('stop', 'redis');
    assert.equal(services('start', 'redis').trim(), lines[0]);
    redisPid = Number(readFileSync(join(dir, 'redis/redis.pid'), 'utf8').trim());
  } finally {
    services('stop');
  }
  assert.ok(redisPid > 0);
  assert.throws(() => process.kill(redisPid, 0));
  assert.equal(existsSync(join(dir, 'postgres/data/postmaster.pid')), false);
  rmSync(dir, { recursive: true, force: true });
});
