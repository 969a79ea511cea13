import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** A path of a batch that cannot be read: reported with its reason, the batch goes on. */
export interface PathProblem {
  path: string;
  reason: string;
}

export interface CollectedFiles {
  /** Regular files found (and paths named explicitly that are not folders), sorted per folder. */
  files: string[];
  problems: PathProblem[];
}

/** What a failed stat or directory read means to a user. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

/**
 * Files under the given paths: folders are walked recursively (hidden entries skipped, each real
 * folder once even when symbolic links lead back into it); a path that cannot be read is a
 * problem of its own and the rest is still collected. Walking keeps regular files only: a FIFO
 * or device found in a folder would block or never end when read, so it is read only when
 * named explicitly, like standard input (`-`).
 */
export function collectFiles(
  paths: string[],
  skip: (path: string) => boolean = () => false,
): CollectedFiles {
  const out: CollectedFiles = { files: [], problems: [] };
  const seen = new Set<string>();
  const statOf = (path: string): Stats | undefined => {
    try {
      return statSync(path);
    } catch (error) {
      out.problems.push({ path, reason: reasonOf(error) });
      return undefined;
    }
  };
  const walk = (dir: string) => {
    let names: string[];
    try {
      const real = realpathSync(dir);
      if (seen.has(real)) return;
      seen.add(real);
      names = readdirSync(dir)
        .filter((n) => !n.startsWith('.'))
        .sort();
    } catch (error) {
      out.problems.push({ path: dir, reason: reasonOf(error) });
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const stat = statOf(path);
      if (stat?.isDirectory()) walk(path);
      else if (stat?.isFile() && !skip(path)) out.files.push(path);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      out.files.push(p);
      continue;
    }
    const stat = statOf(p);
    if (stat?.isDirectory()) walk(p);
    else if (stat && !skip(p)) out.files.push(p);
  }
  return out;
}
