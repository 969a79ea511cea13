/**
 * `npm run eval:furniture [-- --pages N] [-- --seed S]`: furniture learned per source by
 * `newsmend run`, scored on fit pages with and without each paper's own furniture
 * (src/eval/furniture.ts).
 */
import { parseArgs } from 'node:util';
import { furnitureReport } from '../src/eval/furniture.js';
import { sharedEvalDir } from '../src/eval/paths.js';

const METRICS = [
  'article_start_f1',
  'article_count_exact',
  'headline_exact',
  'body_f1',
  'boundary_f1',
] as const;

const { values } = parseArgs({
  options: { pages: { type: 'string', default: '200' }, seed: { type: 'string', default: '11' } },
});
const shared = sharedEvalDir();
if (!shared) {
  console.error('eval:furniture needs ../shared/eval (the fit pages)');
  process.exit(1);
}
const r = furnitureReport(shared, Number(values.pages), Number(values.seed));
const w = r.withPaperFurniture;
console.log(`learned furniture — ${w.pages} fit pages (dev profile, seed ${values.seed})`);
console.log(
  `with each paper's furniture on every page: ${w.learned} lines learned (${w.learnedPaperLines} of the paper's); ` +
    `learned-rule drops ${w.drops} (${w.rightDrops} furniture): precision ${w.precision.toFixed(3)}; ` +
    `paper lines printed ${w.printed}, dropped ${w.dropped}: recall ${w.recall.toFixed(3)}`,
);
const fmt = (m: Record<string, number>) =>
  METRICS.map((k) => `${k} ${(m[k] ?? NaN).toFixed(3)}`).join('  ');
console.log(`without paper furniture: ${r.plain.learned} lines learned`);
console.log(`  articles, lexicon only:     ${fmt(r.plain.without as never)}`);
console.log(`  articles, learned as well:  ${fmt(r.plain.with as never)}`);
