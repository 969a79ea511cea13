/** The invariants every mended edition must satisfy, shared by the property tests and the fuzz. */
import assert from 'node:assert/strict';
import {
  decode,
  mend,
  rebuild,
  verifyCoverage,
  type Edition,
  type MendOptions,
  type Span,
} from '../../src/index.js';
import { articleParts } from '../../src/model/parts.js';

/** Codes the finalizer emits when a stage lost track of text: each one is a pipeline bug. */
export const BUG_CODES = ['coverage-overlap', 'unaccounted-text'];

/** Why `edition` does not rebuild `source` exactly (gap, overlap, other text), or undefined. */
export function rebuildProblem(edition: Edition, source: string): string | undefined {
  const coverage = verifyCoverage(edition);
  if (coverage.length > 0) {
    const [first] = coverage;
    const where = `${first.problem} at ${first.at} (${first.owner})`;
    return `coverage: ${coverage.length} problem(s), first a ${where}`;
  }
  let rebuilt: string;
  try {
    rebuilt = rebuild(edition);
  } catch (error) {
    return `rebuild threw: ${(error as Error)?.message ?? String(error)}`;
  }
  if (rebuilt === source) return undefined;
  let at = 0;
  while (at < rebuilt.length && rebuilt[at] === source[at]) at++;
  const lengths = `${rebuilt.length} vs ${source.length} code units`;
  return `rebuild differs from the decoded source at ${at} (${lengths})`;
}

const sliceSpans = (source: string, spans: readonly Span[]) =>
  spans.map((s) => source.slice(s.start, s.end)).join('');

/**
 * The first text of the edition that is not the source text at its spans (invented, retyped or
 * normalized text), or undefined: every article part, the string fields that repeat a part's
 * text, a dateline read from the source tag (the tag's text), variant occurrences, residue.
 */
export function nonSourceText(edition: Edition, source: string): string | undefined {
  const clip = (text: string | undefined) => JSON.stringify((text ?? '').slice(0, 40));
  for (const a of edition.articles) {
    for (const part of articleParts(a))
      if (sliceSpans(source, part.spans) !== part.text)
        return `${a.id} ${part.name}: ${clip(part.text)}`;
    for (const name of ['kicker', 'headline', 'subheadline', 'byline', 'sourceTag'] as const)
      if (a[name] !== a.fields[name]?.text)
        return `${a.id} ${name}: ${clip(a[name])} is not its field's text`;
    if (
      a.related.length !== a.fields.related.length ||
      a.related.some((r, i) => r !== a.fields.related[i].text)
    )
      return `${a.id} related: titles are not their fields' text`;
    if (a.dateline?.fromSourceTag && a.dateline.text !== a.fields.sourceTag?.text)
      return `${a.id} dateline: ${clip(a.dateline.text)} is not its source tag's text`;
    // A variant's spans are its occurrences, each cut in pieces where it crosses a joined break.
    for (const v of a.variants) {
      const read = sliceSpans(source, v.spans);
      const times = v.text.length > 0 ? read.length / v.text.length : 0;
      if (!Number.isInteger(times) || times === 0 || read !== v.text.repeat(times))
        return `${a.id} variant: ${clip(v.text)} is not the source text at its spans`;
    }
  }
  for (const r of edition.residue)
    if (sliceSpans(source, r.spans) !== r.text) return `residue ${r.id}: ${clip(r.text)}`;
  return undefined;
}

/** The messages by which the finalizer reports text a stage lost track of (each one a bug). */
export const lostTextMessages = (edition: Edition) =>
  edition.messages.filter((m) => BUG_CODES.includes(m.code));

/** Mend `input` and check: covered once, rebuilds the decoded text, source text, deterministic. */
export function checkMend(input: string | Uint8Array, options: MendOptions = {}): void {
  const edition = mend(input, options);
  const source = decode(input, options.encoding).text;
  assert.equal(rebuildProblem(edition, source), undefined, 'rebuild differs');
  assert.equal(nonSourceText(edition, source), undefined, 'article text is not source text');
  const overlap = edition.messages.filter((m) => m.code === 'coverage-overlap');
  assert.deepEqual(overlap, [], 'pipeline holds some text twice');
  assert.equal(JSON.stringify(mend(input, options)), JSON.stringify(edition), 'not deterministic');
}

/**
 * Stricter: no stage lost track of any text. The finalizer rescues such text into the residue
 * (so rebuild still holds) and reports `unaccounted-text`; each report is a stage bug.
 */
export function checkAllPlaced(input: string | Uint8Array): void {
  assert.deepEqual(lostTextMessages(mend(input)), [], 'a stage lost track of text');
}

/** Seed for every property run: fixed for reproducibility, overridable to explore. */
export const SEED = Number(process.env.NEWSMEND_SEED ?? 20250509);
/** Runs per property: enough to hit the edge cases, bounded so the suite stays quick. */
export const NUM_RUNS = Number(process.env.NEWSMEND_RUNS ?? 200);

/** fast-check parameters; on failure fast-check prints the seed and path to replay it. */
export const params = (runs = NUM_RUNS) => ({ seed: SEED, numRuns: runs, endOnFailure: true });
