/** The shipped weights are found from the package root, so the built CLI (dist/) finds them too. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../../src/package-root.js';
import { MODEL_PATH, shippedModel } from '../../../src/stages/segment/structure/model.js';

test('the structure model file is data/ of the package root and loads', () => {
  assert.equal(MODEL_PATH, join(packageRoot(), 'data', 'structure-model.json.gz'));
  assert.ok(existsSync(MODEL_PATH));
  assert.ok(shippedModel(), 'the shipped model loads');
});
