/** Run the real CLI as a user would: a child `node --import tsx src/cli/main.ts …`. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = 'src/cli/main.ts';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `newsmend …args`, optionally feeding `input` on standard input, with extra `env`. */
export function newsmend(
  args: string[],
  input?: Uint8Array | string,
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.on('error', () => {}); // the CLI may exit before reading (e.g. a usage error)
    child.stdin.end(input ?? '');
  });
}

/** A line of a JavaScript stack trace (`    at fn (file:1:2)`), which a user must never see. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/mu;
