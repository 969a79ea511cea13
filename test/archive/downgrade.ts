/**
 * Turn a current archive back into what schema version 2 wrote, so migrations are tested on
 * the shape old archives really have: body items stored, JSON as plain text with each
 * edition's holding its articles, the full-text index keyed by article id.
 */
import { MIGRATIONS } from '../../src/archive/schema.js';
import type { Db } from '../../src/archive/db.js';
import { unpackJson } from '../../src/archive/packed.js';
import { indexTerms } from '../../src/search/terms.js';

const V1_BODY_ITEMS = /CREATE TABLE body_items \([^;]*\);\nCREATE INDEX body_items_article[^;]*;/u;
const V1_FTS = /CREATE VIRTUAL TABLE article_fts[^;]*;/u;

function v1Statement(pattern: RegExp): string {
  const sql = pattern.exec(MIGRATIONS[0].sql)?.[0];
  if (!sql) throw new Error(`schema v1 has no statement matching ${pattern}`);
  return sql;
}

export function downgradeToV2(db: Db): void {
  db.transaction(() => {
    db.exec(v1Statement(V1_BODY_ITEMS));
    const articles = (
      db
        .prepare(
          'SELECT id, edition_id AS edition, head_text AS head, body_text AS body, json FROM articles ORDER BY edition_id, ordinal',
        )
        .all() as { id: number; edition: number; head: string; body: string; json: Buffer }[]
    ).map((a) => ({ ...a, json: JSON.stringify(unpackJson(a.json)) }));
    const plainArticle = db.prepare('UPDATE articles SET json = ? WHERE id = ?');
    for (const a of articles) plainArticle.run(a.json, a.id);
    const item = db.prepare(
      'INSERT INTO body_items (article_id, ordinal, kind, text, lacunae) VALUES (?, ?, ?, ?, 0)',
    );
    const byEdition = new Map<number, string[]>();
    for (const a of articles) {
      const parsed = JSON.parse(a.json) as { body: { kind: string; text: string }[] };
      parsed.body.forEach((b, i) => item.run(a.id, i, b.kind, b.text));
      byEdition.set(a.edition, [...(byEdition.get(a.edition) ?? []), a.json]);
    }
    const edition = db.prepare('SELECT json FROM editions WHERE id = ?').pluck();
    const setJson = db.prepare(
      "UPDATE editions SET json = json_set(?, '$.articles', json(?)) WHERE id = ?",
    );
    for (const id of db.prepare('SELECT id FROM editions').pluck().all() as number[]) {
      const plain = JSON.stringify(unpackJson(edition.get(id) as Buffer));
      setJson.run(plain, `[${(byEdition.get(id) ?? []).join(',')}]`, id);
    }
    db.exec('DROP TABLE article_fts');
    db.exec(v1Statement(V1_FTS));
    const fts = db.prepare(
      'INSERT INTO article_fts (rowid, h_uni, h_bi, h_word, b_uni, b_bi, b_word) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const a of articles) {
      const h = indexTerms(a.head);
      const b = indexTerms(a.body);
      fts.run(a.id, h.uni, h.bi, h.word, b.uni, b.bi, b.word);
    }
    db.pragma('user_version = 2');
  })();
}
