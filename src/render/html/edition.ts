import type { Edition } from '../../model/types.js';
import { articleHtml } from './article.js';
import { html, type Raw } from './escape.js';
import { ledgerHtml, sourceViewHtml } from './source.js';

export interface EditionHtmlOptions {
  restore?: boolean;
  /** href of an article by its id in the edition. */
  articleHref(aid: string): string;
  /** Element id given to an article (for in-page links). */
  articleAnchor?(aid: string): string;
}

export function residueHtml(edition: Edition): Raw {
  if (edition.residue.length === 0) return html``;
  const items = edition.residue.map(
    (r) =>
      html`<li>
        <span class="seg residue">${r.text}</span> <span class="muted">(${r.reason})</span>
      </li>`,
  );
  return html`<section class="residue">
    <h2>未归属文本</h2>
    <ul>
      ${items}
    </ul>
  </section>`;
}

/** Every article of an edition, then its residue. */
export function articlesHtml(edition: Edition, options: EditionHtmlOptions): Raw {
  const articles = edition.articles.map((a) =>
    articleHtml(a, { restore: options.restore, anchor: options.articleAnchor?.(a.id) ?? a.id }),
  );
  return html`${articles}${residueHtml(edition)}`;
}

/** Source beside the mended articles, then the ledger. */
export function sourceSplitHtml(text: string, edition: Edition, options: EditionHtmlOptions): Raw {
  return html`<div class="split">
      <section>
        <h2>原始文本</h2>
        ${sourceViewHtml(text, edition, { article: options.articleHref })}
      </section>
      <section>
        <h2>整理结果</h2>
        ${articlesHtml(edition, { ...options, articleAnchor: (aid) => `mended-${aid}` })}
      </section>
    </div>
    <h2>编辑记录</h2>
    ${ledgerHtml(edition)}`;
}
