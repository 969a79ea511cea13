/**
 * `npm run eval:pdf [-- --pages N] [-- --seed S] [-- --split test]`: newspaper pages of a split
 * typeset into PDF by Chromium (three templates, one held out of all fitting), read by
 * newsmend's PDF reader and, as the baseline, by poppler's pdftotext (raw and -layout) and then
 * mended as text dumps (src/eval/pdf.ts). Prints the scores side by side and pages per second.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { sharedEvalDir } from '../src/eval/paths.js';
import { pdfEvalPages, pdfEvalReport, pdfSpeed, type PdfReader } from '../src/eval/pdf.js';
import { SPLIT_NAMES, type SplitName } from '../src/eval/splits.js';

const METRICS = [
  'article_start_f1',
  'article_count_exact',
  'headline_exact',
  'kicker_acc',
  'body_f1',
  'boundary_f1',
  'page_text_f1',
] as const;

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    split: { type: 'string', default: 'test' },
  },
});
const shared = sharedEvalDir();
if (!shared) {
  console.error('eval:pdf needs ../shared/eval (the page files)');
  process.exit(1);
}
const split = values.split as SplitName;
if (!SPLIT_NAMES.includes(split)) {
  console.error(`--split wants one of ${SPLIT_NAMES.join(', ')}`);
  process.exit(2);
}
process.stderr.write(`typesetting ${values.pages} ${split} pages…\n`);
const pages = await pdfEvalPages(shared, split, Number(values.pages), Number(values.seed));
const poppler = spawnSync('pdftotext', ['-v']).status === 0;
const readers: PdfReader[] = [
  'newsmend',
  ...(poppler ? (['pdftotext', 'pdftotext -layout'] as const) : []),
];
if (!poppler)
  console.log('pdftotext not installed (apt-get install poppler-utils): baseline rows left out');
process.stderr.write('reading and scoring…\n');
const rows = await pdfEvalReport(pages, readers);
console.log(`PDF pages — ${pages.length} ${split} pages (seed ${values.seed})`);
const name = Math.max(...rows.map((r) => r.name.length));
console.log(['reader'.padEnd(name), 'pages', ...METRICS].join('  '));
for (const r of rows)
  console.log(
    [
      r.name.padEnd(name),
      String(r.pages).padStart(5),
      ...METRICS.map((k) => (r.metrics[k] ?? NaN).toFixed(3).padStart(k.length)),
    ].join('  '),
  );
const speed = await pdfSpeed(pages);
console.log(
  `speed: newsmend ${speed.mend.toFixed(2)} pages/s on one core; PDF.js text extraction alone ${speed.floor.toFixed(2)} pages/s (x floor ${(speed.mend / speed.floor).toFixed(3)})`,
);
