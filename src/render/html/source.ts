import type { Edit, Edition, Role } from '../../model/types.js';
import { dropCategory, type PointMark, type SourceSegment } from './annotate.js';
import { esc, html, raw, type Raw } from './escape.js';
import { evidenceOf } from '../evidence.js';
import type { SourceWindow } from './window.js';

export interface SourceLinks {
  /** Link to an article by its id within the edition (`a1`). */
  article(aid: string): string;
  /**
   * Link to the kept copy of a dropped repeat, at source offset `at`; by default an anchor on
   * this page (a paged view links to the page holding it).
   */
  kept?(at: number, edit: string): string;
}

const CATEGORY_LABELS: Record<string, string> = {
  duplicate: '重复（已删，链接到保留的一份）',
  boilerplate: '版面杂项（已删）',
  echo: '标题回声（已删）',
  drop: '已删',
};

/** Margin marks of the roles a label gives (a piece of kept text starts at the mark). */
const ROLE_MARKS: Record<Role, string> = {
  kicker: '引题',
  headline: '标题',
  subheadline: '副题',
  dateline: '电头',
  byline: '署名',
  sourceTag: '来源',
  related: '相关',
  paragraph: '段',
  subhead: '小标题',
  caption: '图说',
  note: '注',
};

function editTitle(e: Edit | undefined): string {
  if (!e) return '';
  const why = evidenceOf(e);
  const evidence = why ? ` — ${why}` : '';
  const role = e.role ? `${e.role} — ` : '';
  return `${e.id} ${e.stage}/${e.rule} (${e.action}, ${e.confidence}): ${role}${e.reason}${evidence}`;
}

function pointHtml(p: PointMark, edits: Map<string, Edit>): string {
  if (p.kind === 'label')
    return html`<span class="mark-label" title="${editTitle(edits.get(p.ref))}"
      >${p.role ? ROLE_MARKS[p.role] : '?'}</span
    >`.html;
  if (p.kind === 'wrap')
    return html`<span class="mark-wrap" title="${editTitle(edits.get(p.ref))}">↩</span>`.html;
  if (p.kind === 'join')
    return html`<span class="mark-join" id="src-${p.ref}" title="${editTitle(edits.get(p.ref))}"
      >⏎拼接</span
    >`.html;
  const title = [p.suggestion ? `建议补「${p.suggestion}」` : '缺字', p.evidence]
    .filter(Boolean)
    .join('：');
  return html`<span class="mark-lacuna" title="${title}"
    >〔…${p.suggestion ? `${p.suggestion}?` : ''}〕</span
  >`.html;
}

function segClasses(seg: SourceSegment): string {
  const classes = ['seg', seg.kind];
  if (seg.category) classes.push(seg.category);
  if (seg.variant) classes.push('variant');
  if (seg.marks.length > 0 && !seg.variant) classes.push('flagged');
  return classes.join(' ');
}

function segmentHtml(
  window: SourceWindow,
  seg: SourceSegment,
  edits: Map<string, Edit>,
  keptHref: Map<string, string>,
  links: SourceLinks,
): string {
  const content = window.text.slice(seg.start - window.start, seg.end - window.start);
  if (seg.kind === 'layout' && seg.marks.length === 0) return esc(content);
  const title = [
    seg.kind === 'kept' ? `${seg.article} ${seg.field}` : '',
    editTitle(seg.label ? edits.get(seg.label) : undefined),
    seg.residue ? `未归属 ${seg.residue}` : '',
    editTitle(seg.edit ? edits.get(seg.edit) : undefined),
    ...seg.marks.map((m) => editTitle(edits.get(m)) || `异文 ${m}`),
  ]
    .filter(Boolean)
    .join('\n');
  const attrs = html`class="${segClasses(seg)}" title="${title}"
  data-kind="${seg.kind}"${seg.edit ? html` data-edit="${seg.edit}"` : ''}${seg.article ? html` data-article="${seg.article}"` : ''}`;
  if (seg.edit && keptHref.has(seg.edit))
    return html`<a ${attrs} href="${keptHref.get(seg.edit)}">${content}</a>`.html;
  if (seg.kind === 'kept' && seg.article)
    return html`<a ${attrs} href="${links.article(seg.article)}">${content}</a>`.html;
  return html`<span ${attrs}>${content}</span>`.html;
}

/** The raw dump with every run shown by what happened to it; anchors `src-<edit id>`. */
export function sourceBodyHtml(window: SourceWindow, links: SourceLinks): Raw {
  const ann = window.annotation;
  const edits = new Map(window.edits.map((e) => [e.id, e]));
  const keptHref = new Map(
    ann.keptLinks.map((k) => [k.edit, links.kept?.(k.at, k.edit) ?? `#kept-${k.edit}`]),
  );
  const keptAt = new Map<number, string[]>();
  for (const k of ann.keptLinks) keptAt.set(k.at, [...(keptAt.get(k.at) ?? []), k.edit]);
  const pointsAt = new Map<number, PointMark[]>();
  for (const p of ann.points) pointsAt.set(p.at, [...(pointsAt.get(p.at) ?? []), p]);
  const anchored = new Set<string>();
  let out = '';
  const emitAt = (at: number) => {
    for (const id of keptAt.get(at) ?? [])
      out += html`<span id="kept-${id}" class="kept-target"></span>`.html;
    for (const p of pointsAt.get(at) ?? []) out += pointHtml(p, edits);
    keptAt.delete(at);
    pointsAt.delete(at);
  };
  for (const seg of ann.segments) {
    emitAt(seg.start);
    const anchor = seg.edit ?? seg.article;
    if (anchor && !anchored.has(anchor)) {
      anchored.add(anchor);
      out += html`<span id="src-${anchor}"></span>`.html;
    }
    out += segmentHtml(window, seg, edits, keptHref, links);
  }
  emitAt(window.end);
  return html`<pre class="source">${raw(out)}</pre>`;
}

function legend(): Raw {
  return html`<p class="legend">
    <span class="seg kept">保留</span
    ><span class="seg drop duplicate">${CATEGORY_LABELS.duplicate}</span
    ><span class="seg drop boilerplate">${CATEGORY_LABELS.boilerplate}</span
    ><span class="seg drop echo">${CATEGORY_LABELS.echo}</span
    ><span class="seg residue">未归属</span><span class="mark-join">⏎拼接</span
    ><span class="mark-lacuna">〔…〕缺字</span><span class="seg variant">异文</span
    ><span class="mark-label">标题</span>角色（悬停看原因）<span class="mark-wrap">↩</span
    >硬换行已接
  </p>`;
}

/** The ledger as a table, each row linked to its place in the source. */
export function ledgerHtml(edition: Pick<Edition, 'edits'>): Raw {
  const rows = edition.edits.map(
    (e) =>
      html`<tr id="edit-${e.id}">
        <td><a href="#src-${e.id}">${e.id}</a></td>
        <td>${e.stage}/${e.rule}</td>
        <td>
          ${e.action}${e.action === 'drop' ? html` <span class="muted">(${dropCategory(e)})</span>` : ''}${e.role ? html` <span class="muted">(${e.role})</span>` : ''}
        </td>
        <td class="text">${e.text ?? ''}</td>
        <td>
          ${e.reason}${e.evidence ? html`<br /><span class="muted">${e.evidence}</span>` : ''}
        </td>
        <td>${e.confidence}</td>
        <td>${(e.refs ?? []).join(', ')}</td>
      </tr>`,
  );
  if (rows.length === 0) return html`<p class="muted">（没有编辑记录）</p>`;
  return html`<table class="ledger">
    <thead>
      <tr>
        <th>id</th>
        <th>rule</th>
        <th>action</th>
        <th>text</th>
        <th>reason / evidence</th>
        <th>conf.</th>
        <th>refs</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

/** Legend + annotated source: the left half of a source view. */
export function sourceViewHtml(window: SourceWindow, links: SourceLinks): Raw {
  return html`${legend()}${sourceBodyHtml(window, links)}`;
}
