import type { Article, BodyItem, Lacuna, Variant } from '../../model/types.js';
import { LACUNA_MARK, RESTORE_CLOSE, RESTORE_OPEN } from '../text.js';
import { esc, html, raw, type Raw } from './escape.js';

export interface ArticleHtmlOptions {
  /** Insert suggested restorations (marked) instead of showing a gap mark. */
  restore?: boolean;
  /** The element id of the article (an anchor). */
  anchor?: string;
  /** Links shown under the article (e.g. to its source view). */
  links?: { href: string; label: string }[];
}

/** Escaped text with every occurrence of a flagged variant form marked. */
export function withVariants(text: string, variants: readonly Variant[]): string {
  const forms = variants.filter((v) => v.text.length > 0);
  if (forms.length === 0) return esc(text);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const v = forms.find((f) => text.startsWith(f.text, i));
    if (!v) {
      out += esc(text[i++]);
      continue;
    }
    const title = `可能是「${v.likely}」：${v.evidence}`;
    out += html`<mark class="variant" title="${title}">${v.text}</mark>`.html;
    i += v.text.length;
  }
  return out;
}

function lacunaHtml(lacuna: Lacuna | undefined, restore: boolean): string {
  const title = lacuna?.evidence ? `此处缺字：${lacuna.evidence}` : '此处缺字';
  if (restore && lacuna?.suggestion)
    return html`<ins class="restore" title="${title}"
      >${RESTORE_OPEN}${lacuna.suggestion}${RESTORE_CLOSE}</ins
    >`.html;
  if (lacuna?.suggestion)
    return html`<span class="lacuna" title="${title}"
      >〔…<span class="suggest">${lacuna.suggestion}?</span>〕</span
    >`.html;
  return html`<span class="lacuna" title="${title}">${LACUNA_MARK}</span>`.html;
}

/** A body item's inner HTML: its text with lacunae marked (or restored) and variants flagged. */
export function itemInnerHtml(
  item: BodyItem,
  variants: readonly Variant[],
  restore = false,
): string {
  let out = item.lacunaBefore ? lacunaHtml(undefined, restore) : '';
  let cursor = 0;
  for (const lacuna of [...item.lacunae].sort((a, b) => a.at - b.at)) {
    out += withVariants(item.text.slice(cursor, lacuna.at), variants) + lacunaHtml(lacuna, restore);
    cursor = lacuna.at;
  }
  out += withVariants(item.text.slice(cursor), variants);
  if (item.lacunaAfter) out += lacunaHtml(undefined, restore);
  return out;
}

function itemHtml(item: BodyItem, variants: readonly Variant[], restore: boolean): string {
  const inner = raw(itemInnerHtml(item, variants, restore));
  switch (item.kind) {
    case 'subhead':
      return html`<h2 class="subhead">${inner}</h2>`.html;
    case 'caption':
      return html`<figure><figcaption class="caption">${inner}</figcaption></figure>`.html;
    case 'note':
      return html`<aside class="note">${inner}</aside>`.html;
    case 'byline':
      return html`<p class="item-byline">${inner}</p>`.html;
    default:
      return html`<p>${inner}</p>`.html;
  }
}

const FLAG_LABELS: Record<string, string> = {
  'truncated-start': '开头缺失',
  'truncated-end': '结尾缺失',
  'continued-elsewhere': '转版',
};

function headerHtml(a: Article): Raw {
  const v = a.variants;
  const line = a.dateline || a.byline;
  return html`<header>
    ${a.kicker ? html`<p class="kicker">${raw(withVariants(a.kicker, v))}</p>` : ''}
    <h1 class="headline">${a.headline ? raw(withVariants(a.headline, v)) : '（无标题）'}</h1>
    ${a.subheadline ? html`<p class="subheadline">${raw(withVariants(a.subheadline, v))}</p>` : ''}
    ${line ? html`<p class="dateline-line">${a.dateline ? html`<span class="dateline">${raw(withVariants(a.dateline.text, v))}</span>` : ''} ${a.byline ? html`<span class="byline">${a.byline}</span>` : ''}</p>` : ''}
  </header>`;
}

function footerHtml(a: Article, options: ArticleHtmlOptions): Raw {
  const flags = a.flags.map(
    (f) => html`<span class="flag" title="${f}">${FLAG_LABELS[f] ?? f}</span>`,
  );
  const variants = a.variants.map(
    (v) =>
      html`<span class="flag variant-flag" title="${v.evidence}"
        >「${v.text}」疑为「${v.likely}」</span
      >`,
  );
  const links = (options.links ?? []).map((l) => html` <a href="${l.href}">${l.label}</a>`);
  if (flags.length + variants.length + links.length === 0) return html``;
  return html`<footer class="flags">${flags}${variants}${links}</footer>`;
}

/** An article laid out as a newspaper prints it. Every piece of text is escaped. */
export function articleHtml(a: Article, options: ArticleHtmlOptions = {}): Raw {
  const restore = options.restore ?? false;
  const body = a.body.map((item) => raw(itemHtml(item, a.variants, restore)));
  const related =
    a.related.length > 0
      ? html`<aside class="related">
          <h3>相关报道</h3>
          <ul>
            ${a.related.map((t) => html`<li>${t}</li>`)}
          </ul>
        </aside>`
      : '';
  return html`<article class="article" id="${options.anchor ?? a.id}">
    ${headerHtml(a)}
    <div class="body">${body}</div>
    ${a.sourceTag ? html`<p class="source-tag">${a.sourceTag}</p>` : ''} ${related}
    ${footerHtml(a, options)}
  </article>`;
}
