import type { Db } from './db.js';
import { migrateToV3 } from './migrate-v3.js';

/**
 * The archive schema as an ordered list of migrations. `PRAGMA user_version` records how many
 * have run; opening an archive runs the rest, each in its own transaction. Never edit a
 * migration that has shipped: add a new one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Work SQL alone cannot do (re-indexing with our own tokens), run after `sql`. */
  apply?: (db: Db) => void;
}

/** Contentless: the text lives in `articles`; rows are keyed by `src/search/key.ts` from v3 on. */
const FTS_TABLE = `CREATE VIRTUAL TABLE article_fts USING fts5(
  h_uni, h_bi, h_word, b_uni, b_bi, b_word,
  content = '', contentless_delete = 1, tokenize = 'ascii'
);`;

const V1_TABLES = `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  encoding TEXT NOT NULL,
  text TEXT NOT NULL,
  raw BLOB,
  ingested_at TEXT NOT NULL
);
CREATE TABLE editions (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL UNIQUE REFERENCES sources(id) ON DELETE CASCADE,
  schema TEXT NOT NULL,
  edition_date TEXT,
  articles INTEGER NOT NULL,
  residue INTEGER NOT NULL,
  dropped INTEGER NOT NULL,
  edits INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  edition_id INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
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
  json TEXT NOT NULL,
  UNIQUE (edition_id, aid)
);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE body_items (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  lacunae INTEGER NOT NULL
);
CREATE INDEX body_items_article ON body_items(article_id);
CREATE TABLE edits (
  id INTEGER PRIMARY KEY,
  edition_id INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  eid TEXT NOT NULL,
  stage TEXT NOT NULL,
  rule TEXT NOT NULL,
  action TEXT NOT NULL,
  reason TEXT NOT NULL,
  evidence TEXT,
  confidence REAL NOT NULL,
  text TEXT,
  spans TEXT NOT NULL,
  refs TEXT NOT NULL
);
CREATE INDEX edits_edition ON edits(edition_id);
CREATE TABLE facets (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (kind, value, article_id)
) WITHOUT ROWID;
${FTS_TABLE}`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'sources, editions, articles, body items, edits, facets, FTS',
    sql: V1_TABLES,
  },
  {
    version: 2,
    description: 'source view pages (the source of a big dump is shown page by page)',
    sql: `
CREATE TABLE source_pages (
  id INTEGER PRIMARY KEY,
  edition_id INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  page INTEGER NOT NULL,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  json TEXT NOT NULL
);
-- covers the page lookups (which page holds an offset) without reading the pages themselves
CREATE UNIQUE INDEX source_pages_page ON source_pages(edition_id, page, start_at);
`,
  },
  {
    version: 3,
    description:
      'index keyed by date (bounded search); article and edition JSON deflated; body items and the edition copy of its articles no longer stored twice',
    // Articles are read from `articles.json`; the edition row keeps everything else.
    sql: `
DROP TABLE body_items;
UPDATE editions SET json = json_set(json, '$.articles', json('[]'));
DROP TABLE article_fts;
${FTS_TABLE}
`,
    apply: migrateToV3,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
