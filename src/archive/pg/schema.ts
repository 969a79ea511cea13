/**
 * The PostgreSQL archive schema: the SQLite archive's concepts (`../schema.ts`, version 3) in
 * PostgreSQL's terms, as an ordered list of migrations. `newsmend_meta.schema_version` records
 * how many have run. Never edit a migration that has shipped: add a new one.
 *
 * What differs, and why:
 * - The search index is a `tsvector` of our own tokens (single characters, character pairs and
 *   words, as `src/search/terms.ts` makes them) in the article row, not a separate FTS table;
 *   headline-part tokens carry weight A, body tokens D (relevance counts a headline hit 4×).
 * - The index holds no positions, so a term of more than two characters is the AND of its pairs,
 *   confirmed on `search_text` (the article's text folded as queries are) inside the same SQL
 *   statement: the same exact-substring answers as SQLite's phrase of pairs.
 * - It is a RUM index with the article's date key attached, so matches come newest first and a
 *   walk stops at the page, as FTS5's key-ordered posting lists do in SQLite. Where the RUM
 *   extension cannot be created (a server without it, a user who may not create extensions) a
 *   GIN index takes its place: the same results, sorted after matching.
 */
export interface PgMigration {
  version: number;
  description: string;
  sql: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    description: 'sources, editions, articles with their search terms, edits, facets',
    sql: `
CREATE TABLE sources (
  id BIGSERIAL PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  encoding TEXT NOT NULL,
  text TEXT NOT NULL,
  raw BYTEA,
  ingested_at TEXT NOT NULL
);
CREATE TABLE editions (
  id BIGSERIAL PRIMARY KEY,
  source_id BIGINT NOT NULL UNIQUE REFERENCES sources(id) ON DELETE CASCADE,
  schema TEXT NOT NULL,
  edition_date TEXT,
  articles INTEGER NOT NULL,
  residue INTEGER NOT NULL,
  dropped INTEGER NOT NULL,
  edits INTEGER NOT NULL,
  json BYTEA NOT NULL
);
CREATE TABLE articles (
  id BIGSERIAL PRIMARY KEY,
  edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  aid TEXT NOT NULL,
  kicker TEXT,
  headline TEXT,
  subheadline TEXT,
  dateline TEXT,
  agency TEXT,
  place TEXT,
  date TEXT,
  byline TEXT,
  source_tag TEXT,
  flags TEXT NOT NULL,
  head_text TEXT NOT NULL,
  body_text TEXT NOT NULL,
  json BYTEA NOT NULL,
  -- src/search/key.ts: the date's day number above the row id
  key BIGINT NOT NULL UNIQUE,
  terms TSVECTOR NOT NULL,
  -- head and body text folded as queries are (src/search/normalize.ts): the exact check
  search_text TEXT NOT NULL,
  UNIQUE (edition_id, aid)
);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE edits (
  id BIGSERIAL PRIMARY KEY,
  edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  eid TEXT NOT NULL,
  stage TEXT NOT NULL,
  rule TEXT NOT NULL,
  action TEXT NOT NULL,
  reason TEXT NOT NULL,
  evidence TEXT,
  confidence DOUBLE PRECISION NOT NULL,
  text TEXT,
  spans TEXT NOT NULL,
  refs TEXT NOT NULL
);
CREATE INDEX edits_edition ON edits(edition_id);
CREATE TABLE facets (
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (kind, value, article_id)
);
CREATE INDEX facets_article ON facets(article_id);
`,
  },
  {
    version: 2,
    description: 'source view pages (the source of a big dump is shown page by page)',
    sql: `
CREATE TABLE source_pages (
  id BIGSERIAL PRIMARY KEY,
  edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  page INTEGER NOT NULL,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE UNIQUE INDEX source_pages_page ON source_pages(edition_id, page, start_at);
`,
  },
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version;

/** The search index, made once with the first migration: RUM when it can be, else GIN. */
export const RUM_INDEX = `CREATE EXTENSION IF NOT EXISTS rum;
CREATE INDEX articles_terms ON articles USING rum (terms rum_tsvector_addon_ops, key)
  WITH (attach = 'key', to = 'terms');`;
export const GIN_INDEX = 'CREATE INDEX articles_terms ON articles USING gin (terms);';

/** The tables an archive has: a database holding some of them without our meta table is not ours. */
export const PG_TABLES = ['sources', 'editions', 'articles', 'edits', 'facets', 'source_pages'];
