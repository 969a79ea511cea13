import assert from 'node:assert/strict';
import test from 'node:test';
import { sharedEvalDir } from '../../src/eval/paths.js';
import { StructureModel, parseWeights } from '../../src/stages/segment/structure/model.js';
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
