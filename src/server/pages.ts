import type { Archive } from '../archive/backend.js';
import { articleHtml } from '../render/html/article.js';
import { sourceSplitHtml } from '../render/html/edition.js';
import { html, raw, type Raw } from '../render/html/escape.js';
import { page } from '../render/html/page.js';
import type { SearchParams, SearchResult } from '../search/search.js';
import type { Segment } from '../search/snippet.js';
import { pageHolding } from '../archive/source-pages.js';
import { articleParts } from '../model/parts.js';
import type { Article } from '../model/types.js';
import { apiArticle, apiEdition, apiSources, sourceWindow } from './api.js';

function siteHeader(q = ''): Raw {
  return html`<header class="site">
    <a class="brand" href="/">newsmend 报纸修复档案</a>
    <form action="/search" method="get" role="search">
      <input
        type="search"
        name="q"
        value="${q}"
        placeholder="搜索：梁滩河、新华社…"
        aria-label="搜索"
      /><button type="submit">搜索</button>
    </form>
    <a href="/upload">上传</a>
  </header>`;
}

function shell(title: string, body: Raw, q = ''): string {
  return page({ title, body, header: siteHeader(q) });
}

export async function indexPage(archive: Archive, offset: number): Promise<string> {
  const { counts, sources } = await apiSources(archive, offset);
  const rows = sources.map(
    (s) =>
      html`<tr>
        <td><a href="/edition/${s.editionId}">${s.name}</a></td>
        <td>${s.editionDate ?? ''}</td>
        <td>${s.articles}</td>
        <td>${s.dropped}</td>
        <td>${s.residue}</td>
        <td><a href="/source/${s.editionId}">原文对照</a></td>
        <td class="muted">${s.encoding} · ${s.bytes} B · ${s.sha256.slice(0, 12)}</td>
      </tr>`,
  );
  const body = html`<h1>来源与版面</h1>
    <p class="muted">
      ${counts.sources} 个来源，${counts.articles} 篇文章，${counts.edits} 条编辑记录
    </p>
    <table>
      <thead>
        <tr>
          <th>来源</th>
          <th>日期</th>
          <th>文章</th>
          <th>删除</th>
          <th>未归属</th>
          <th></th>
          <th>编码 / 大小 / sha256</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`;
  return shell('newsmend 档案', body);
}

export async function editionPage(archive: Archive, id: number, restore: boolean): Promise<string> {
  const stored = await apiEdition(archive, id);
  const { edition } = stored;
  const articles = edition.articles.map((a, i) =>
    articleHtml(a, {
      restore,
      links: [{ href: `/article/${stored.articleIds[i]}`, label: '单独阅读' }],
    }),
  );
  const body = html`<h1>${edition.source.name}</h1>
    <p>
      <a href="/source/${id}">原文对照（显示每一处编辑）</a> ·
      <a href="/api/editions/${id}">JSON</a> ·
      ${restore ? html`<a href="?">不补字</a>` : html`<a href="?restore=1">显示补字</a>`}
    </p>
    ${articles}`;
  return shell(edition.source.name, body);
}

/** The source view of an article: the page of its edition's source where the article starts. */
async function sourceHref(archive: Archive, editionId: number, a: Article): Promise<string> {
  const starts = articleParts(a).flatMap((part) => part.spans.map((s) => s.start));
  const page = pageHolding(
    await archive.sourcePageStarts(editionId),
    starts.length > 0 ? Math.min(...starts) : 0,
  );
  return `/source/${editionId}${page > 1 ? `?page=${page}` : ''}#src-${a.id}`;
}

export async function articlePage(archive: Archive, id: number, restore: boolean): Promise<string> {
  const stored = await apiArticle(archive, id);
  const a = stored.article;
  const links = [
    { href: await sourceHref(archive, stored.editionId, a), label: '原文对照' },
    { href: `/edition/${stored.editionId}`, label: `整版（${stored.sourceName}）` },
    { href: restore ? '?' : '?restore=1', label: restore ? '不补字' : '显示补字' },
    { href: `/api/articles/${id}`, label: 'JSON' },
  ];
  return shell(a.headline ?? stored.sourceName, html`${articleHtml(a, { restore, links })}`);
}

/** Links to the other pages of a paged source view (nothing for a one-page source). */
function pagerHtml(id: number, page: number, pages: number): Raw {
  if (pages === 1) return html``;
  const link = (p: number, label: string) =>
    p >= 1 && p <= pages && p !== page
      ? html`<a href="/source/${id}?page=${p}">${label}</a>`
      : html`<span class="muted">${label}</span>`;
  return html`<p class="pager">
    ${link(1, '« 第一页')} · ${link(page - 1, '‹ 上一页')} · 第 ${page} / ${pages} 页 ·
    ${link(page + 1, '下一页 ›')} · ${link(pages, '最后一页 »')}
  </p>`;
}

export async function sourcePage(archive: Archive, id: number, page: number): Promise<string> {
  const { head, window } = await sourceWindow(archive, id, page);
  const byAid = await archive.articleIdsByAid(id);
  const starts = await archive.sourcePageStarts(id);
  const body = html`<h1>原文对照：${head.name}</h1>
    <p>
      <a href="/edition/${id}">整版阅读</a> ·
      <a href="/api/editions/${id}/source?page=${page}">JSON</a>
    </p>
    ${pagerHtml(id, window.page, window.pages)}
    ${sourceSplitHtml(window, {
      articleHref: (aid) => `/article/${byAid[aid] ?? ''}`,
      keptHref: (at, edit) => {
        const holding = pageHolding(starts, at);
        return holding === page ? `#kept-${edit}` : `/source/${id}?page=${holding}#kept-${edit}`;
      },
    })}
    ${pagerHtml(id, window.page, window.pages)}`;
  return shell(`原文对照：${head.name}`, body);
}

function segmentsHtml(segments: Segment[]): Raw {
  return html`${segments.map((s) => (s.hit ? html`<mark>${s.text}</mark>` : html`${s.text}`))}`;
}

function sortSelect(sort: SearchParams['sort']): Raw {
  const option = (value: string, label: string) =>
    html`<option value="${value}" ${sort === value ? 'selected' : ''}>${label}</option>`;
  return html`<label
    >排序
    <select name="sort">
      ${option('relevance', '相关度')}${option('date', '日期')}
    </select></label
  > `;
}

function filterForm(p: SearchParams): Raw {
  const input = (name: keyof SearchParams, label: string, type = 'text') =>
    html`<label>${label} <input type="${type}" name="${name}" value="${p[name] ?? ''}" /></label> `;
  return html`<form class="filters" action="/search" method="get">
    <input type="search" name="q" value="${p.q}" aria-label="查询" />
    ${input('from', '从', 'date')}${input('to', '到', 'date')}${input('agency', '通讯社')}${input('place', '地点')}${input('person', '人物')}${sortSelect(p.sort)}<button
      type="submit"
    >
      搜索
    </button>
  </form>`;
}

function pager(p: SearchParams, r: SearchResult): Raw {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(p))
    if (v !== undefined && k !== 'offset') next.set(k, String(v));
  const links: Raw[] = [];
  if (r.offset > 0)
    links.push(
      html`<a href="/search?${withOffset(next, Math.max(0, r.offset - r.limit))}">上一页</a> `,
    );
  if (r.offset + r.limit < (r.rankedNewest ?? r.total))
    links.push(html`<a href="/search?${withOffset(next, r.offset + r.limit)}">下一页</a>`);
  return html`<p>${links}</p>`;
}

function withOffset(params: URLSearchParams, offset: number): string {
  const copy = new URLSearchParams(params);
  copy.set('offset', String(offset));
  return copy.toString();
}

export function searchPage(
  p: SearchParams,
  result: SearchResult | undefined,
  error?: string,
): string {
  const hits = (result?.hits ?? []).map(
    (h) =>
      html`<li class="hit">
        <a class="hit-title" href="/article/${h.articleId}">${segmentsHtml(h.headline)}</a>
        <div class="snippet">${segmentsHtml(h.snippet)}</div>
        <div class="muted">
          ${[h.date, h.agency, h.place, h.source].filter(Boolean).join(' · ')}
        </div>
      </li>`,
  );
  const count = result
    ? html`<p class="muted">
        ${result.complete ? '' : '至少 '}${result.total}
        条结果${
          result.rankedNewest
            ? `；按相关度排列其中最新的 ${result.rankedNewest} 条，按日期排序可往后翻页`
            : ''
        }
      </p>`
    : '';
  const body = html`<h1>搜索</h1>
    ${filterForm(p)} ${error ? html`<p class="error" role="alert">${error}</p>` : ''} ${count}
    <ol class="hits">
      ${hits}
    </ol>
    ${result ? pager(p, result) : ''}`;
  return shell(p.q ? `搜索：${p.q}` : '搜索', body, p.q);
}

export function uploadPage(
  allowed: boolean,
  needsToken: boolean,
  csrf: string,
  message?: string,
): string {
  const form = allowed
    ? html`<form action="/upload" method="post" enctype="application/x-www-form-urlencoded">
          <input type="hidden" name="csrf" value="${csrf}" />
          <p>
            <label>名称 <input type="text" name="name" value="upload.txt" /></label>
          </p>
          ${
            needsToken
              ? html`<p>
                  <label>令牌 <input type="password" name="token" /></label>
                </p>`
              : ''
          }
          <p>
            <textarea
              name="text"
              rows="18"
              cols="80"
              placeholder="粘贴一页报纸的原始文本"
            ></textarea>
          </p>
          <p><button type="submit">整理并存档</button></p>
        </form>
        <p class="muted">文件也可以直接 POST 到 /api/upload（见 docs/api.md）。</p>`
    : html`<p class="error">
        此服务器不接受上传：它不只监听本机地址，且没有设置令牌（--token）。
      </p>`;
  return shell(
    '上传',
    html`<h1>上传原始文本</h1>
      ${message ? html`<p class="error">${message}</p>` : ''}${form}`,
  );
}

export function errorPage(status: number, message: string): string {
  return shell(
    `${status}`,
    html`<h1>${status}</h1>
      <p class="error">${message}</p>
      <p><a href="/">返回首页</a></p>`,
  );
}

export { raw };
