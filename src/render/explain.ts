import { rebuild } from '../model/rebuild.js';
import type { Edit, Edition } from '../model/types.js';

/** ANSI styles for the terminal view; plain brackets carry the same information without colour. */
const STYLE = {
  drop: ['\x1b[31;9m', '\x1b[0m'],
  join: ['\x1b[32m', '\x1b[0m'],
  lacuna: ['\x1b[33;1m', '\x1b[0m'],
  variant: ['\x1b[35;4m', '\x1b[0m'],
  label: ['\x1b[36m', '\x1b[0m'],
} as const;

type Kind = keyof typeof STYLE;

interface Mark {
  at: number;
  /** Opening marks sort before closing marks at the same offset. */
  order: number;
  text: string;
}

function paint(kind: Kind, text: string, colour: boolean): string {
  return colour ? `${STYLE[kind][0]}${text}${STYLE[kind][1]}` : text;
}

function marksFor(edit: Edit, colour: boolean): Mark[] {
  const [first] = edit.spans;
  if (!first) return [];
  const last = edit.spans[edit.spans.length - 1];
  const tag = edit.rule.replace(/^[a-z]+\./, '');
  switch (edit.action) {
    case 'drop':
      return [
        { at: first.start, order: 1, text: paint('drop', `[-${tag}: `, colour) },
        { at: last.end, order: 0, text: paint('drop', ` -]`, colour) },
      ];
    case 'join':
      return [{ at: first.start, order: 2, text: paint('join', '⟪join⟫', colour) }];
    case 'suggest':
    case 'flag': {
      const kind: Kind = edit.rule.startsWith('variants') ? 'variant' : 'lacuna';
      const note =
        edit.rule === 'rejoin.restoration'
          ? `〔+${/“(.+?)”/u.exec(edit.reason)?.[1] ?? '?'}〕`
          : kind === 'variant'
            ? ''
            : '〔…〕';
      if (kind === 'variant') {
        return edit.spans.flatMap((s) => [
          { at: s.start, order: 1, text: paint('variant', '{', colour) },
          {
            at: s.end,
            order: 0,
            text: paint('variant', `}?${/“(.+?)”/u.exec(edit.reason)?.[1] ?? ''}`, colour),
          },
        ]);
      }
      return [{ at: first.start, order: 2, text: paint('lacuna', note, colour) }];
    }
    default:
      return [];
  }
}

/**
 * The source text with every edit shown where it happened: dropped text struck through and
 * named by its rule, joins, lacunae and restorations, variants. A legend and the edit list
 * with evidence follow.
 */
export function renderExplain(edition: Edition, options: { colour: boolean }): string {
  const source = rebuild(edition);
  const marks = edition.edits
    .flatMap((e) => marksFor(e, options.colour))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  let out = '';
  let cursor = 0;
  for (const mark of marks) {
    out += source.slice(cursor, mark.at) + mark.text;
    cursor = mark.at;
  }
  out += source.slice(cursor);
  const legend =
    '[-rule: text -] dropped · ⟪join⟫ paragraph joined · 〔…〕 text lost · 〔+x〕 restoration · {x}?y variant';
  const list = edition.edits
    .filter((e) => e.action !== 'label')
    .map(
      (e) =>
        `${e.id}  ${e.rule}  ${e.reason}${e.evidence ? ` — ${e.evidence}` : ''} (${e.confidence})`,
    );
  return `${out}\n\n${paint('label', `— ${legend}`, options.colour)}\n${list.join('\n')}\n`;
}
