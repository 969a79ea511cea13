import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: two levels above this file (src/eval/ or dist/src/eval/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** The shared evaluation data: $NEWSMEND_SHARED, else ../shared next to the repository. */
export function sharedDir(): string {
  return process.env.NEWSMEND_SHARED
    ? resolve(process.env.NEWSMEND_SHARED)
    : resolve(repoRoot(), '..', 'shared');
}

/** ../shared/eval when present, else undefined (a fresh clone elsewhere). */
export function sharedEvalDir(): string | undefined {
  const dir = join(sharedDir(), 'eval');
  return existsSync(dir) ? dir : undefined;
}

export function floorsPath(): string {
  return join(repoRoot(), 'eval', 'floors.json');
}
