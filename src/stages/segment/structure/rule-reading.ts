import type { Article, BodyKind, Span } from '../../../model/types.js';
import type { Unit } from '../units.js';
import type { UnitRole } from './labels.js';

/** How the hand rules of the assembler read one unit: a feature of the model, not a decision. */
export interface RuleReading {
  role: UnitRole | 'residue';
  opens: boolean;
}

const BODY_ROLE: Record<BodyKind, UnitRole> = {
  paragraph: 'paragraph',
  subhead: 'subhead',
  byline: 'byline',
  caption: 'caption',
  note: 'note',
};

/** Each piece of an article with the role the rules gave it. */
function* piecesWithRoles(article: Article): Generator<[Span[], UnitRole]> {
  const f = article.fields;
  if (f.kicker) yield [f.kicker.spans, 'kicker'];
  if (f.headline) yield [f.headline.spans, 'headline'];
  if (f.subheadline) yield [f.subheadline.spans, 'subheadline'];
  if (article.dateline && !article.dateline.fromSourceTag)
    yield [article.dateline.spans, 'dateline'];
  if (f.byline) yield [f.byline.spans, 'byline'];
  for (const item of article.body) yield [item.spans, BODY_ROLE[item.kind]];
  if (f.sourceTag) yield [f.sourceTag.spans, 'sourceTag'];
  for (const r of f.related) yield [r.spans, 'related'];
}

/**
 * The rules' reading of every unit, from the articles the rule assembler built: the role of the
 * piece that holds the unit's first character, and whether the unit is the first of its article.
 */
export function ruleReadings(units: readonly Unit[], articles: readonly Article[]): RuleReading[] {
  const unitAt = new Map<number, number>();
  units.forEach((u, i) => unitAt.set(u.block.spans[0]?.start ?? -1, i));
  const role: (UnitRole | undefined)[] = new Array(units.length);
  const owner: number[] = new Array(units.length).fill(-1);
  articles.forEach((article, a) => {
    for (const [spans, r] of piecesWithRoles(article)) {
      spans.forEach((span, k) => {
        const i = unitAt.get(span.start);
        if (i === undefined) return;
        // A roundup item is one body paragraph made of its dateline and the text after it.
        role[i] =
          units[i].shape === 'dateline' && r === 'paragraph' && k === 0 ? 'itemDateline' : r;
        owner[i] = a;
      });
    }
  });
  let latest = -1;
  return units.map((_, i) => {
    const opens = owner[i] > latest;
    if (opens) latest = owner[i];
    return { role: role[i] ?? 'residue', opens };
  });
}
