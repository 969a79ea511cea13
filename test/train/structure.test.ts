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

test('averaged weights are the mean of the weights after each page of the epochs averaged', () => {
  const unit = (features: string[], label: string) => ({ features, key: '1|heading|x', label });
  const page = [
    unit(['bias', 'shape:heading'], 'headline+'),
    unit(['bias', 'shape:paragraph'], 'paragraph'),
  ];
  const steps = ['^', 'headline+', 'paragraph'].flatMap((b) =>
    ['headline+', 'paragraph'].map((a) => `${b}>${a}`),
  );
  // One page a pass: the weights after each page are the weights after each epoch.
  const fit = (epochs: number, averageFrom?: number) =>
    fitCrf([page], steps, {}, { ...DEFAULT_FIT, epochs, minCount: 1, averageFrom }).weights;
  const [one, two, mean] = [fit(1), fit(2), fit(2, 0)];
  for (const name of Object.keys(two))
    two[name].forEach((w, y) => {
      const expected = ((one[name]?.[y] ?? 0) + w) / 2;
      // Written weights are rounded to 3 decimals (and tiny ones left out): within 0.003.
      assert.ok(Math.abs((mean[name]?.[y] ?? 0) - expected) < 0.003, `${name}[${y}]`);
    });
  assert.notDeepEqual(mean, two, 'averaging moved the weights');
  assert.deepEqual(fit(2, 1), two, 'averaging only the last iterate changes nothing');
});
