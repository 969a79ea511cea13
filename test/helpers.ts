import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mend, rebuild, type Article, type Edition, type MendOptions } from '../src/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function readFixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'pages', name), 'utf8');
}

/** Mend text and check the ledger rebuilds it, as every test should. */
export function mendChecked(text: string, options: MendOptions = {}): Edition {
  const edition = mend(text, options);
  if (rebuild(edition) !== text) throw new Error('rebuild(mend(x)) !== x');
  return edition;
}

export function headlines(edition: Edition): (string | undefined)[] {
  return edition.articles.map((a) => a.headline);
}

export function paragraphs(article: Article): string[] {
  return article.body.filter((b) => b.kind === 'paragraph').map((b) => b.text);
}

export function rules(edition: Edition): string[] {
  return edition.edits.map((e) => e.rule);
}
