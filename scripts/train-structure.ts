/**
 * `npm run train`: fit the page-structure model on fit pages and write
 * data/structure-model.json.gz. `--check` retrains and compares with the shipped file instead
 * (exit 1 if the bytes differ). `--max-pages N` trains on a sample (for trying things out).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sharedEvalDir } from '../src/eval/paths.js';
import { MODEL_PATH } from '../src/stages/segment/structure/model.js';
import { trainStructure, weightsBytes } from '../src/train/structure/train.js';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    'max-pages': { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(`npm run train [-- --check] [-- --max-pages N] [-- --out FILE]
Fit the page-structure model on the fit split (../shared/eval, see docs/eval.md) and write
${MODEL_PATH}. --check retrains and compares with that file byte for byte.
`);
  process.exit(0);
}
const shared = sharedEvalDir();
if (!shared) {
  process.stderr.write('train: ../shared/eval not found (set NEWSMEND_SHARED)\n');
  process.exit(1);
}
const maxPages = values['max-pages'] ? Number(values['max-pages']) : undefined;
const started = Date.now();
const report = trainStructure(
  shared,
  (done, total) =>
    process.stderr.write(
      `train: pages of run ${done}/${total} read (${Math.round((Date.now() - started) / 1000)} s)\n`,
    ),
  maxPages,
);
const bytes = weightsBytes(report.weights);
process.stderr.write(
  `train: ${report.pages} fit pages (${report.skipped} left out), ${report.units} units, ${report.unmatched} without gold; ${Object.keys(report.weights.weights).length} features × ${report.weights.labels.length} labels, ${bytes.length} bytes\n`,
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
