/**
 * Writing a shard: its documents' records in input order, each judged against the articles
 * before it (copies marked or dropped as the dedup mode says), its drops, its Editions, and
 * the manifest line with the shard's counts and signatures.
 */
import type { DocumentResult, DropLine } from './document.js';
import { CrossDuplicates, markedDuplicate } from './dedup/cross.js';
import type { RunOutput, ShardEntry } from './output.js';
import { addStats, emptyStats, type RunStats } from './stats.js';

/**
 * A document back from its worker (or decided without one), in input order: its key, not its
 * bytes, which a shard held until written would otherwise keep alive.
 */
export type Finished = { key: string; sha: string | null; result: DocumentResult };

/** A shard's records and the drops of copies, as the dedup mode says; tallies the verdicts. */
function judgeRecords(
  finished: Finished,
  duplicates: CrossDuplicates,
  stats: RunStats,
): { records: string; drops: string } {
  let records = '';
  let drops = finished.result.drops;
  for (const record of finished.result.records) {
    if (record.signature === null) stats.duplicates.tooShort++;
    const verdict = duplicates.judge(record.id, record.signature);
    if (!verdict) {
      records += `${record.json}\n`;
      continue;
    }
    stats.duplicates.copies++;
    if (duplicates.mode === 'mark') {
      records += `${markedDuplicate(record.json, verdict)}\n`;
      continue;
    }
    const drop: DropLine = {
      doc: finished.key,
      stage: 'run',
      rule: 'near-duplicate',
      reason: `the same story as ${verdict.of} (estimated Jaccard ${verdict.jaccard})`,
      text: (JSON.parse(record.json) as { text: string }).text,
      of: verdict.of,
      jaccard: verdict.jaccard,
    };
    drops += `${JSON.stringify(drop)}\n`;
  }
  return { records, drops };
}

export function writeShard(
  output: RunOutput,
  shard: Finished[],
  index: number,
  editions: boolean,
  total: RunStats,
  duplicates: CrossDuplicates,
): void {
  const stats = emptyStats();
  for (const { result } of shard) addStats(stats, result.stats);
  const judged = shard.map((f) => judgeRecords(f, duplicates, stats));
  const entry: ShardEntry = {
    shard: index,
    documents: shard.map((p) => [p.key, p.sha]),
    articles: shard.flatMap((p) =>
      p.result.records.map((r): [string, string | null] => [r.id, r.signature]),
    ),
    stats,
  };
  output.writeShard(entry, {
    articles: judged.map((j) => j.records).join(''),
    drops: judged.map((j) => j.drops).join(''),
    ...(editions ? { editions: shard.map((p) => p.result.edition).join('') } : {}),
  });
  addStats(total, stats);
}
