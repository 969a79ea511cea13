/**
 * Load check (not a test): build a synthetic archive of ≥ 10,000 articles from our own made-up
 * templates, start `newsmend serve` on loopback, run autocannon against search and article
 * pages for a bounded time, print requests/s and p99 latency per route and the archive size.
 *
 *   npm run load   (env: LOAD_ARTICLES, LOAD_SECONDS, LOAD_CONNECTIONS; LOAD_DB=path keeps the archive)
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';
import { openArchive } from '../src/archive/db.js';
import { archiveBytes, archiveCounts } from '../src/archive/read.js';
import { storeEdition } from '../src/archive/store.js';
import { EDITION_SCHEMA, type Article, type Edition, type Span } from '../src/model/types.js';

/** Articles in the synthetic archive (the issue asks for at least 10,000). */
const ARTICLES = Number(process.env.LOAD_ARTICLES ?? 10_000);
/** Articles per synthetic page, as on a real newspaper page. */
const PER_PAGE = 5;
/** Seconds of load per route: long enough for a stable rate, short enough to run often. */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 8);
/** Concurrent connections, a handful of readers at once. */
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);

const PLACES = ['临江', '北岭', '南湖', '东川', '西坪', '青山', '石桥', '云台', '柳湾', '松溪'];
const AGENCIES = ['本报', '新华社', '本报', '中新社'];
const SUBJECTS = [
  '河道整治',
  '老旧小区改造',
  '乡村公路',
  '社区食堂',
  '夜间集市',
  '职业培训',
  '湿地保护',
  '校园安全',
  '公交线路',
  '农产品展销',
];
const VERBS = ['取得新进展', '全面启动', '惠及万户居民', '通过验收', '迎来新变化'];
const SENTENCES = [
  '{p}市围绕{s}持续发力，相关工作稳步推进。',
  '有关负责人介绍，今年计划投入资金{n}亿元，覆盖{n}个街道。',
  '居民代表说，{s}让大家的日子过得更舒心。',
  '下一步，{p}将把{s}纳入年度考核，确保按期完成任务。',
  '记者在现场看到，施工人员正在加紧作业，{s}进度过半。',
];

/** Deterministic pseudo-random numbers (xorshift), so every run builds the same archive. */
function rng(seed: number) {
  let x = seed || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return Math.abs(x) % n;
  };
}

function article(id: string, text: { value: string }, pick: (n: number) => number): Article {
  const add = (s: string): Span => {
    const start = text.value.length;
    text.value += s;
    const span = { start, end: text.value.length };
    text.value += '\n';
    return span;
  };
  const place = PLACES[pick(PLACES.length)];
  const subject = SUBJECTS[pick(SUBJECTS.length)];
  const agency = AGENCIES[pick(AGENCIES.length)];
  const month = 1 + pick(12);
  const day = 1 + pick(28);
  const headline = `${place}${subject}${VERBS[pick(VERBS.length)]}`;
  const dateline = `${agency}${place}${month}月${day}日电`;
  const h = add(headline);
  const d = add(dateline);
  const body = Array.from({ length: 4 + pick(4) }, () => {
    const s = SENTENCES[pick(SENTENCES.length)]
      .replaceAll('{p}', place)
      .replaceAll('{s}', subject)
      .replaceAll('{n}', String(2 + pick(40)));
    return {
      kind: 'paragraph' as const,
      text: s,
      spans: [add(s)],
      lacunae: [],
      lacunaBefore: false,
      lacunaAfter: false,
    };
  });
  const date = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return {
    id,
    headline,
    body,
    related: [],
    flags: [],
    variants: [],
    dateline: { text: dateline, agency, place, date, spans: [d] },
    metadata: { date, agencies: [agency], places: [place], people: [], organisations: [] },
    fields: { headline: { text: headline, spans: [h] }, related: [] },
  };
}

function syntheticEdition(n: number): { edition: Edition; text: string } {
  const pick = rng(n * 7919 + 17);
  const text = { value: '' };
  const articles = Array.from({ length: PER_PAGE }, (_, i) => article(`a${i + 1}`, text, pick));
  const layout = [...text.value.matchAll(/\n/g)].map((m) => ({ start: m.index!, text: '\n' }));
  const edition: Edition = {
    schema: EDITION_SCHEMA,
    source: {
      name: `synthetic-${n}.txt`,
      sha256: createHash('sha256').update(text.value).update(String(n)).digest('hex'),
      bytes: Buffer.byteLength(text.value),
      encoding: 'utf-8',
      encodingConfidence: 1,
      chars: text.value.length,
    },
    articles,
    residue: [],
    edits: [],
    layout,
    messages: [],
    stats: { stages: [], articles: articles.length, residue: 0, dropped: 0 },
    options: {},
  };
  return { edition, text: text.value };
}

function build(path: string): void {
  const db = openArchive(path);
  const pages = Math.ceil(ARTICLES / PER_PAGE);
  for (let n = 0; n < pages; n++) storeEdition(db, syntheticEdition(n), '2025-01-01T00:00:00.000Z');
  db.close();
}

function startServe(db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const root = resolve(import.meta.dirname, '..');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /at (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) ok({ url: m[1], stop: () => (child.kill('SIGTERM'), exited) });
    });
    child.once('exit', (code) =>
      fail(new Error(`serve exited (${code}) before listening: ${out}`)),
    );
  });
}

interface Route {
  name: string;
  paths: string[];
}

async function measure(url: string, route: Route) {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'GET',
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          path: route.paths[i++ % route.paths.length],
        }),
      },
    ],
  });
  return {
    route: route.name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsmend-load-'));
  const db = process.env.LOAD_DB ?? join(dir, 'load.db');
  try {
    const started = Date.now();
    build(db);
    const read = openArchive(db);
    const counts = archiveCounts(read);
    const bytes = archiveBytes(read);
    read.close();
    console.log(
      `archive: ${counts.articles} articles, ${counts.editions} editions, ${bytes} bytes (${(bytes / 1048576).toFixed(1)} MiB; file ${statSync(db).size} bytes), built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const server = await startServe(db);
    const ids = Array.from({ length: 50 }, (_, k) => 1 + ((k * 197) % counts.articles));
    const q = (s: string) => encodeURIComponent(s);
    const routes: Route[] = [
      {
        name: 'GET /api/search (2 chars)',
        paths: ['河道', '小区', '食堂', '集市', '湿地'].map((w) => `/api/search?q=${q(w)}`),
      },
      {
        name: 'GET /search (3-6 chars, HTML)',
        paths: ['公交线', '农产品展销', '老旧小区改造', '临江 OR 北岭'].map(
          (w) => `/search?q=${q(w)}`,
        ),
      },
      {
        name: 'GET /search + filters',
        paths: [`/search?q=${q('河道')}&agency=${q('新华社')}&from=2025-03-01&to=2025-06-30`],
      },
      { name: 'GET /article/:id', paths: ids.map((id) => `/article/${id}`) },
      { name: 'GET /api/articles/:id', paths: ids.map((id) => `/api/articles/${id}`) },
    ];
    const rows = [];
    for (const route of routes) rows.push(await measure(server.url, route));
    await server.stop();
    console.table(rows);
    console.log(
      `load: ${SECONDS} s per route, ${CONNECTIONS} connections, server on ${server.url}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
