/**
 * `npm run train`: fit the page-structure model on fit pages and write
 * data/structure-model.json.gz. `--check` retrains and compares with the shipped file instead
 * (exit 1 if the bytes differ). `--max-pages N` trains on a sample (for trying things out).
 * `--hold-out YYYY-MM` trains without one fit month and scores it: model selection on fit pages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sharedEvalDir } from '../src/eval/paths.js';
import { MODEL_PATH } from '../src/stages/segment/structure/model.js';
import { trainStructure, weightsBytes } from '../src/train/structure/train.js';
import { validateStructure } from '../src/train/structure/validate.js';

const HELP = `npm run train [-- --check] [-- --max-pages N] [-- --out FILE]
npm run train -- --hold-out YYYY-MM

Fit the page-structure model on the fit split (../shared/eval, see docs/eval.md) and write
${MODEL_PATH}. --check retrains and compares with that file byte for byte.
--hold-out trains on the fit split less one month (e.g. 2020-01) and scores that month beside
the months trained on (damage seed 7, both rate profiles, up to 400 pages a side and profile;
about 4 minutes): model selection that never reads test pages. It writes nothing.
`;

/** Metrics the hold-out table shows. */
const HOLD_OUT_METRICS = [
  'article_start_f1',
  'article_count_exact',
  'headline_exact',
  'kicker_acc',
  'body_f1',
  'boundary_f1',
] as const;

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    'max-pages': { type: 'string' },
    out: { type: 'string' },
    'hold-out': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const shared = sharedEvalDir();
if (!shared) {
  process.stderr.write('train: ../shared/eval not found (set NEWSMEND_SHARED)\n');
  process.exit(1);
}

function holdOut(month: string): void {
  if (!/^\d{4}-\d{2}$/u.test(month)) {
    process.stderr.write(`train: --hold-out wants a fit month like 2020-01, got '${month}'\n`);
    process.exit(2);
  }
  const { heldOut, inSample } = validateStructure(shared!, month);
  const cell = (x: number | undefined, width: number) => (x ?? NaN).toFixed(3).padStart(width);
  process.stdout.write(`metric                 held-out ${month}  in-sample    gap\n`);
  for (const k of HOLD_OUT_METRICS) {
    const gap = (inSample[k] ?? NaN) - (heldOut[k] ?? NaN);
    process.stdout.write(
      `${k.padEnd(22)} ${cell(heldOut[k], 16)} ${cell(inSample[k], 10)} ${cell(gap, 6)}\n`,
    );
  }
}

function train(): void {
  const maxPages = values['max-pages'] ? Number(values['max-pages']) : undefined;
  const started = Date.now();
  const report = trainStructure(
    shared!,
    (done, total) =>
      process.stderr.write(
        `train: pages of run ${done}/${total} read (${Math.round((Date.now() - started) / 1000)} s)\n`,
      ),
    maxPages,
  );
  const bytes = weightsBytes(report.weights);
  const features = Object.keys(report.weights.weights).length;
  process.stderr.write(
    `train: ${report.pages} fit pages (${report.skipped} left out), ${report.units} units, ${report.unmatched} without gold; ${features} features × ${report.weights.labels.length} labels, ${bytes.length} bytes\n`,
  );
  if (values.check) {
    const same = Buffer.compare(bytes, readFileSync(MODEL_PATH)) === 0;
    process.stdout.write(
      same
        ? 'train --check: retrained model is byte-identical\n'
        : 'train --check: retrained model DIFFERS from the shipped file\n',
    );
    process.exit(same ? 0 : 1);
  }
  writeFileSync(values.out ?? MODEL_PATH, bytes);
  process.stdout.write(`train: wrote ${values.out ?? MODEL_PATH}\n`);
}

if (values['hold-out']) holdOut(values['hold-out']);
else train();
