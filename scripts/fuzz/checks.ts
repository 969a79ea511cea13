/** The checks the fuzz campaign runs on each case; the invariants are test/property/check.ts's. */
import { decode, mend, type Edition, type MendOptions } from '../../src/index.js';
import { refusalOf } from '../../src/model/refusal.js';
import { lostTextMessages, nonSourceText, rebuildProblem } from '../../test/property/check.js';
import type { FuzzCase } from './inputs.js';

/** What the campaign counts; every one of them must stay 0. */
export const COUNTERS = [
  'throws', // an exception out of mend (a refusal of binary or empty input is a message, not one)
  'stageFailures', // a stage threw: mend caught it (`stage-failed`), but it is a bug
  'rebuildMismatches', // rebuild(edition) is not the decoded source (or throws)
  'nonSource', // article or residue text that is not the source text at its spans
  'lostText', // the finalizer rescued text a stage lost (`unaccounted-text`, `coverage-overlap`)
  'nondeterminism', // mending the same input twice gave different JSON (checked on a sample)
] as const;
export type Counter = (typeof COUNTERS)[number];

export type MendFn = (input: string | Uint8Array, options: MendOptions) => Edition;

export interface Finding {
  counter: Counter;
  detail: string;
}

export interface CaseResult {
  findings: Finding[];
  /** mend refused the input (binary or empty): reported, not a failure. */
  refused: boolean;
  /** The determinism check ran on this case. */
  determinismChecked: boolean;
  ms: number;
}

const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

function firstDifference(a: string, b: string): number {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  return at;
}

/** Mend one case and check it; `checkDeterminism` mends it a second time to compare. */
export function checkCase(
  c: FuzzCase,
  checkDeterminism: boolean,
  mendFn: MendFn = mend,
): CaseResult {
  const started = performance.now();
  const findings: Finding[] = [];
  const result = (refused: boolean, determinismChecked: boolean): CaseResult => ({
    findings,
    refused,
    determinismChecked,
    ms: performance.now() - started,
  });
  let edition: Edition;
  try {
    edition = mendFn(c.input, c.options);
  } catch (error) {
    findings.push({ counter: 'throws', detail: describe(error) });
    return result(false, false);
  }
  const failed = edition.messages.filter((m) => m.code === 'stage-failed');
  if (failed.length > 0)
    findings.push({ counter: 'stageFailures', detail: failed.map((m) => m.text).join('; ') });
  const source = decode(c.input, c.options.encoding).text;
  const mismatch = rebuildProblem(edition, source);
  if (mismatch) findings.push({ counter: 'rebuildMismatches', detail: mismatch });
  const invented = nonSourceText(edition, source);
  if (invented) findings.push({ counter: 'nonSource', detail: invented });
  const lost = lostTextMessages(edition);
  if (lost.length > 0)
    findings.push({
      counter: 'lostText',
      detail: lost.map((m) => `${m.code}: ${m.text}`).join('; '),
    });
  if (checkDeterminism) {
    let again: string;
    try {
      again = JSON.stringify(mendFn(c.input, c.options));
    } catch (error) {
      again = `threw: ${describe(error)}`;
    }
    const first = JSON.stringify(edition);
    if (again !== first)
      findings.push({
        counter: 'nondeterminism',
        detail: `a second mend gave different JSON from character ${firstDifference(first, again)}`,
      });
  }
  return result(refusalOf(edition) !== undefined, checkDeterminism);
}
