import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { pageBytes, type SynthPage } from './index.js';

/** True when `dir` is inside `root` (dumps hold third-party text and stay out of the repo). */
export function isInside(dir: string, root: string): boolean {
  const rel = relative(resolve(root), resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Write each page as `<out>/<id>/input.txt` (its encoding's bytes) + `gold.json`. */
export function writePages(pages: SynthPage[], out: string): { written: number; gb18030: number } {
  let gb18030 = 0;
  for (const page of pages) {
    const dir = join(out, page.id);
    mkdirSync(dir, { recursive: true });
    const { bytes, encoding } = pageBytes(page);
    if (encoding === 'gb18030') gb18030++;
    writeFileSync(join(dir, 'input.txt'), bytes);
    writeFileSync(join(dir, 'gold.json'), JSON.stringify(page.gold, null, 2) + '\n');
  }
  return { written: pages.length, gb18030 };
}
