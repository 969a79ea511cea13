/**
 * `npm run corpus:run [-- --workers N] [-- --seed S] [-- --keep]`: every page of
 * ../shared/eval/pages (all four files, every split: ~25,000 articles) rendered as a damaged
 * dump (`dev` profile) and mended by `newsmend run` into a temporary folder — the corpus-scale
 * run of the corpus-run issue. Prints the run's summary and aggregate counts only (test pages
 * are never read one by one) and deletes the folder unless --keep.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { sharedEvalDir } from '../src/eval/paths.js';
import { RUN_DEFAULTS } from '../src/run/defaults.js';
import { runCorpus } from '../src/run/run.js';
import { planFiles, synthPlans } from '../src/synth/index.js';
import { DEV_RATES } from '../src/synth/rates.js';

const PAGE_FILES = [
  'rmrb-2019-2020.jsonl',
  'rmrb-2025.jsonl',
  'rmrb-2011-2019.jsonl',
  'cctv-2022-2024.jsonl',
];

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: String(availableParallelism()) },
    seed: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});
const shared = sharedEvalDir();
if (!shared) {
  console.error('corpus:run needs ../shared/eval');
  process.exit(1);
}
const seed = Number(values.seed);
const dir = mkdtempSync(join(tmpdir(), 'newsmend-corpus-'));
try {
  let pages = 0;
  let articles = 0;
  let bytes = 0;
  for (const file of PAGE_FILES) {
    const plans = planFiles([join(shared, 'pages', file)], seed);
    const source = basename(file, '.jsonl');
    const lines = synthPlans(plans, seed, DEV_RATES).map((page) =>
      JSON.stringify({ text: page.text, source, page: page.id }),
    );
    pages += plans.length;
    articles += plans.reduce((n, p) => n + p.records.length, 0);
    const jsonl = Buffer.from(`${lines.join('\n')}\n`);
    bytes += jsonl.length;
    writeFileSync(join(dir, `${source}.jsonl.gz`), gzipSync(jsonl));
  }
  console.log(
    `corpus: ${pages} pages, ${articles} gold articles, ${(bytes / 1e6).toFixed(1)} MB of JSONL (dev profile, seed ${seed})`,
  );
  const out = join(dir, 'out');
  const started = Date.now();
  let last = 0;
  const summary = await runCorpus(
    {
      inputs: [dir],
      out,
      workers: Number(values.workers),
      ...RUN_DEFAULTS,
    },
    {
      progress: (p) => {
        if (Date.now() - last < 10_000) return;
        last = Date.now();
        process.stderr.write(`  ${p.documents} documents, ${p.articles} articles\n`);
      },
    },
  );
  const seconds = (Date.now() - started) / 1000;
  const stats = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8'));
  console.log(
    `run: ${summary.documents} documents → ${summary.articles} articles in ${summary.shards} shards; ` +
      `${seconds.toFixed(0)} s with ${values.workers} workers (${(summary.documents / seconds).toFixed(1)} pages/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s)`,
  );
  console.log(
    `not mended: ${JSON.stringify(stats.notMended)}; copies across pages: ${stats.duplicates.copies}; too short to judge: ${stats.duplicates.tooShort}`,
  );
  console.log(
    `characters: source ${stats.chars.source}, in articles ${stats.chars.articles}, residue ${stats.chars.residue}, dropped ${stats.chars.dropped}`,
  );
  console.log(
    `learned furniture: ${stats.learnedFurniture.map((f: { source: string; lines: object }) => `${f.source} ${Object.keys(f.lines).length} lines`).join(', ') || 'none'}`,
  );
  for (const s of stats.stages)
    console.log(
      `  ${s.stage.padEnd(12)} edits ${String(s.edits).padStart(7)}  dropped ${String(s.dropped.items).padStart(6)} items ${String(s.dropped.chars).padStart(8)} chars`,
    );
  if (values.keep) console.log(`kept: ${out}`);
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
