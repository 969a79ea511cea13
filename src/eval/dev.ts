import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_RATES, synthFiles, toCases } from '../synth/index.js';
import { loadCases, type EvalCase } from './cases.js';

/** Seed of the dev set: fixed so every run scores the same pages. */
export const DEV_SEED = 20250509;
/** Page files the dev set is made from (People's Daily, with and without page numbers). */
export const DEV_PAGE_FILES = ['rmrb-2025.jsonl', 'rmrb-2011-2019.jsonl'];

/**
 * The standard dev set, built in memory (the dumps hold third-party text and are never written
 * into the repository): synthetic pages from ../shared/eval/pages plus the real cases.
 */
export function devCases(sharedEval: string): EvalCase[] {
  const files = DEV_PAGE_FILES.map((f) => join(sharedEval, 'pages', f)).filter((f) =>
    existsSync(f),
  );
  const synthetic = toCases(synthFiles(files, DEV_SEED, DEV_RATES), 'synthetic');
  const real = loadCases(join(sharedEval, 'real'), 'real');
  return [...synthetic, ...real];
}
