import type pg from 'pg';
import type { Article, Edition } from '../../model/types.js';
import { articleFacets } from '../../search/document.js';
import { articleKey } from '../../search/key.js';
import { searchFold } from '../../search/normalize.js';
import { sourcePageRows } from '../source-pages.js';
import {
  ARTICLE_COLUMNS,
  articleValues,
  EDITION_COLUMNS,
  editionValues,
  SOURCE_COLUMNS,
  sourceValues,
  type StoreInput,
  type StoreResult,
} from '../store.js';
import { articleTerms } from './terms.js';

type Client = pg.PoolClient;

/** The source stored with this sha256, if any (as `storedSource` for SQLite). */
export async function pgStoredSource(
  client: pg.Pool | Client,
  sha256: string,
): Promise<StoreResult | undefined> {
  const r = await client.query(
    `SELECT s.id AS "sourceId", e.id AS "editionId", e.articles FROM sources s
     JOIN editions e ON e.source_id = s.id WHERE s.sha256 = $1`,
    [sha256],
  );
  const row = r.rows[0];
  return (
    row && {
      status: 'exists',
      sourceId: Number(row.sourceId),
      editionId: Number(row.editionId),
      articles: row.articles,
    }
  );
}

/** `$n` placeholders for PostgreSQL, one per value. */
const slots = (values: readonly unknown[]) => values.map((_, i) => `$${i + 1}`);

/** The new source's id, or undefined when another writer stored the same bytes first. */
async function insertSource(
  client: Client,
  input: StoreInput,
  now: string,
): Promise<number | undefined> {
  const values = sourceValues(input, now);
  // A writer storing the same sha256 at the same moment waits here for the other to finish.
  const r = await client.query(
    `INSERT INTO sources (${SOURCE_COLUMNS}) VALUES (${slots(values).join(', ')})
     ON CONFLICT (sha256) DO NOTHING RETURNING id`,
    values,
  );
  return r.rows[0] ? Number(r.rows[0].id) : undefined;
}

async function insertEdition(client: Client, sourceId: number, edition: Edition): Promise<number> {
  const values = editionValues(sourceId, edition);
  const r = await client.query(
    `INSERT INTO editions (${EDITION_COLUMNS}) VALUES (${slots(values).join(', ')}) RETURNING id`,
    values,
  );
  return Number(r.rows[0].id);
}

async function insertArticle(
  client: Client,
  editionId: number,
  ordinal: number,
  a: Article,
  editionDate?: string,
): Promise<void> {
  const { values, head, body, date } = articleValues(editionId, ordinal, a, editionDate);
  // The key holds the row id, so the id is taken first.
  const id = Number((await client.query(`SELECT nextval('articles_id_seq') AS id`)).rows[0].id);
  const terms = articleTerms(head, body);
  const row = [id, ...values, articleKey(id, date), terms, searchFold(`${head}\n${body}`)];
  const at = slots(row);
  at[at.length - 2] += '::tsvector';
  await client.query(
    `INSERT INTO articles (id, ${ARTICLE_COLUMNS}, key, terms, search_text)
     VALUES (${at.join(', ')})`,
    row,
  );
  const facets = articleFacets(a);
  if (facets.length > 0)
    await client.query(
      `INSERT INTO facets (article_id, kind, value)
       SELECT $1, kind, value FROM unnest($2::text[], $3::text[]) AS f(kind, value)
       ON CONFLICT DO NOTHING`,
      [id, facets.map((f) => f.kind), facets.map((f) => f.value)],
    );
}

async function insertEdits(client: Client, editionId: number, edition: Edition): Promise<void> {
  if (edition.edits.length === 0) return;
  const column = <T>(pick: (e: Edition['edits'][number]) => T) => edition.edits.map(pick);
  // One statement for the whole ledger: a page has hundreds of edits.
  await client.query(
    `INSERT INTO edits (edition_id, eid, stage, rule, action, reason, evidence, confidence, text, spans, refs)
     SELECT $1::bigint, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
       $7::text[], $8::float8[], $9::text[], $10::text[], $11::text[])`,
    [
      editionId,
      column((e) => e.id),
      column((e) => e.stage),
      column((e) => e.rule),
      column((e) => e.action),
      column((e) => e.reason),
      column((e) => e.evidence ?? null),
      column((e) => e.confidence),
      column((e) => e.text ?? null),
      column((e) => JSON.stringify(e.spans)),
      column((e) => JSON.stringify(e.refs ?? [])),
    ],
  );
}

/**
 * Store one mended source inside the caller's transaction. Returns the stored row when the
 * same bytes are already there (stored before, or by another writer that committed first).
 */
export async function pgStoreEdition(
  client: Client,
  input: StoreInput,
  now: string,
): Promise<StoreResult> {
  const sourceId = await insertSource(client, input, now);
  if (sourceId === undefined) return (await pgStoredSource(client, input.edition.source.sha256))!;
  const editionId = await insertEdition(client, sourceId, input.edition);
  const date = input.edition.options.editionDate;
  for (const [i, a] of input.edition.articles.entries())
    await insertArticle(client, editionId, i, a, date);
  await insertEdits(client, editionId, input.edition);
  for (const r of sourcePageRows(input.text, input.edition))
    await client.query(
      'INSERT INTO source_pages (edition_id, page, start_at, end_at, json) VALUES ($1, $2, $3, $4, $5)',
      [editionId, r.page, r.start, r.end, r.json],
    );
  return { status: 'added', sourceId, editionId, articles: input.edition.articles.length };
}
