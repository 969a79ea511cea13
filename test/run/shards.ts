/** Reading what `newsmend run` wrote, for the tests: every JSON line of a kind of shard. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The records of every `<prefix>NNNNN.jsonl.gz` in `out`, shards in order. */
export function shardLines(out: string, prefix: string): Record<string, any>[] {
  return readdirSync(out)
    .filter((n) => n.startsWith(prefix))
    .sort()
    .flatMap((n) =>
      gunzipSync(readFileSync(join(out, n)))
        .toString('utf8')
        .split('\n'),
    )
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}
