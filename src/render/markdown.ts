import type { Article, BodyItem, Edition } from '../model/types.js';
import { itemText, type TextOptions } from './text.js';

/**
 * Source text as Markdown text: what a dump says must read as text, never as markup. A dump can
 * hold `<script>` or `<img onerror=…>` (pasted web pages, hostile uploads), and a line may start
 * with `#`, `-` or `1.`; CommonMark's backslash escapes make each such character literal, so a
 * Markdown viewer shows exactly the source characters and runs nothing.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/gu, '\\$&')
    .replace(/&(?=#?[0-9A-Za-z]+;)/gu, '\\&')
    .replace(/^([ \t]*)([#>+=-])/gmu, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gmu, '$1\\$2');
}

/** Text inside an HTML comment: `--` would end or break it. */
function commentSafe(text: string): string {
  return text.replace(/--/gu, '- -');
}

function itemMarkdown(item: BodyItem, options: TextOptions): string {
  const text = escapeMarkdown(itemText(item, options));
  switch (item.kind) {
    case 'subhead':
      return `### ${text}`;
    case 'caption':
      return `*${text}*`;
    case 'note':
      return `> ${text}`;
    case 'byline':
      return `**${text}**`;
    default:
      return text;
  }
}

function articleMarkdown(article: Article, options: TextOptions): string {
  const parts: string[] = [];
  const md = escapeMarkdown;
  if (article.kicker) parts.push(`*${md(article.kicker)}*`);
  parts.push(`## ${article.headline ? md(article.headline) : '（无标题）'}`);
  if (article.subheadline) parts.push(`**${md(article.subheadline)}**`);
  const meta = [
    article.dateline?.fromSourceTag ? undefined : article.dateline?.text,
    article.byline,
  ].filter((t): t is string => Boolean(t));
  if (meta.length > 0) parts.push(meta.map(md).join(' · '));
  for (const item of article.body) parts.push(itemMarkdown(item, options));
  if (article.sourceTag) parts.push(md(article.sourceTag));
  if (article.related.length > 0)
    parts.push(`相关：\n${article.related.map((t) => `- ${md(t)}`).join('\n')}`);
  const notes: string[] = [];
  if (article.flags.length > 0) notes.push(`flags: ${article.flags.join(', ')}`);
  for (const v of article.variants) notes.push(`variant: ${v.text} → likely ${v.likely}`);
  if (notes.length > 0) parts.push(`<!-- ${commentSafe(notes.join('; '))} -->`);
  return parts.join('\n\n');
}

/** Reading Markdown: one `##` section per article, lacunae marked 〔…〕, residue at the end. */
export function renderMarkdown(edition: Edition, options: TextOptions = {}): string {
  const sections = edition.articles.map((a) => articleMarkdown(a, options));
  if (edition.residue.length > 0) {
    sections.push(
      `## 未归属文本（residue）\n\n${edition.residue.map((r) => `- ${escapeMarkdown(r.text)} _(${r.reason})_`).join('\n')}`,
    );
  }
  return `${sections.join('\n\n---\n\n')}\n`;
}
