import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleTerms, compileTsQuery } from '../../src/archive/pg/terms.js';
import { parseQuery } from '../../src/search/query.js';

test('the PostgreSQL index holds the tokens of the SQLite index, headline part weighted A', () => {
  const terms = articleTerms('河道整治', '比分 0 比 1，河道');
  const lexemes = new Map(
    terms.split(' ').map((entry) => {
      const at = entry.lastIndexOf(':');
      return [entry.slice(0, at), entry.slice(at + 1)];
    }),
  );
  assert.equal(lexemes.get("'河道'"), '1A,2');
  assert.equal(lexemes.get("'整治'"), '1A');
  assert.equal(lexemes.get("'比分'"), '2');
  // The number 0 is a word like any other, not the FTS5 run break.
  assert.equal(lexemes.get("'0'"), '2');
  assert.equal(lexemes.get("'分比'"), undefined, 'no pair across two runs');
});

test('a term is exact in the index when it is one token; longer runs need the text check', () => {
  assert.deepEqual(compileTsQuery(parseQuery('河')), { query: "'河'", exact: true });
  assert.deepEqual(compileTsQuery(parseQuery('河道')), { query: "'河道'", exact: true });
  assert.deepEqual(compileTsQuery(parseQuery('河道整')), {
    query: "('河道' & '道整')",
    exact: false,
  });
  assert.equal(compileTsQuery(parseQuery('河道 -整治')).query, "(('河道') & !('整治'))");
  assert.equal(compileTsQuery(parseQuery('0')).query, "'0'");
});
