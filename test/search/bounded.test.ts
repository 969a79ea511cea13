/**
 * Search on an archive bigger than the relevance window: the work is bounded by the page, and
 * what that costs is said (ranked within the newest matches; date order reaches every match).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openArchive, openArchiveReadonly, type Db } from '../../src/archive/db.js';
import { ingestInput } from '../../src/archive/ingest.js';
import { RANK_WINDOW, search } from '../../src/search/search.js';
import { buildSyntheticArchive } from '../../bench/synthetic-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-bounded-'));
/** More articles than the relevance window, every one with 日电 in its dateline. */
const ARTICLES = RANK_WINDOW + 500;
let db: Db;

// Two gram runs that meet at a comma: 老旧 ends one, 旧小区 starts the next.
const RUN_EDGE_DUMP = `街巷一新迎客来

本报柳湾3月2日电  柳湾镇的街巷老旧，旧小区今年全部完成改造，居民出行更方便。

新区公园开门迎客

本报柳湾3月2日电  新区公园昨日开门，老旧小区的居民结伴前来游览。
`;

before(async () => {
  const path = join(dir, 'big.db');
  buildSyntheticArchive(path, ARTICLES);
  const w = openArchive(path);
  await ingestInput(w, new TextEncoder().encode(RUN_EDGE_DUMP), {
    name: 'run-edge.txt',
    editionDate: '2024-03-02',
  });
  w.close();
  db = openArchiveReadonly(path);
});
after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const datesOf = (hits: { date: string | null }[]) => hits.map((h) => h.date ?? '');
const newestFirst = (dates: string[]) => dates.every((d, i) => i === 0 || dates[i - 1] >= d);

test('relevance ranks the newest RANK_WINDOW matches and says so; the count stays exact', () => {
  const result = search(db, { q: '日电', limit: 100 });
  assert.ok(result.total > RANK_WINDOW);
  assert.equal(result.complete, true);
  assert.equal(result.rankedNewest, RANK_WINDOW);
  const dated = db
    .prepare("SELECT date FROM articles WHERE body_text LIKE '%日电%' ORDER BY date DESC")
    .all() as { date: string }[];
  assert.equal(result.total, dated.length);
  const oldestRanked = dated[RANK_WINDOW - 1].date;
  for (const date of datesOf(result.hits)) assert.ok(date >= oldestRanked, date);
  const beyond = search(db, { q: '日电', offset: RANK_WINDOW });
  assert.deepEqual(beyond.hits, []);
});

test('date order reads newest first and reaches the oldest match', () => {
  const first = search(db, { q: '日电', sort: 'date', limit: 100 });
  assert.equal(first.rankedNewest, undefined);
  assert.ok(newestFirst(datesOf(first.hits)));
  const last = search(db, { q: '日电', sort: 'date', offset: first.total - 5 });
  assert.equal(last.hits.length, 5);
  const oldest = db
    .prepare("SELECT min(date) AS d FROM articles WHERE body_text LIKE '%日电%'")
    .get() as { d: string };
  assert.equal(last.hits[4].date, oldest.d);
});

test('a date range is a range of the index: every match in it, none outside', () => {
  const result = search(db, { q: '日电', from: '2025-03-01', to: '2025-03-31', limit: 100 });
  const inRange = db
    .prepare(
      "SELECT count(*) AS n FROM articles WHERE body_text LIKE '%日电%' AND date BETWEEN '2025-03-01' AND '2025-03-31'",
    )
    .get() as { n: number };
  assert.equal(result.total, inRange.n);
  assert.equal(result.complete, true);
  for (const date of datesOf(result.hits)) assert.ok(date >= '2025-03-01' && date <= '2025-03-31');
});

test('facets and NOT over a big archive: every hit verified, counted as far as read', () => {
  const result = search(db, { q: '日电 -临江', agency: '新华社', limit: 100 });
  assert.ok(result.hits.length > 0);
  for (const hit of result.hits) {
    assert.equal(hit.agency, '新华社');
    const text = hit.headline
      .concat(hit.snippet)
      .map((s) => s.text)
      .join('');
    assert.ok(!text.includes('临江'), text);
  }
});

test('a phrase never matches across two runs of characters (老旧，旧小区 is not 老旧小区)', () => {
  const result = search(db, { q: '老旧小区', from: '2024-03-02', to: '2024-03-02' });
  const titles = result.hits.map((h) => h.headline.map((s) => s.text).join(''));
  assert.ok(titles.includes('新区公园开门迎客'), JSON.stringify(titles));
  assert.ok(!titles.includes('街巷一新迎客来'), JSON.stringify(titles));
});
