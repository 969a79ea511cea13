import type { Edition } from '../model/types.js';
import { rebuild } from '../model/rebuild.js';
import { articlesHtml, sourceSplitHtml } from './html/edition.js';
import { html } from './html/escape.js';
import { page } from './html/page.js';
import { wholeWindow } from './html/window.js';
import type { TextOptions } from './text.js';

function sourceSection(edition: Edition, options: TextOptions) {
  let text: string;
  try {
    text = rebuild(edition);
  } catch {
    return html`<p class="muted">（无法由整理结果重建原文，不显示原文对照）</p>`;
  }
  return sourceSplitHtml(wholeWindow(text, edition), {
    restore: options.restore,
    articleHref: (aid) => `#${aid}`,
  });
}

/**
 * A standalone reader page: the articles as a newspaper prints them, then the source with every
 * edit shown beside the mended text, then the ledger. No scripts, no external resources.
 */
export function renderHtml(edition: Edition, options: TextOptions = {}): string {
  const title = edition.articles[0]?.headline ?? edition.source.name;
  const body = html`<h1 class="muted">${edition.source.name}</h1>
    ${articlesHtml(edition, { restore: options.restore, articleHref: (aid) => `#${aid}` })}
    <h2>原文对照</h2>
    ${sourceSection(edition, options)}`;
  return page({ title, body });
}
