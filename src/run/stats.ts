/**
 * The counts `stats.json` reports, datatrove-style: what each stage did to the corpus (items
 * and characters it dropped, by rule), documents in and out, characters kept and dropped.
 * Counted per document in the workers and summed; nothing here depends on time, so a resumed
 * run writes the same `stats.json` as an uninterrupted one.
 */
import type { Edition } from '../model/types.js';
import { STAGES } from '../pipeline.js';

export interface Tally {
  items: number;
  chars: number;
}

export interface StageTally {
  /** Ledger entries the stage wrote. */
  edits: number;
  dropped: Tally;
  droppedByRule: Record<string, Tally>;
}

export interface RunStats {
  /** Documents read: files, or records of JSONL files. */
  documents: number;
  /** Documents mended and written. */
  mended: number;
  /** Documents not mended, by why: unreadable, refused (not a page dump), failed, repeated-input. */
  notMended: Record<string, number>;
  articles: number;
  residueItems: number;
  chars: { source: number; articles: number; residue: number; dropped: number };
  stages: Record<string, StageTally>;
  /** Copies across documents: articles too short to judge, and copies found. */
  duplicates: { tooShort: number; copies: number };
}

export function emptyStats(): RunStats {
  return {
    documents: 0,
    mended: 0,
    notMended: {},
    articles: 0,
    residueItems: 0,
    chars: { source: 0, articles: 0, residue: 0, dropped: 0 },
    stages: {},
    duplicates: { tooShort: 0, copies: 0 },
  };
}

/** Counts of a document that was not mended, and why. */
export function failedStats(why: string): RunStats {
  const stats = emptyStats();
  stats.documents = 1;
  stats.notMended[why] = 1;
  return stats;
}

function articleChars(edition: Edition): number {
  let n = 0;
  for (const a of edition.articles) {
    for (const field of [a.fields.kicker, a.fields.headline, a.fields.subheadline])
      n += field?.text.length ?? 0;
    n += (a.dateline?.text.length ?? 0) + (a.fields.byline?.text.length ?? 0);
    n += a.fields.sourceTag?.text.length ?? 0;
    for (const item of a.body) n += item.text.length;
    for (const r of a.fields.related) n += r.text.length;
  }
  return n;
}

export function documentStats(edition: Edition): RunStats {
  const stats = emptyStats();
  stats.documents = 1;
  stats.mended = 1;
  stats.articles = edition.articles.length;
  stats.residueItems = edition.residue.length;
  stats.chars.source = edition.source.chars;
  stats.chars.articles = articleChars(edition);
  stats.chars.residue = edition.residue.reduce((n, r) => n + r.text.length, 0);
  for (const edit of edition.edits) {
    const stage = (stats.stages[edit.stage] ??= { edits: 0, dropped: zero(), droppedByRule: {} });
    stage.edits++;
    if (edit.action !== 'drop') continue;
    const chars = edit.text?.length ?? 0;
    add(stage.dropped, { items: 1, chars });
    add((stage.droppedByRule[edit.rule] ??= zero()), { items: 1, chars });
    stats.chars.dropped += chars;
  }
  return stats;
}

const zero = (): Tally => ({ items: 0, chars: 0 });

function add(into: Tally, t: Tally): void {
  into.items += t.items;
  into.chars += t.chars;
}

/** Adds `b` into `a`. */
export function addStats(a: RunStats, b: RunStats): RunStats {
  a.documents += b.documents;
  a.mended += b.mended;
  for (const [why, n] of Object.entries(b.notMended))
    a.notMended[why] = (a.notMended[why] ?? 0) + n;
  a.articles += b.articles;
  a.residueItems += b.residueItems;
  for (const k of ['source', 'articles', 'residue', 'dropped'] as const) a.chars[k] += b.chars[k];
  a.duplicates.tooShort += b.duplicates.tooShort;
  a.duplicates.copies += b.duplicates.copies;
  for (const [name, s] of Object.entries(b.stages)) {
    const into = (a.stages[name] ??= { edits: 0, dropped: zero(), droppedByRule: {} });
    into.edits += s.edits;
    add(into.dropped, s.dropped);
    for (const [rule, t] of Object.entries(s.droppedByRule))
      add((into.droppedByRule[rule] ??= zero()), t);
  }
  return a;
}

/**
 * The stats as `stats.json` writes them: stages in pipeline order, each with the characters
 * that reached it and that it passed on (what the stages before dropped, taken off the
 * source), rules and reasons sorted, so the same run always writes the same bytes.
 */
export function statsReport(stats: RunStats, extra: Record<string, unknown>) {
  let chars = stats.chars.source;
  const stages = STAGES.map(({ name }) => {
    const s = stats.stages[name] ?? { edits: 0, dropped: zero(), droppedByRule: {} };
    const charsIn = chars;
    chars -= s.dropped.chars;
    return {
      stage: name,
      edits: s.edits,
      charsIn,
      charsOut: chars,
      dropped: s.dropped,
      droppedByRule: sortedKeys(s.droppedByRule),
    };
  });
  return {
    ...extra,
    documents: stats.documents,
    mended: stats.mended,
    notMended: sortedKeys(stats.notMended),
    articles: stats.articles,
    residueItems: stats.residueItems,
    chars: stats.chars,
    duplicates: stats.duplicates,
    stages,
  };
}

function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
