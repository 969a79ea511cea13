import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleIdOfKey, articleKey, keyRange } from '../../src/search/key.js';

test("keys put newer articles higher, undated lowest (last in the index's newest-first walk), and give the row id back", () => {
  const keys = [
    articleKey(7, '2025-05-09'),
    articleKey(3, '2025-05-08'),
    articleKey(9, '1950-01-01'),
    articleKey(1, '1700-06-01'),
    articleKey(2, null),
  ];
  assert.deepEqual(
    [...keys].sort((a, b) => b - a),
    keys,
  );
  assert.deepEqual(keys.map(articleIdOfKey), [7, 3, 9, 1, 2]);
  assert.ok(keys.every(Number.isSafeInteger));
  assert.throws(() => articleKey(2 ** 32, '2025-01-01'), RangeError);
});

test('a date range is the keys of its days, without the undated', () => {
  const inside = (key: number, r: { low: number; high: number }) => key >= r.low && key <= r.high;
  const may = keyRange('2025-05-01', '2025-05-31');
  assert.ok(inside(articleKey(5, '2025-05-01'), may));
  assert.ok(inside(articleKey(5, '2025-05-31'), may));
  assert.ok(!inside(articleKey(5, '2025-04-30'), may));
  assert.ok(!inside(articleKey(5, '2025-06-01'), may));
  assert.ok(!inside(articleKey(5, null), keyRange(undefined, '2025-05-31')));
  assert.ok(!inside(articleKey(5, null), keyRange('2025-05-01')));
  assert.ok(inside(articleKey(5, null), keyRange()));
});
