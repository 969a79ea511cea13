/**
 * `npm run eval:dedup [-- --pages N] [-- --seed S] [-- --threshold J]`: precision and recall of the cross-document
 * duplicate finder of `newsmend run` on a set built from fit pages (src/eval/dedup.ts).
 */
import { parseArgs } from 'node:util';
import { dedupSet, scoreDedup } from '../src/eval/dedup.js';
import { DUPLICATE_JACCARD } from '../src/run/dedup/cross.js';
import { sharedEvalDir } from '../src/eval/paths.js';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '300' },
    seed: { type: 'string', default: '11' },
    threshold: { type: 'string', default: String(DUPLICATE_JACCARD) },
  },
});
const shared = sharedEvalDir();
if (!shared) {
  console.error('eval:dedup needs ../shared/eval (the fit pages)');
  process.exit(1);
}
const started = Date.now();
const set = dedupSet(shared, Number(values.pages), Number(values.seed));
const s = scoreDedup(set, Number(values.threshold));
console.log(
  `cross-document duplicates — threshold ${values.threshold}, ${s.pages} pages (fit split, seed ${values.seed}), ${s.articles} articles mended; reprints by edit: ${JSON.stringify(s.reprints)}`,
);
console.log(
  `copies ${s.copies}, flagged ${s.flagged} (${s.right} right), found ${s.found}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}; ` +
    `${s.notJudged} articles too short to judge; index ${s.bytesPerArticle} bytes per article; ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
