import type { Article, Edition } from '../model/types.js';
import { articleDate, articleFacets, articleSearchText } from '../search/document.js';
import { articleKey } from '../search/key.js';
import { rebuild } from '../model/rebuild.js';
import { ArchiveError, BUSY_TIMEOUT_MS, type Db } from './db.js';
import { indexArticle } from './index-article.js';
import { packJson } from './packed.js';
import { insertSourcePages } from './source-pages.js';

export interface StoreInput {
  edition: Edition;
  /** The decoded source text (offsets in the edition index into it). */
  text: string;
  /** The original bytes; kept only when they are not plain UTF-8 of `text`. */
  raw?: Uint8Array;
}

export interface StoreResult {
  status: 'added' | 'exists';
  sourceId: number;
  editionId: number;
  articles: number;
}

/** The columns of a source row both archives store, in the order `sourceValues` gives them. */
export const SOURCE_COLUMNS = 'sha256, name, bytes, encoding, text, raw, ingested_at';

/** A source's row values (SOURCE_COLUMNS): the raw bytes only when they are not UTF-8 of the text. */
export function sourceValues(input: StoreInput, now: string): unknown[] {
  const { source } = input.edition;
  const keepRaw = input.raw && source.encoding.toLowerCase() !== 'utf-8';
  const raw = keepRaw ? Buffer.from(input.raw!) : null;
  return [source.sha256, source.name, source.bytes, source.encoding, input.text, raw, now];
}

/** The columns of an edition row both archives store (`editionValues`). */
export const EDITION_COLUMNS =
  'source_id, schema, edition_date, articles, residue, dropped, edits, json';

export function editionValues(sourceId: number, edition: Edition): unknown[] {
  return [
    sourceId,
    edition.schema,
    edition.options.editionDate ?? null,
    edition.articles.length,
    edition.residue.length,
    edition.stats.dropped,
    edition.edits.length,
    // the articles are stored once, in their own rows; getEdition puts them back
    packJson({ ...edition, articles: [] }),
  ];
}

/** `?` placeholders for SQLite, one per value. */
const slots = (values: readonly unknown[]) => values.map(() => '?').join(', ');

function insertSource(db: Db, input: StoreInput, now: string): number {
  const values = sourceValues(input, now);
  const sql = `INSERT INTO sources (${SOURCE_COLUMNS}) VALUES (${slots(values)})`;
  return Number(db.prepare(sql).run(...values).lastInsertRowid);
}

function insertEdition(db: Db, sourceId: number, edition: Edition): number {
  const values = editionValues(sourceId, edition);
  const sql = `INSERT INTO editions (${EDITION_COLUMNS}) VALUES (${slots(values)})`;
  return Number(db.prepare(sql).run(...values).lastInsertRowid);
}

/** The columns of an article row both archives store, in the order `articleValues` gives them. */
export const ARTICLE_COLUMNS = `edition_id, ordinal, aid, kicker, headline, subheadline, dateline,
  agency, place, date, byline, source_tag, flags, head_text, body_text, json`;

/** An article's row values (ARTICLE_COLUMNS), with its search text and date. */
export function articleValues(
  editionId: number,
  ordinal: number,
  a: Article,
  editionDate?: string,
) {
  const { head, body } = articleSearchText(a);
  const date = articleDate(a, editionDate) ?? null;
  const values = [
    editionId,
    ordinal,
    a.id,
    a.kicker ?? null,
    a.headline ?? null,
    a.subheadline ?? null,
    a.dateline?.text ?? null,
    a.dateline?.agency ?? a.metadata.agencies[0] ?? null,
    a.dateline?.place ?? a.metadata.places[0] ?? null,
    date,
    a.byline ?? null,
    a.sourceTag ?? null,
    JSON.stringify(a.flags),
    head,
    body,
    packJson(a),
  ];
  return { values, head, body, date };
}

function insertArticle(
  db: Db,
  editionId: number,
  ordinal: number,
  a: Article,
  editionDate?: string,
): void {
  const { values, head, body, date } = articleValues(editionId, ordinal, a, editionDate);
  const id = Number(
    db.prepare(`INSERT INTO articles (${ARTICLE_COLUMNS}) VALUES (${slots(values)})`).run(...values)
      .lastInsertRowid,
  );
  const facet = db.prepare(
    'INSERT OR IGNORE INTO facets (article_id, kind, value) VALUES (?, ?, ?)',
  );
  for (const f of articleFacets(a)) facet.run(id, f.kind, f.value);
  indexArticle(db, articleKey(id, date), head, body);
}

function insertEdits(db: Db, editionId: number, edition: Edition): void {
  const stmt = db.prepare(
    `INSERT INTO edits (edition_id, eid, stage, rule, action, reason, evidence, confidence, text, spans, refs)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of edition.edits)
    stmt.run(
      editionId,
      e.id,
      e.stage,
      e.rule,
      e.action,
      e.reason,
      e.evidence ?? null,
      e.confidence,
      e.text ?? null,
      JSON.stringify(e.spans),
      JSON.stringify(e.refs ?? []),
    );
}

/** The source stored with this sha256 (of its raw bytes), if any. */
export function storedSource(db: Db, sha256: string): StoreResult | undefined {
  const row = db
    .prepare(
      'SELECT s.id AS sourceId, e.id AS editionId, e.articles FROM sources s JOIN editions e ON e.source_id = s.id WHERE s.sha256 = ?',
    )
    .get(sha256) as Omit<StoreResult, 'status'> | undefined;
  return row && { status: 'exists', ...row };
}

/**
 * Store one mended source in a single transaction: either all of it (source, edition, articles,
 * edits, facets, index, source view pages) is committed or none of it. A source already stored (same
 * sha256) is left as it is.
 */
export function storeEdition(
  db: Db,
  input: StoreInput,
  now = new Date().toISOString(),
  onBusy: (waited: number) => void = () => {},
): StoreResult {
  const run = db.transaction((): StoreResult => {
    const existing = storedSource(db, input.edition.source.sha256);
    if (existing) return existing;
    const sourceId = insertSource(db, input, now);
    const editionId = insertEdition(db, sourceId, input.edition);
    const date = input.edition.options.editionDate;
    input.edition.articles.forEach((a, i) => insertArticle(db, editionId, i, a, date));
    insertEdits(db, editionId, input.edition);
    insertSourcePages(db, editionId, input.text, input.edition);
    return { status: 'added', sourceId, editionId, articles: input.edition.articles.length };
  });
  return whenFree(() => run.immediate(), onBusy);
}

/**
 * Attempts at a write that finds the archive locked by another writer, each waiting up to
 * `BUSY_TIMEOUT_MS` inside SQLite: two minutes in all, enough to queue behind another ingest
 * storing a big dump; a lock held longer than that is a stuck process, worth an error.
 */
const BUSY_ATTEMPTS = 24;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Run a write, trying again while another process holds the archive's write lock. */
export function whenFree<T>(write: () => T, onBusy: (waited: number) => void): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const waited = (attempt * BUSY_TIMEOUT_MS) / 1000;
      if (attempt >= BUSY_ATTEMPTS)
        throw new ArchiveError(
          `the archive is busy: another process has held its write lock for over ${waited} s`,
        );
      onBusy(waited);
    }
  }
}

/** Store an Edition built elsewhere (tests, other tools) with its decoded source text. */
export function ingestEdition(db: Db, edition: Edition, text?: string): StoreResult {
  return storeEdition(db, { edition, text: text ?? rebuild(edition) });
}
