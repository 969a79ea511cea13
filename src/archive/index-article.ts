import { indexTerms } from '../search/terms.js';
import type { Db } from './db.js';

/** Add one article's search text to the full-text index under its key (`src/search/key.ts`). */
export function indexArticle(db: Db, key: number, head: string, body: string): void {
  const h = indexTerms(head);
  const b = indexTerms(body);
  db.prepare(
    'INSERT INTO article_fts (rowid, h_uni, h_bi, h_word, b_uni, b_bi, b_word) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(key, h.uni, h.bi, h.word, b.uni, b.bi, b.word);
}

/**
 * Merge the full-text index into one segment (FTS5 'optimize'). Ingesting page by page leaves
 * thousands of segments; each query then walks every one. Merged, searches of phrases and
 * with filters took about 40% less time on a million articles (docs/architecture.md, "Search
 * at scale"). Costs time in proportion to the whole index (`npm run load` prints it),
 * so it is asked for (`ingest --optimize`), not done after every ingest.
 */
export function optimizeIndex(db: Db): void {
  db.exec("INSERT INTO article_fts(article_fts) VALUES('optimize')");
}
