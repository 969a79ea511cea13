/** What the fuzz campaign prints (progress, summary) and writes (the failing inputs). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CampaignReport } from './campaign.js';
import { COUNTERS, type CaseResult, type Counter } from './checks.js';
import type { FuzzCase } from './inputs.js';

/** Failing inputs written per counter, at most: enough to debug, never a disk full of copies. */
export const MAX_SAVED_PER_COUNTER = 20;

const rate = (r: CampaignReport) => (r.cases / Math.max(r.ms / 1000, 1e-9)).toFixed(1);

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

const failures = (r: CampaignReport) =>
  COUNTERS.filter((k) => r.counts[k] > 0)
    .map((k) => `${k} ${r.counts[k]}`)
    .join(', ') || 'no failures';

/** One progress line: cases done, rate, time left, counts. */
export function progressLine(r: CampaignReport): string {
  const left = ((r.n - r.cases) * r.ms) / Math.max(r.cases, 1);
  const done = `${r.cases}/${r.n} cases (${((100 * r.cases) / r.n).toFixed(1)}%)`;
  const time = `${rate(r)} cases/s, ${duration(r.ms)} elapsed, ~${duration(left)} left`;
  return `fuzz: ${done}, ${time}; ${failures(r)}`;
}

const histogram = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

/** The final summary: the seed, then one line per counter, then what was run. */
export function summaryLines(r: CampaignReport, savedTo?: string): string[] {
  const width = Math.max(...COUNTERS.map((k) => k.length));
  const lines = [
    `fuzz: seed ${r.seed}, ${r.cases} cases in ${duration(r.ms)} (${rate(r)} cases/s)`,
    ...COUNTERS.map((k) => {
      const note =
        k === 'nondeterminism' ? ` (of ${r.determinismChecked} cases checked twice)` : '';
      return `${k.padEnd(width)}  ${r.counts[k]}${note}`;
    }),
    `refused (binary or empty input, not a failure): ${r.refused}`,
    `kinds: ${histogram(r.kinds)}`,
    `forms: ${histogram(r.forms)}`,
  ];
  if (r.slowest)
    lines.push(
      `slowest case: --case ${r.slowest.index} (${r.slowest.kind}), ${Math.round(r.slowest.ms)} ms`,
    );
  if (r.failedCases > 0)
    lines.push(`FAILED: ${r.failedCases} case(s); inputs in ${savedTo ?? '(not saved)'}`);
  return lines;
}

/** Writes failing cases to a folder: the input as mend got it, and what failed as JSON. */
export class FailureWriter {
  private readonly saved = new Map<Counter, number>();
  written = 0;

  constructor(readonly dir: string) {}

  save(c: FuzzCase, result: CaseResult): void {
    const counters = [...new Set(result.findings.map((f) => f.counter))];
    if (counters.every((k) => (this.saved.get(k) ?? 0) >= MAX_SAVED_PER_COUNTER)) return;
    for (const k of counters) this.saved.set(k, (this.saved.get(k) ?? 0) + 1);
    mkdirSync(this.dir, { recursive: true });
    const base = join(this.dir, `case-${c.index}-${c.kind}`);
    const isString = typeof c.input === 'string';
    // A string is written as UTF-8 (lone surrogates become U+FFFD); the JSON holds it exactly.
    const file = `${base}.${isString ? 'txt' : 'bin'}`;
    writeFileSync(file, c.input);
    const meta = {
      seed: c.seed,
      index: c.index,
      kind: c.kind,
      form: c.form,
      cut: c.cut,
      options: c.options,
      findings: result.findings,
      replay: `npm run fuzz -- --seed ${c.seed} --case ${c.index}`,
      input: file,
      inputString: isString ? c.input : undefined,
    };
    writeFileSync(`${base}.json`, `${JSON.stringify(meta, null, 2)}\n`);
    this.written++;
  }
}
