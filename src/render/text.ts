import type { Article, BodyItem } from '../model/types.js';

/** Options that change how article text is shown (never what the edition holds). */
export interface TextOptions {
  /** Insert suggested restorations, marked 〔like this〕. */
  restore?: boolean;
}

/** Opening/closing marks for an inserted restoration and a bare lacuna. */
export const RESTORE_OPEN = '〔';
export const RESTORE_CLOSE = '〕';
export const LACUNA_MARK = '〔…〕';

/** A body item's text with lacunae shown: restorations inserted when asked, else a gap mark. */
export function itemText(item: BodyItem, options: TextOptions = {}): string {
  let out = '';
  let cursor = 0;
  for (const lacuna of [...item.lacunae].sort((a, b) => a.at - b.at)) {
    out += item.text.slice(cursor, lacuna.at);
    out +=
      options.restore && lacuna.suggestion
        ? `${RESTORE_OPEN}${lacuna.suggestion}${RESTORE_CLOSE}`
        : LACUNA_MARK;
    cursor = lacuna.at;
  }
  out += item.text.slice(cursor);
  if (item.lacunaBefore) out = `${LACUNA_MARK}${out}`;
  if (item.lacunaAfter) out = `${out}${LACUNA_MARK}`;
  return out;
}

/** The article as plain reading text: headline block, then the body, one item per line. */
export function articleText(article: Article, options: TextOptions = {}): string {
  const head = [article.kicker, article.headline, article.subheadline].filter(Boolean) as string[];
  const lines = [...head];
  if (article.dateline) lines.push(article.dateline.text);
  if (article.byline) lines.push(article.byline);
  for (const item of article.body) lines.push(itemText(item, options));
  if (article.sourceTag) lines.push(article.sourceTag);
  return lines.join('\n');
}
