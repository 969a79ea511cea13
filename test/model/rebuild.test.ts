import assert from 'node:assert/strict';
import test from 'node:test';
import { mend, rebuild, verifyCoverage } from '../../src/index.js';

test('rebuild gives back a plain two-paragraph dump', () => {
  const text = '标题一\n\n第一段内容。\r\n第二段内容。\n';
  const edition = mend(text);
  assert.deepEqual(verifyCoverage(edition), []);
  assert.equal(rebuild(edition), text);
});
