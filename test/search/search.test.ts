import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openArchive, openArchiveReadonly, type Db } from '../../src/archive/db.js';
import { ingestEdition } from '../../src/archive/store.js';
import { MAX_QUERY_CHARS, QueryError } from '../../src/search/query.js';
import { search } from '../../src/search/search.js';
import { aprilEdition, richEdition, WORDS } from '../archive/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-search-'));
let db: Db;

before(() => {
  const path = join(dir, 'a.db');
  const w = openArchive(path);
  ingestEdition(w, richEdition());
  ingestEdition(w, aprilEdition());
  w.close();
  db = openArchiveReadonly(path);
});
after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const headlines = (q: string, extra = {}) =>
  search(db, { q, ...extra }).hits.map((h) => h.headline.map((s) => s.text).join(''));

test('1-, 2-, 3- and 6-character Chinese queries find exact substrings', () => {
  assert.equal(WORDS.six.length, 6);
  assert.deepEqual(headlines(WORDS.one), ['梁滩河流域治理取得新进展']);
  assert.deepEqual(
    headlines(WORDS.two).sort(),
    ['梁滩河流域治理取得新进展', '湖畔春色引游人'].sort(),
  );
  assert.deepEqual(headlines(WORDS.three), ['梁滩河流域治理取得新进展']);
  assert.deepEqual(headlines(WORDS.six), ['梁滩河流域治理取得新进展']);
});

test('a headline hit ranks above a body-only hit', () => {
  assert.deepEqual(headlines('河'), ['梁滩河流域治理取得新进展', '湖畔春色引游人']);
});

test('results are exact: bigrams present in the wrong order or apart do not match', () => {
  // 治理 and 理取 are both indexed, but never adjacent as 治理取 except in the headline.
  assert.deepEqual(headlines('治理取'), ['梁滩河流域治理取得新进展']);
  assert.deepEqual(headlines('河流治'), []);
  // 河友 is not in the text although 河 and 友 are.
  assert.deepEqual(headlines('河友'), []);
  assert.deepEqual(headlines('莫斯科座谈'), []);
});

test('text that exists only after a rejoin is found', () => {
  const result = search(db, { q: WORDS.joined });
  assert.equal(result.total, 1);
  const snippet = result.hits[0].snippet;
  assert.ok(snippet.some((s) => s.hit && s.text === WORDS.joined));
});

test('snippets highlight every occurrence of the terms', () => {
  const hit = search(db, { q: '河 OR 湾' }).hits[0];
  assert.ok(hit.snippet.filter((s) => s.hit).length >= 2);
  assert.deepEqual(
    hit.headline.filter((s) => s.hit).map((s) => s.text),
    ['河'],
  );
  const joined = hit.snippet.map((s) => s.text).join('');
  assert.ok(!joined.includes('\n'));
});

test('phrase, AND, OR, NOT and a leading minus', () => {
  assert.deepEqual(headlines('"中俄青年"'), ['中俄青年共话友谊']);
  assert.deepEqual(headlines('河道 AND 游人'), ['湖畔春色引游人']);
  assert.deepEqual(headlines('河道 游人'), ['湖畔春色引游人']);
  assert.deepEqual(
    headlines('白鹭 OR 赏花').sort(),
    ['梁滩河流域治理取得新进展', '湖畔春色引游人'].sort(),
  );
  assert.deepEqual(headlines('河道 NOT 西湖'), ['梁滩河流域治理取得新进展']);
  assert.deepEqual(headlines('河道 -西湖'), ['梁滩河流域治理取得新进展']);
  assert.deepEqual(headlines('(白鹭 OR 座谈) 莫斯科'), ['中俄青年共话友谊']);
});

test('Latin, digits, full-width forms and mixed queries', () => {
  assert.deepEqual(
    headlines('5月8日').sort(),
    ['梁滩河流域治理取得新进展', '中俄青年共话友谊'].sort(),
  );
  assert.deepEqual(headlines('ＡＬＥＲＴ'), ['梁滩河流域治理取得新进展']);
  assert.deepEqual(headlines('onerror'), ['梁滩河流域治理取得新进展']);
  assert.deepEqual(headlines('4月1日'), ['湖畔春色引游人']);
});

test('filters: date range, agency, place, person', () => {
  assert.deepEqual(headlines('河', { from: '2025-05-01' }), ['梁滩河流域治理取得新进展']);
  assert.deepEqual(headlines('河', { to: '2025-04-30' }), ['湖畔春色引游人']);
  assert.deepEqual(headlines('河', { from: '2025-04-01', to: '2025-04-01' }), ['湖畔春色引游人']);
  assert.deepEqual(
    headlines('青年 OR 河', { agency: '新华社' }).sort(),
    ['中俄青年共话友谊', '湖畔春色引游人'].sort(),
  );
  assert.deepEqual(headlines('青年 OR 河', { place: '莫斯科' }), ['中俄青年共话友谊']);
  assert.deepEqual(headlines('河', { person: '李明' }), ['梁滩河流域治理取得新进展']);
  assert.deepEqual(headlines('河', { person: '赵雷' }), ['湖畔春色引游人']);
  assert.deepEqual(headlines('河', { person: '无名' }), []);
});

test('paging: limit and offset, total counts every verified match', () => {
  const all = search(db, { q: '河' });
  assert.equal(all.total, 2);
  assert.equal(all.complete, true);
  const second = search(db, { q: '河', limit: 1, offset: 1 });
  assert.equal(second.hits.length, 1);
  assert.equal(second.hits[0].articleId, all.hits[1].articleId);
});

const MALFORMED = [
  '"',
  'AND',
  '(',
  'NEAR(',
  '*',
  '-',
  '"河道',
  '河道"',
  '河道 AND',
  'OR 河道',
  '(河道',
  '河道)',
  'NOT 河道',
  '',
  '   ',
  '^',
  '河道 NOT',
  '"" ',
  'x'.repeat(MAX_QUERY_CHARS + 1),
  '('.repeat(50) + '河' + ')'.repeat(50),
];

test('malformed queries are QueryErrors with a message, never a crash or an FTS error', () => {
  for (const q of MALFORMED) {
    assert.throws(
      () => search(db, { q }),
      (e: unknown) => e instanceof QueryError && e.message.length > 0,
      `query ${JSON.stringify(q)}`,
    );
  }
});

test('FTS syntax typed by a user is searched as text, not obeyed', () => {
  for (const q of [
    '河道*',
    'h_uni:河',
    '{b_bi}:河道',
    'NEAR',
    'near(河道)',
    'NEAR(河道 西湖)',
    '河道^',
  ]) {
    assert.doesNotThrow(() => search(db, { q }), q);
  }
  assert.deepEqual(headlines('河道*'), []);
});

test('bad filter values are QueryErrors', () => {
  assert.throws(() => search(db, { q: '河', from: '2025/05/01' }), QueryError);
  assert.throws(() => search(db, { q: '河', to: '2025-13-99' }), QueryError);
  assert.throws(() => search(db, { q: '河', from: '2025-02-29' }), /calendar date/u);
  assert.throws(() => search(db, { q: '河', to: "1' OR 1=1" }), QueryError);
});
