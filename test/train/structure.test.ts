import assert from 'node:assert/strict';
import test from 'node:test';
import { sharedEvalDir } from '../../src/eval/paths.js';
import { StructureModel, parseWeights } from '../../src/stages/segment/structure/model.js';
import { DEFAULT_FIT, fitCrf } from '../../src/train/structure/fit.js';
import { trainStructure, weightsBytes } from '../../src/train/structure/train.js';

const shared = sharedEvalDir();
/** A few fit pages per run: enough to train a small model twice in seconds. */
const SAMPLE_PAGES = 6;

test(
  'training twice on the same fit pages gives byte-identical weights',
  { skip: !shared && 'needs ../shared/eval' },
  () => {
    const a = weightsBytes(trainStructure(shared!, undefined, SAMPLE_PAGES).weights);
    const b = weightsBytes(trainStructure(shared!, undefined, SAMPLE_PAGES).weights);
    assert.ok(a.length > 1000);
    assert.equal(Buffer.compare(a, b), 0);
    const model = new StructureModel(parseWeights(a));
    assert.ok(model.labels.includes('headline+'), 'the sample holds article openings');
  },
);

test('a word feature is kept only when it recurs over many lines; other features at minCount', () => {
  // Hand-made units: `fw:…` is a word feature (isLexical), `shape:…` is not.
  const unit = (features: string[], label: string) => ({
    features,
    key: '1|heading|headline',
    label,
  });
  const page = [
    unit(['bias', 'shape:heading', 'fw:城西'], 'headline+'),
    unit(['bias', 'shape:paragraph', 'fw:码头'], 'paragraph'),
  ];
  const often = Array.from({ length: 5 }, () => page);
  const options = { ...DEFAULT_FIT, epochs: 1, minCount: 3, lexicalMinCount: 6 };
  // Every step allowed, so that the gold path is not the only one and the weights move.
  const steps = ['^', 'headline+', 'paragraph'].flatMap((b) =>
    ['headline+', 'paragraph'].map((a) => `${b}>${a}`),
  );
  const weights = fitCrf(often, steps, {}, options);
  assert.ok(weights.weights['shape:heading'], 'seen 5 times ≥ minCount 3: kept');
  assert.equal(weights.weights['fw:城西'], undefined, 'a word seen 5 times < 6: left out');
  const more = fitCrf([...often, page], steps, {}, options);
  assert.ok(more.weights['fw:城西'], 'seen 6 times: kept');
});
