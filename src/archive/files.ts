import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files under the given paths (directories walked recursively, hidden entries skipped), sorted. */
export function collectFiles(
  paths: string[],
  skip: (path: string) => boolean = () => false,
): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    const stat = statSync(path);
    if (!stat.isDirectory()) return void (skip(path) || out.push(path));
    const names = readdirSync(path)
      .filter((n) => !n.startsWith('.'))
      .sort();
    for (const name of names) walk(join(path, name));
  };
  for (const p of paths) p === '-' ? out.push(p) : walk(p);
  return out;
}
