import { existsSync } from 'node:fs';
import { sep } from 'node:path';

const WILD = /[*?[]/;

/** Whether an input names files by pattern (and is no file of that name). */
export function isGlob(input: string): boolean {
  return WILD.test(input) && !existsSync(input);
}

/** The folder to walk for a pattern: its part before the first segment with a wildcard. */
export function globRoot(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (WILD.test(part)) break;
    fixed.push(part);
  }
  if (fixed.length === 0) return '.';
  return fixed.join('/') || '/';
}

/**
 * A pattern as a test of paths: `*` and `?` within one folder name, `**` across folders,
 * `[abc]` a class; as shells do, a leading `./` is optional on both sides.
 */
export function globMatcher(pattern: string): (path: string) => boolean {
  const norm = (p: string) => p.split(sep).join('/').replace(/^\.\//, '');
  let re = '';
  const p = norm(pattern);
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      re += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += p[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = p.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${p.slice(i + 1, end).replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  const test = new RegExp(`^${re}$`);
  return (path) => test.test(norm(path));
}
