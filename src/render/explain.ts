import { rebuild } from '../model/rebuild.js';
import type { Edit, Edition } from '../model/types.js';
import { categoryOf } from '../stages/registry.js';
import { evidenceOf } from './evidence.js';

/** ANSI styles for the terminal view; plain brackets carry the same information without colour. */
const STYLE = {
  drop: ['\x1b[31;9m', '\x1b[0m'],
  join: ['\x1b[32m', '\x1b[0m'],
  lacuna: ['\x1b[33;1m', '\x1b[0m'],
  variant: ['\x1b[35;4m', '\x1b[0m'],
  label: ['\x1b[36m', '\x1b[0m'],
} as const;

type Kind = keyof typeof STYLE;

/** Marks at one offset: closing marks, cuts and article starts, labels, openings, then points. */
const ORDER = { close: 0, cut: 1, label: 2, open: 3, point: 4 } as const;

interface Mark {
  at: number;
  order: number;
  text: string;
}

function paint(kind: Kind, text: string, colour: boolean): string {
  return colour ? `${STYLE[kind][0]}${text}${STYLE[kind][1]}` : text;
}

/** A mark before the first span of an edit and one after its last. */
function around(edit: Edit, kind: Kind, open: string, close: string, colour: boolean): Mark[] {
  const first = edit.spans[0];
  const last = edit.spans[edit.spans.length - 1];
  return [
    { at: first.start, order: ORDER.open, text: paint(kind, open, colour) },
    { at: last.end, order: ORDER.close, text: paint(kind, close, colour) },
  ];
}

/** A mark at the start of each span (seams of a join, lacunae). */
function atEach(edit: Edit, kind: Kind, text: string, colour: boolean): Mark[] {
  return edit.spans.map((s) => ({
    at: s.start,
    order: ORDER.point,
    text: paint(kind, text, colour),
  }));
}

function marksFor(edit: Edit, colour: boolean): Mark[] {
  const [first] = edit.spans;
  if (!first) return [];
  const tag = edit.rule.slice(edit.stage.length + 1);
  switch (categoryOf(edit)) {
    case 'furniture':
    case 'duplicate':
    case 'echo':
      return around(edit, 'drop', `[-${tag}: `, ' -]', colour);
    case 'wrap':
      return atEach(edit, 'join', '⏎', colour);
    case 'join':
      return atEach(edit, 'join', '⟪join⟫', colour);
    case 'lacuna':
      return atEach(edit, 'lacuna', '〔…〕', colour);
    case 'restoration':
      return atEach(edit, 'lacuna', `〔+${edit.suggestion ?? '?'}〕`, colour);
    case 'variant':
      return edit.spans.flatMap((s) => [
        { at: s.start, order: ORDER.open, text: paint('variant', '{', colour) },
        { at: s.end, order: ORDER.close, text: paint('variant', `}?${edit.likely ?? ''}`, colour) },
      ]);
    case 'role':
      return [
        { at: first.start, order: ORDER.label, text: paint('label', `‹${edit.role}›`, colour) },
      ];
    case 'boundary':
      return [
        {
          at: first.start,
          order: ORDER.cut,
          text: paint('label', `§${edit.refs?.[0] ?? ''} `, colour),
        },
      ];
    case 'cut': {
      const at = typeof edit.facts?.at === 'number' ? edit.facts.at : first.end;
      return [{ at, order: ORDER.cut, text: paint('join', '¦', colour) }];
    }
    case 'residue':
      return around(edit, 'lacuna', `[?${edit.refs?.[0] ?? 'residue'}: `, ' ?]', colour);
    default:
      return [];
  }
}

const LEGEND =
  '[-rule: text -] dropped · ⟪join⟫ paragraph joined · ⏎ hard wrap undone · ¦ dateline cut · ' +
  '〔…〕 text lost · 〔+x〕 restoration · {x}?y variant · §a1 article starts · ‹role› label · ' +
  '[?r1: text ?] residue';

/** The edits to mark, one label per labelled span: a later stage's label replaces an earlier one. */
function lastLabels(edits: readonly Edit[]): Edit[] {
  const last = new Map<number, Edit>();
  for (const e of edits) if (e.action === 'label' && e.spans[0]) last.set(e.spans[0].start, e);
  return edits.filter((e) => e.action !== 'label' || last.get(e.spans[0]?.start) === e);
}

function listLine(e: Edit): string {
  const role = e.role ? `${e.role} — ` : '';
  const why = evidenceOf(e);
  const evidence = why ? ` — ${why}` : '';
  return `${e.id}  ${e.rule}  ${role}${e.reason}${evidence} (${e.confidence})`;
}

/**
 * The source text with every ledger entry shown where it happened: dropped text struck through
 * and named by its rule, joins, hard wraps, dateline cuts, lacunae and restorations, variants,
 * where each article starts and the role of each labelled piece. A legend and the ledger with
 * evidence follow.
 */
export function renderExplain(edition: Edition, options: { colour: boolean }): string {
  const source = rebuild(edition);
  const marks = lastLabels(edition.edits)
    .flatMap((e) => marksFor(e, options.colour))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  let out = '';
  let cursor = 0;
  for (const mark of marks) {
    out += source.slice(cursor, mark.at) + mark.text;
    cursor = mark.at;
  }
  out += source.slice(cursor);
  const list = edition.edits.map(listLine);
  return `${out}\n\n${paint('label', `— ${LEGEND}`, options.colour)}\n${list.join('\n')}\n`;
}
