import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { validateGold, type GoldFile } from './gold.js';

/** One evaluation case: the dump bytes and its gold reconstruction. */
export interface EvalCase {
  id: string;
  /** Which set the case belongs to (`synthetic`, `real`, or the folder given). */
  set: string;
  input: Uint8Array;
  gold: GoldFile;
}

function isCaseDir(dir: string): boolean {
  return existsSync(join(dir, 'input.txt')) && existsSync(join(dir, 'gold.json'));
}

export function loadCase(dir: string, set: string): EvalCase {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as GoldFile;
  const problems = validateGold(gold);
  if (problems.length > 0) throw new Error(`${dir}/gold.json: ${problems.join('; ')}`);
  return {
    id: gold.id ?? basename(dir),
    set,
    input: new Uint8Array(readFileSync(join(dir, 'input.txt'))),
    gold,
  };
}

/** A case folder, or a folder of case folders (searched recursively, sorted by name). */
export function loadCases(dir: string, set = basename(dir)): EvalCase[] {
  if (isCaseDir(dir)) return [loadCase(dir, set)];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const sub = join(dir, name);
      return statSync(sub).isDirectory() ? loadCases(sub, set) : [];
    });
}
