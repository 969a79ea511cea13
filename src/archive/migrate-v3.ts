import { articleKey } from '../search/key.js';
import type { Db } from './db.js';
import { indexArticle } from './index-article.js';
import { packJson } from './packed.js';

/** Rows read per step: a connection cannot write while it is still reading rows. */
const BATCH = 1000;

/** Call `each` on every row of `table` in id order, `BATCH` rows at a time. */
function inBatches<T extends { id: number }>(
  db: Db,
  table: string,
  columns: string,
  each: (row: T) => void,
): void {
  const next = db.prepare(`SELECT id, ${columns} FROM ${table} WHERE id > ? ORDER BY id LIMIT ?`);
  for (let after = 0; ;) {
    const rows = next.all(after, BATCH) as T[];
    if (rows.length === 0) return;
    rows.forEach(each);
    after = rows[rows.length - 1].id;
  }
}

/**
 * Schema v3's data work, after its SQL: every article indexed again under its date key (the
 * index table is new and empty), then article and edition JSON deflated (`packed.ts`).
 */
export function migrateToV3(db: Db): void {
  type ArticleRow = { id: number; date: string | null; head: string; body: string };
  inBatches<ArticleRow>(db, 'articles', 'date, head_text AS head, body_text AS body', (row) =>
    indexArticle(db, articleKey(row.id, row.date), row.head, row.body),
  );
  for (const table of ['articles', 'editions']) {
    const update = db.prepare(`UPDATE ${table} SET json = ? WHERE id = ?`);
    inBatches<{ id: number; json: string }>(db, table, 'json', (row) =>
      update.run(packJson(JSON.parse(row.json)), row.id),
    );
  }
}
