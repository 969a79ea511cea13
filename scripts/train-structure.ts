/**
 * `npm run train`: count the character language model and fit the junction model, then fit the
 * page-structure model (which reads what the junction model joined) on fit pages, and write
 * data/char-lm.txt.gz, data/junction-model.json.gz and data/structure-model.json.gz. `--check`
 * retrains and compares with the shipped files instead (exit 1 if any byte differs).
 * `--max-pages N` trains on a sample (for trying things out). `--hold-out YYYY-MM` trains
 * without one fit month and scores it: model selection on fit pages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sharedEvalDir } from '../src/eval/paths.js';
import { lmFromBytes, lmPath } from '../src/lexicon/char-lm.js';
import { makeRejoinStage } from '../src/stages/rejoin/index.js';
import {
  JUNCTION_MODEL_PATH,
  JunctionModel,
  modelDecider,
} from '../src/stages/rejoin/junction-model.js';
import { MODEL_PATH } from '../src/stages/segment/structure/model.js';
import { junctionBytes, trainJunction, validateJunction } from '../src/train/junction/train.js';
import { TRAIN_SEEDS, trainStructure, weightsBytes } from '../src/train/structure/train.js';
import { validateStructure } from '../src/train/structure/validate.js';

const HELP = `npm run train [-- --check] [-- --max-pages N] [-- --out FILE]
npm run train -- --hold-out YYYY-MM

On the fit split (../shared/eval, see docs/eval.md): count the character language model and
fit the junction model (join, lacuna, lost tail or paragraph end at each column break), then
the page-structure model, and write
  ${lmPath()}
  ${JUNCTION_MODEL_PATH}
  ${MODEL_PATH}
--check retrains and compares with those files byte for byte (exit 1 if any differs).
--hold-out trains on the fit split less one month (e.g. 2020-01) and scores that month: the
junction model's calls at its breaks (lost text and paragraph ends, precision and recall, beside
the hand rules'), then the structure model's article scores beside the months trained on
(damage seed 7, both rate profiles, up to 400 pages a side and profile; about 5 minutes), and
the held-out month once more with the gold's own roles in place of the model's (gold labels: what
the other stages allow once every role is right): model selection that never reads test pages.
It writes nothing.
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
  const cellPR = (x: { p: number; r: number }) => `${x.p.toFixed(3)}/${x.r.toFixed(3)}`;
  process.stdout.write(`junction, held-out ${month}: precision/recall    model        rules\n`);
  for (const b of validateJunction(shared!, month, TRAIN_SEEDS, 7)) {
    process.stdout.write(
      `  ${b.profile.padEnd(10)} lost text (${b.breaks} breaks)  ${cellPR(b.loss.model)}  ${cellPR(b.loss.rules)}\n` +
        `  ${b.profile.padEnd(10)} paragraph ends             ${cellPR(b.end.model)}  ${cellPR(b.end.rules)}\n` +
        `  ${b.profile.padEnd(10)} lost text at loss threshold ${b.lossCurve.map((c) => `${c.threshold}: ${cellPR(c)}`).join(', ')}\n`,
    );
  }
  const { heldOut, inSample, goldLabels } = validateStructure(shared!, month);
  const cell = (x: number | undefined, width: number) => (x ?? NaN).toFixed(3).padStart(width);
  process.stdout.write(`metric                 held-out ${month}  in-sample    gap  gold labels\n`);
  for (const k of HOLD_OUT_METRICS) {
    const gap = (inSample[k] ?? NaN) - (heldOut[k] ?? NaN);
    process.stdout.write(
      `${k.padEnd(22)} ${cell(heldOut[k], 16)} ${cell(inSample[k], 10)} ${cell(gap, 6)} ${cell(goldLabels[k], 12)}\n`,
    );
  }
}

/** Write `bytes` to `path`, or with --check compare them; true when they are the same. */
function writeOrCompare(path: string, bytes: Buffer): boolean {
  if (!values.check) {
    writeFileSync(path, bytes);
    process.stdout.write(`train: wrote ${path}\n`);
    return true;
  }
  const same = Buffer.compare(bytes, readFileSync(path)) === 0;
  process.stdout.write(
    same
      ? `train --check: retrained ${path} is byte-identical\n`
      : `train --check: retrained ${path} DIFFERS from the shipped file\n`,
  );
  return same;
}

function train(): void {
  const maxPages = values['max-pages'] ? Number(values['max-pages']) : undefined;
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const junction = trainJunction(shared!, TRAIN_SEEDS, maxPages);
  process.stderr.write(
    `train: junction model from ${junction.examples} breaks, ${Object.keys(junction.weights.weights).length} features; language model ${junction.lmBytes.length} bytes (${seconds()} s)\n`,
  );
  const decider = modelDecider(new JunctionModel(junction.weights), lmFromBytes(junction.lmBytes));
  const report = trainStructure(
    shared!,
    (done, total) =>
      process.stderr.write(`train: pages of run ${done}/${total} read (${seconds()} s)\n`),
    maxPages,
    makeRejoinStage(decider),
  );
  const bytes = weightsBytes(report.weights);
  const features = Object.keys(report.weights.weights).length;
  process.stderr.write(
    `train: ${report.pages} fit pages (${report.skipped} left out), ${report.units} units, ${report.unmatched} without gold; ${features} features × ${report.weights.labels.length} labels, ${bytes.length} bytes\n`,
  );
  const out = values.out;
  const same = [
    writeOrCompare(out ? `${out}.lm.txt.gz` : lmPath(), junction.lmBytes),
    writeOrCompare(
      out ? `${out}.junction.json.gz` : JUNCTION_MODEL_PATH,
      junctionBytes(junction.weights),
    ),
    writeOrCompare(out ?? MODEL_PATH, bytes),
  ];
  if (values.check) process.exit(same.every(Boolean) ? 0 : 1);
}

if (values['hold-out']) holdOut(values['hold-out']);
else train();
