import type { Edition } from '../../model/types.js';
import { articleHtml } from './article.js';
import { html, type Raw } from './escape.js';
import { ledgerHtml, sourceViewHtml, type SourceLinks } from './source.js';
import type { SourceWindow } from './window.js';

export interface EditionHtmlOptions {
  restore?: boolean;
  /** href of an article by its id in the edition. */
  articleHref(aid: string): string;
  /** Element id given to an article (for in-page links). */
  articleAnchor?(aid: string): string;
  /** Link to the kept copy of a dropped repeat (see SourceLinks). */
  keptHref?: SourceLinks['kept'];
}

/** What an edition view shows: a whole edition, or the part of it on one page of its source. */
type Shown = Pick<Edition, 'articles' | 'residue'>;

export function residueHtml(edition: Shown): Raw {
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
export function articlesHtml(edition: Shown, options: EditionHtmlOptions): Raw {
  const articles = edition.articles.map((a) =>
    articleHtml(a, { restore: options.restore, anchor: options.articleAnchor?.(a.id) ?? a.id }),
  );
  return html`${articles}${residueHtml(edition)}`;
}

/** Source (or one page of it) beside the mended articles it holds, then their ledger. */
export function sourceSplitHtml(window: SourceWindow, options: EditionHtmlOptions): Raw {
  const links = { article: options.articleHref, kept: options.keptHref };
  return html`<div class="split">
      <section>
        <h2>原始文本</h2>
        ${sourceViewHtml(window, links)}
      </section>
      <section>
        <h2>整理结果</h2>
        ${articlesHtml(window, { ...options, articleAnchor: (aid) => `mended-${aid}` })}
      </section>
    </div>
    <h2>编辑记录</h2>
    ${ledgerHtml(window)}`;
}
