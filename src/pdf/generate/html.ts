/**
 * A printed newspaper page as HTML/CSS, from clean articles, for Chromium to typeset into a PDF
 * (render.ts): the test pages of the PDF path. Stories are boxes on a column grid, each with its
 * kicker, headline, subheadline and byline over a body set in the box's columns; a header with
 * the paper's name, date and page number; a footer with the editor's line. Every article's
 * text is its gold: the page holds nothing else but that furniture, and white space is printed
 * as it stands in the text (pre-wrap), not collapsed as HTML would.
 */
import type { SynthArticle } from '../../synth/model.js';
import { itemText } from '../../synth/model.js';

export interface Template {
  name: string;
  /** Columns of the page grid. */
  columns: number;
  /** Columns the first (lead) story spans. */
  leadSpan: number;
  /** Never used to fit anything: the check that the reader does not depend on one layout. */
  heldOut: boolean;
}

export const TEMPLATES: readonly Template[] = [
  { name: 'four-column', columns: 4, leadSpan: 3, heldOut: false },
  { name: 'five-column', columns: 5, leadSpan: 3, heldOut: false },
  { name: 'six-column', columns: 6, leadSpan: 4, heldOut: true },
];

export interface PageMeta {
  paper: string;
  /** YYYY-MM-DD */
  date: string;
  pageNo: number;
  editor: string;
}

const escape = (s: string) =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** Columns a story spans: by its length, the lead story wide. */
function spanOf(a: SynthArticle, index: number, t: Template): number {
  if (index === 0) return t.leadSpan;
  const chars = a.body.reduce((n, it) => n + itemText(it).length, 0);
  return Math.min(t.columns, chars > 1500 ? 3 : chars > 600 ? 2 : 1);
}

function storyHtml(a: SynthArticle, index: number, t: Template): string {
  const span = spanOf(a, index, t);
  const parts: string[] = [];
  if (a.kicker) parts.push(`<div class="kicker">${escape(a.kicker)}</div>`);
  parts.push(`<h1 class="${index === 0 ? 'lead' : ''}">${escape(a.headline)}</h1>`);
  if (a.subheadline) parts.push(`<div class="sub">${escape(a.subheadline)}</div>`);
  if (a.byline) parts.push(`<div class="byline">${escape(a.byline)}</div>`);
  const body = a.body.map((it, i) => {
    let text = itemText(it);
    if (i === a.datelineItem && a.dateline) text = a.dateline.text + a.dateline.gap + text;
    return it.kind === 'subhead' ? `<h3>${escape(text)}</h3>` : `<p>${escape(text)}</p>`;
  });
  if (a.sourceTag) body.push(`<p class="tag">${escape(a.sourceTag)}</p>`);
  return (
    `<section class="story" style="grid-column: span ${span}">` +
    parts.join('') +
    `<div class="body" style="column-count: ${span}">${body.join('')}</div></section>`
  );
}

/** The page as one HTML document. */
export function pageHtml(articles: readonly SynthArticle[], t: Template, meta: PageMeta): string {
  const stories = articles.map((a, i) => storyHtml(a, i, t)).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
body { margin: 0; font-family: 'Noto Serif CJK SC', serif; font-size: 9.5pt; line-height: 1.55; }
header { display: flex; justify-content: space-between; align-items: baseline;
  border-bottom: 2px solid #000; margin-bottom: 4mm; font-size: 9pt; }
header .paper { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 24pt; font-weight: 700; }
footer { border-top: 1px solid #000; margin-top: 4mm; font-size: 8pt; }
.grid { display: grid; grid-template-columns: repeat(${t.columns}, 1fr); column-gap: 5mm;
  row-gap: 6mm; grid-auto-flow: row dense; align-items: start; }
.story { border-top: 1.5px solid #000; padding-top: 2mm; }
.kicker { font-size: 11.5pt; white-space: pre-wrap; }
h1 { font-family: 'Noto Sans CJK SC', sans-serif; font-weight: 700; font-size: 17pt; white-space: pre-wrap;
  line-height: 1.3; margin: 1mm 0 1.5mm; }
h1.lead { font-size: 24pt; }
.sub { font-size: 12pt; margin-bottom: 1.5mm; white-space: pre-wrap; }
.byline { font-family: 'Noto Sans CJK SC', sans-serif; margin-bottom: 1mm; white-space: pre-wrap; }
.body { column-gap: 4mm; }
p { margin: 0; text-indent: 2em; text-align: justify; white-space: pre-wrap; }
h3 { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 9.5pt; font-weight: 700;
  margin: 1mm 0; text-align: center; white-space: pre-wrap; }
</style></head><body>
<header><span class="paper">${escape(meta.paper)}</span><span>${escape(meta.date)}</span><span>第${meta.pageNo}版</span></header>
<div class="grid">
${stories}
</div>
<footer>责任编辑：${escape(meta.editor)}</footer>
</body></html>`;
}
