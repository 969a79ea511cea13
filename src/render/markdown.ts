import type { Article, BodyItem, Edition } from '../model/types.js';
import { itemText, type TextOptions } from './text.js';

function itemMarkdown(item: BodyItem, options: TextOptions): string {
  const text = itemText(item, options);
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
  if (article.kicker) parts.push(`*${article.kicker}*`);
  parts.push(`## ${article.headline ?? '（无标题）'}`);
  if (article.subheadline) parts.push(`**${article.subheadline}**`);
  const meta = [
    article.dateline?.fromSourceTag ? undefined : article.dateline?.text,
    article.byline,
  ].filter(Boolean);
  if (meta.length > 0) parts.push(meta.join(' · '));
  for (const item of article.body) parts.push(itemMarkdown(item, options));
  if (article.sourceTag) parts.push(article.sourceTag);
  if (article.related.length > 0)
    parts.push(`相关：\n${article.related.map((t) => `- ${t}`).join('\n')}`);
  const notes: string[] = [];
  if (article.flags.length > 0) notes.push(`flags: ${article.flags.join(', ')}`);
  for (const v of article.variants) notes.push(`variant: ${v.text} → likely ${v.likely}`);
  if (notes.length > 0) parts.push(`<!-- ${notes.join('; ')} -->`);
  return parts.join('\n\n');
}

/** Reading Markdown: one `##` section per article, lacunae marked 〔…〕, residue at the end. */
export function renderMarkdown(edition: Edition, options: TextOptions = {}): string {
  const sections = edition.articles.map((a) => articleMarkdown(a, options));
  if (edition.residue.length > 0) {
    sections.push(
      `## 未归属文本（residue）\n\n${edition.residue.map((r) => `- ${r.text} _(${r.reason})_`).join('\n')}`,
    );
  }
  return `${sections.join('\n\n---\n\n')}\n`;
}
