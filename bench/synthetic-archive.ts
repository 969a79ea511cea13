/**
 * A synthetic archive for load checks and search tests: made-up pages of five short local-news
 * articles each (our own templates), deterministic for a given count, dated across 2025.
 */
import { createHash } from 'node:crypto';
import { openArchive } from '../src/archive/db.js';
import { storeEdition } from '../src/archive/store.js';
import type { Archive } from '../src/archive/backend.js';
import { EDITION_SCHEMA, type Article, type Edition, type Span } from '../src/model/types.js';

/** Articles per synthetic page, as on a real newspaper page. */
export const PER_PAGE = 5;

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

export function syntheticEdition(n: number): { edition: Edition; text: string } {
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

/** Store pages of synthetic articles until the archive at `path` holds `articles` (or more). */
export function buildSyntheticArchive(
  path: string,
  articles: number,
  onProgress: (stored: number) => void = () => {},
): void {
  const db = openArchive(path);
  const have = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  const pages = Math.ceil(articles / PER_PAGE);
  const store = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++)
      storeEdition(db, syntheticEdition(n), '2025-01-01T00:00:00.000Z');
  });
  // Pages are stored in batches, one transaction each: a commit per page would dominate.
  for (let n = Math.floor(have / PER_PAGE); n < pages; n += BATCH_PAGES) {
    store(n, Math.min(pages, n + BATCH_PAGES));
    onProgress(Math.min(pages, n + BATCH_PAGES) * PER_PAGE);
  }
  db.close();
}

/** Pages stored per transaction while building. */
const BATCH_PAGES = 500;

/** Pages stored at once into PostgreSQL: one per pooled connection, so the server stays busy. */
const PG_IN_FLIGHT = 4;

/**
 * The same pages stored into a PostgreSQL archive (one transaction per page, as ingest and the
 * queue workers store them), until it holds `articles` (or more).
 */
export async function buildSyntheticPg(
  archive: Archive,
  articles: number,
  onProgress: (stored: number) => void = () => {},
): Promise<void> {
  const pages = Math.ceil(articles / PER_PAGE);
  let next = (await archive.counts()).editions;
  const lane = async () => {
    while (next < pages) {
      const n = next++;
      await archive.store(syntheticEdition(n));
      if (n % 1000 === 0) onProgress(n * PER_PAGE);
    }
  };
  await Promise.all(Array.from({ length: PG_IN_FLIGHT }, lane));
}
