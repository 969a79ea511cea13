/**
 * One suite, two backends: the SQLite archive and the PostgreSQL archive store, give back and
 * search the same editions with the same answers, and both answer as a brute-force reading of
 * the stored articles does. PostgreSQL comes from the repo's own script (`scripts/services`);
 * without it the PostgreSQL half is skipped, unless NEWSMEND_REQUIRE_SERVICES is set (CI).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { openArchiveAt, type Archive } from '../../src/archive/backend.js';
import { rebuild } from '../../src/model/rebuild.js';
import type { Edition } from '../../src/model/types.js';
import { mend } from '../../src/index.js';
import { articleDate, articleFacets, articleSearchText } from '../../src/search/document.js';
import { articleKey } from '../../src/search/key.js';
import { searchFold } from '../../src/search/normalize.js';
import { matches, parseQuery, QueryError } from '../../src/search/query.js';
import type { SearchParams, SearchResult } from '../../src/search/search.js';
import { startPostgres, type TestService } from '../queue/services.js';
import { bigDump } from '../fixtures/bad/make.js';
import { pageStarts } from '../../src/render/html/window.js';
import { aprilEdition, richEdition } from './fixtures.js';

const PAGES = join(import.meta.dirname, '../fixtures/pages');

/** The editions every backend stores, in this order: hand-built ones and mended fixture pages. */
function editions(): Edition[] {
  const mended = readdirSync(PAGES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f, i) =>
      mend(readFileSync(join(PAGES, f)), {
        name: f,
        // Spread over days, some pages without a date, so date order and ranges are tested.
        ...(i % 3 === 2 ? {} : { editionDate: `2025-03-${String(10 + i).padStart(2, '0')}` }),
      }),
    );
  // A source longer than a page of the source view: its view is stored page by page.
  const big = mend(bigDump(150_000), { name: 'big.txt', editionDate: '2025-02-01' });
  return [richEdition(), aprilEdition(), ...mended, big];
}

/** Queries with filters and sorts: every kind of term and operator the search knows. */
const QUERIES: SearchParams[] = [
  { q: '河' },
  { q: '湾' },
  { q: '河道' },
  { q: '梁滩河' },
  { q: '流域治理推进' },
  { q: '治理取' },
  { q: '河流治' },
  // every pair of these is in one article, but never the three characters in a row
  { q: '碧水湾' },
  { q: '西湖畔' },
  { q: '滩河道 OR 沿湖边' },
  { q: '"中俄青年"' },
  { q: '河道 游人' },
  { q: '白鹭 OR 赏花' },
  { q: '河道 NOT 西湖' },
  { q: '河道 -西湖' },
  { q: '(白鹭 OR 座谈) 莫斯科' },
  { q: '5月8日' },
  { q: 'ＡＬＥＲＴ' },
  { q: '4月1日' },
  { q: '学生' },
  { q: '记者 NOT 新华社' },
  { q: '本报 OR 新华社' },
  { q: '的', limit: 3 },
  { q: '的', limit: 3, offset: 2 },
  { q: '河', from: '2025-05-01' },
  { q: '河', to: '2025-04-30' },
  { q: '的', from: '2025-03-11', to: '2025-03-14' },
  { q: '青年 OR 河', agency: '新华社' },
  { q: '青年 OR 河', place: '莫斯科' },
  { q: '河', person: '李明' },
  { q: '河', person: '无名' },
];

interface Stored {
  id: number;
  key: number;
  folded: string;
  date?: string;
  facets: { kind: string; value: string }[];
}

/** Every stored article as the oracle reads it; ids are given in storing order, from 1. */
function oracleArticles(all: Edition[]): Stored[] {
  let id = 0;
  return all.flatMap((edition) =>
    edition.articles.map((a) => {
      const { head, body } = articleSearchText(a);
      const date = articleDate(a, edition.options.editionDate);
      id++;
      return {
        id,
        key: articleKey(id, date),
        folded: searchFold(`${head}\n${body}`),
        date,
        facets: articleFacets(a),
      };
    }),
  );
}

/** The ids a query must find, newest first: a plain reading of every article. */
function expected(articles: Stored[], params: SearchParams): number[] {
  const node = parseQuery(params.q);
  return articles
    .filter((a) => matches(node, a.folded))
    .filter((a) => !params.from || (a.date !== undefined && a.date >= params.from))
    .filter((a) => !params.to || (a.date !== undefined && a.date <= params.to))
    .filter((a) =>
      (['agency', 'place', 'person'] as const).every(
        (kind) =>
          !params[kind] || a.facets.some((f) => f.kind === kind && f.value === params[kind]),
      ),
    )
    .sort((x, y) => y.key - x.key)
    .map((a) => a.id);
}

const ids = (r: SearchResult) => r.hits.map((h) => h.articleId);
const label = (p: SearchParams) => JSON.stringify(p);

type Backend = { name: string; open: () => Promise<{ target: string; done: () => Promise<void> }> };

let postgres: TestService | string | undefined;
let databases = 0;

/** A new, empty PostgreSQL database on the test server, dropped when done. */
async function freshDatabase(): Promise<{ target: string; done: () => Promise<void> }> {
  postgres ??= startPostgres();
  if (typeof postgres === 'string') throw new Error(postgres);
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  const name = `conformance_${process.pid}_${++databases}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  return {
    target: url.toString(),
    done: async () => {
      const c = new pg.Client({ connectionString: (postgres as TestService).url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Why the PostgreSQL half cannot run here, or undefined when it can. */
function postgresMissing(): string | undefined {
  postgres ??= startPostgres();
  if (typeof postgres !== 'string') return undefined;
  if (process.env.NEWSMEND_REQUIRE_SERVICES) throw new Error(postgres);
  return postgres;
}

const BACKENDS: Backend[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'newsmend-conformance-'));
      return { target: join(dir, 'a.db'), done: async () => rmSync(dir, { recursive: true }) };
    },
  },
  { name: 'PostgreSQL', open: freshDatabase },
  // A server without the RUM extension: the archive takes a GIN index (same answers, sorted
  // after matching). Made here by replacing the index of a new archive.
  {
    name: 'PostgreSQL with GIN',
    open: async () => {
      const place = await freshDatabase();
      await (await openArchiveAt(place.target, 'write')).close();
      const c = new pg.Client({ connectionString: place.target });
      await c.connect();
      await c.query('DROP INDEX articles_terms');
      await c.query('CREATE INDEX articles_terms ON articles USING gin (terms)');
      await c.end();
      return place;
    },
  },
];

const all = editions();
const articles = oracleArticles(all);
/** Results per backend and query, compared across backends at the end. */
const answers = new Map<string, Map<string, SearchResult>>();

after(() => {
  if (postgres && typeof postgres !== 'string') postgres.stop();
});

for (const backend of BACKENDS) {
  describe(`archive conformance: ${backend.name}`, () => {
    let skip: string | undefined;
    let place: { target: string; done: () => Promise<void> };
    let archive: Archive;
    let reader: Archive;

    before(async () => {
      skip = backend.name.startsWith('PostgreSQL') ? postgresMissing() : undefined;
      if (skip) return;
      place = await backend.open();
      archive = await openArchiveAt(place.target, 'write');
      for (const edition of all) await archive.store({ edition, text: rebuild(edition) });
      reader = await openArchiveAt(place.target, 'read');
    });
    after(async () => {
      if (skip) return;
      await reader.close();
      await archive.close();
      await place.done();
    });

    test('stores each source once: stored again, it is found with the same ids', async (t) => {
      if (skip) return t.skip(skip);
      const again = await archive.store({ edition: all[0], text: rebuild(all[0]) });
      assert.deepEqual(again, { status: 'exists', sourceId: 1, editionId: 1, articles: 2 });
      assert.deepEqual(await archive.storedSource(all[1].source.sha256), {
        status: 'exists',
        sourceId: 2,
        editionId: 2,
        articles: 1,
      });
      assert.equal(await archive.storedSource('0'.repeat(64)), undefined);
      const counts = await reader.counts();
      assert.deepEqual(counts, {
        sources: all.length,
        editions: all.length,
        articles: articles.length,
        edits: all.reduce((n, e) => n + e.edits.length, 0),
      });
    });

    test('gives every edition back as it was stored, article ids in order', async (t) => {
      if (skip) return t.skip(skip);
      let next = 1;
      for (const [i, edition] of all.entries()) {
        const stored = await reader.getEdition(i + 1);
        assert.ok(stored, `edition ${i + 1}`);
        assert.deepEqual(stored.edition, JSON.parse(JSON.stringify(edition)));
        assert.deepEqual(
          stored.articleIds,
          edition.articles.map(() => next++),
        );
      }
      assert.equal(await reader.getEdition(all.length + 1), undefined);
      assert.deepEqual(
        await reader.editionIds(),
        all.map((_, i) => i + 1),
      );
    });

    test('gives the web reader what it reads: sources, articles, heads, source pages', async (t) => {
      if (skip) return t.skip(skip);
      const sources = await reader.listSources(0);
      assert.deepEqual(
        sources.map((r) => [r.sourceId, r.editionId, r.name, r.articles]),
        all.map((e, i) => [i + 1, i + 1, e.source.name, e.articles.length]),
      );
      assert.deepEqual(
        (await reader.listSources(1, 2)).map((r) => r.sourceId),
        [2, 3],
      );
      let id = 0;
      for (const [i, edition] of all.entries()) {
        const editionId = i + 1;
        assert.deepEqual(await reader.getEditionHead(editionId), {
          editionId,
          sourceId: editionId,
          name: edition.source.name,
        });
        assert.equal(await reader.getSourceText(editionId), rebuild(edition));
        const byAid: Record<string, number> = {};
        for (const a of edition.articles) {
          byAid[a.id] = ++id;
          const stored = await reader.getArticle(id);
          assert.deepEqual(stored, {
            articleId: id,
            editionId,
            sourceName: edition.source.name,
            article: JSON.parse(JSON.stringify(a)),
          });
        }
        assert.deepEqual(await reader.articleIdsByAid(editionId), byAid);
      }
      assert.equal(await reader.getArticle(id + 1), undefined);
      assert.equal(await reader.getEditionHead(all.length + 1), undefined);
      const big = all.length;
      const text = rebuild(all[big - 1]);
      const starts = await reader.sourcePageStarts(big);
      assert.deepEqual(starts, pageStarts(text));
      assert.ok(starts.length >= 2);
      const second = (await reader.readSourcePage(big, 2))!;
      assert.equal(second.text, text.slice(second.start, second.end));
      assert.equal(second.pages, starts.length);
      assert.ok(second.articles.length > 0);
      assert.equal(await reader.readSourcePage(big, starts.length + 1), undefined);
      assert.deepEqual(await reader.sourcePageStarts(1), []);
    });

    test('finds what a plain reading of every article finds, newest first', async (t) => {
      if (skip) return t.skip(skip);
      const mine = new Map<string, SearchResult>();
      for (const params of QUERIES)
        for (const sort of ['date', 'relevance'] as const) {
          const result = await reader.search({ ...params, sort });
          mine.set(`${sort} ${label(params)}`, result);
          const want = expected(articles, params);
          assert.equal(result.total, want.length, `total of ${sort} ${label(params)}`);
          assert.equal(result.complete, true);
          const offset = params.offset ?? 0;
          const page = want.slice(offset, offset + (params.limit ?? 20));
          if (sort === 'date') assert.deepEqual(ids(result), page, label(params));
          else {
            // Relevance orders the same matches its own way: the page holds as many, all true.
            assert.equal(result.hits.length, page.length, label(params));
            for (const id of ids(result)) assert.ok(want.includes(id), label(params));
          }
        }
      answers.set(backend.name, mine);
    });

    test('relevance puts a headline hit above a body-only hit', async (t) => {
      if (skip) return t.skip(skip);
      const result = await reader.search({ q: '河' });
      const headline = result.hits.map((h) => h.headline.map((s) => s.text).join(''));
      assert.equal(headline[0], '梁滩河流域治理取得新进展');
      assert.ok(headline.includes('湖畔春色引游人'));
    });

    test('malformed queries and bad filters are QueryErrors', async (t) => {
      if (skip) return t.skip(skip);
      for (const q of ['', '   ', '(河', '河)', '"河', 'NOT 河', '-河', '！？']) {
        await assert.rejects(reader.search({ q }), QueryError, q);
      }
      await assert.rejects(reader.search({ q: '河', from: '2025/05/01' }), QueryError);
      await assert.rejects(reader.search({ q: '河', sort: 'size' as never }), QueryError);
    });
  });
}

test('every backend gives the same pages for every query', (t) => {
  const sqlite = answers.get('SQLite');
  const others = [...answers].filter(([name]) => name !== 'SQLite');
  if (!sqlite || others.length < 2) return t.skip('a backend did not run');
  // Relevance scores are each engine's own (bm25, ts_rank); the hits and their text agree.
  const unscored = (r: SearchResult) => r.hits.map((h) => ({ ...h, score: 0 }));
  const byId = (r: SearchResult) => unscored(r).sort((x, y) => x.articleId - y.articleId);
  for (const [name, answered] of others)
    for (const [query, a] of sqlite.entries()) {
      const b: SearchResult = answered.get(query)!;
      const what: string = `${name}: ${query}`;
      assert.equal(b.total, a.total, what);
      assert.equal(b.complete, a.complete, what);
      if (query.startsWith('date')) assert.deepEqual(unscored(b), unscored(a), what);
      // A relevance page that holds every match holds the same ones on both.
      else if (a.total <= a.limit && !query.includes('"offset"'))
        assert.deepEqual(byId(b), byId(a), what);
    }
});
