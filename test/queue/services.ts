/**
 * A private Redis or PostgreSQL for the tests that need one, started and stopped by the repo's
 * own script (`scripts/services`) in a folder of the test's, on loopback at a free port.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/services');

export interface TestService {
  url: string;
  restart: () => void;
  stop: () => void;
}
export type TestRedis = TestService;

/** Start one service of `scripts/services`, or say why not (not installed, cannot install). */
function startService(name: 'redis' | 'postgres', variable: string): TestService | string {
  const dir = mkdtempSync(join(tmpdir(), `newsmend-${name}-`));
  const env = { ...process.env, NEWSMEND_SERVICES_DIR: dir };
  const run = (verb: string) =>
    execFileSync(SCRIPT, [verb, name], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  let out: string;
  try {
    out = run('start');
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `scripts/services could not start ${name}: ${(error as { stderr?: string }).stderr ?? error}`;
  }
  const url = new RegExp(`${variable}=(\\S+)`, 'u').exec(out)?.[1];
  if (!url) throw new Error(`scripts/services printed no ${variable}: ${out}`);
  return {
    url,
    restart: () => (run('stop'), run('start')),
    stop: () => {
      run('stop');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A private Redis, or why there is none. */
export function startRedis(): TestRedis | string {
  return startService('redis', 'NEWSMEND_REDIS_URL');
}

/** A private PostgreSQL server (the repo's script: Debian's package, loopback, own port). */
export function startPostgres(): TestService | string {
  return startService('postgres', 'NEWSMEND_PG_URL');
}

/** A `newsmend` process whose standard error is read line by line. */
export class Cli {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private waiters: { pattern: RegExp; found: () => void; gone: (e: Error) => void }[] = [];

  constructor(args: string[], env: Record<string, string> = {}) {
    this.child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child.stdout!.on('data', (c: Buffer) => (this.stdout += c.toString()));
    this.child.stderr!.on('data', (c: Buffer) => {
      this.stderr += c.toString();
      this.waiters = this.waiters.filter(
        (w) => !(w.pattern.test(this.stderr) && (w.found(), true)),
      );
    });
    this.exited = new Promise((done) =>
      this.child.once('exit', (code, signal) => {
        // Nothing more will be printed: whoever waits for a line waits in vain.
        for (const w of this.waiters.splice(0))
          w.gone(
            new Error(`exited (${code ?? signal}) before printing ${w.pattern}: ${this.stderr}`),
          );
        done({ code, signal });
      }),
    );
  }

  /** Resolves once standard error shows the pattern; rejects if the process ends first. */
  saw(pattern: RegExp): Promise<void> {
    if (pattern.test(this.stderr)) return Promise.resolve();
    if (this.child.exitCode !== null || this.child.signalCode !== null)
      return Promise.reject(new Error(`exited before printing ${pattern}: ${this.stderr}`));
    return new Promise((found, gone) => this.waiters.push({ pattern, found, gone }));
  }
}
