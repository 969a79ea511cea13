import { decode } from '../decode/index.js';
import { articleParts } from '../model/parts.js';
import type { Edition, Span } from '../model/types.js';
import { mend } from '../pipeline.js';
import { noisyRecords } from './records.js';
import { rebuildMatches } from './run.js';

/** Findings listed per kind in the report, at most (the counts are always complete). */
const MAX_LISTED = 5;

export interface RobustnessReport {
  records: number;
  crashes: number;
  rebuildFailures: number;
  /** Article text that is not the source text at its spans (invented or retyped text). */
  nonSource: number;
  /** Non-empty input that gave no article and no residue. */
  emptyOutput: number;
  examples: { kind: string; id: string; detail: string }[];
  ms: number;
}

function sliceSpans(source: string, spans: Span[]): string {
  return spans.map((s) => source.slice(s.start, s.end)).join('');
}

/**
 * The first article text that differs from the source at its spans, if any. A dateline read from
 * the closing source tag has no spans of its own (`spans: []`, `fromSourceTag`) and the tag's
 * text: `articleParts` leaves it out, and it is checked against the tag, whose text is checked
 * against the tag's spans as a part.
 */
export function nonSourceText(edition: Edition, source: string): string | undefined {
  for (const a of edition.articles) {
    for (const part of articleParts(a))
      if (sliceSpans(source, part.spans) !== part.text)
        return `${a.id} ${part.name}: ${part.text.slice(0, 40)}`;
    const { dateline } = a;
    if (dateline?.fromSourceTag && dateline.text !== a.fields.sourceTag?.text)
      return `${a.id} dateline: ${dateline.text.slice(0, 40)} (not its source tag's text)`;
  }
  return undefined;
}

/** Run the engine over every noisy record: it must not crash, lose text or invent text. */
export function robustnessSweep(dir: string): RobustnessReport {
  const started = performance.now();
  const report: RobustnessReport = {
    records: 0,
    crashes: 0,
    rebuildFailures: 0,
    nonSource: 0,
    emptyOutput: 0,
    examples: [],
    ms: 0,
  };
  const note = (kind: string, id: string, detail: string) => {
    if (report.examples.filter((e) => e.kind === kind).length < MAX_LISTED)
      report.examples.push({ kind, id, detail });
  };
  for (const record of noisyRecords(dir)) {
    report.records++;
    let edition: Edition;
    try {
      edition = mend(record.bytes, { name: record.id });
    } catch (error) {
      report.crashes++;
      note('crash', record.id, error instanceof Error ? error.message : String(error));
      continue;
    }
    if (!rebuildMatches(edition, record.bytes)) {
      report.rebuildFailures++;
      note('rebuild', record.id, 'rebuild(edition) differs from the decoded input');
    }
    const source = decode(record.bytes, edition.options.encoding).text;
    const bad = nonSourceText(edition, source);
    if (bad) {
      report.nonSource++;
      note('non-source', record.id, bad);
    }
    if (source.trim().length > 0 && edition.articles.length === 0 && edition.residue.length === 0) {
      report.emptyOutput++;
      note('empty', record.id, 'no article and no residue');
    }
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}

export function renderRobustness(r: RobustnessReport): string {
  const lines = [
    `robustness sweep: ${r.records} noisy records in ${(r.ms / 1000).toFixed(1)}s`,
    `  crashes             ${r.crashes}`,
    `  rebuild failures    ${r.rebuildFailures}`,
    `  non-source text     ${r.nonSource}`,
    `  empty output        ${r.emptyOutput}`,
    ...r.examples.map((e) => `  ${e.kind}: ${e.id}: ${e.detail}`),
  ];
  return lines.join('\n') + '\n';
}

/** Gate values of the sweep, keyed like the other metrics. */
export function robustnessValues(r: RobustnessReport): Record<string, number> {
  return {
    'robustness.crashes': r.crashes,
    'robustness.rebuild_failures': r.rebuildFailures,
    'robustness.non_source': r.nonSource,
    'robustness.empty_output': r.emptyOutput,
  };
}
