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
