/**
 * What the page-structure model says of each unit (a live block in reading order): the part it
 * plays in its article, and whether it is the first unit of a new article.
 */
export type UnitRole =
  | 'kicker'
  | 'headline'
  | 'subheadline'
  | 'dateline'
  /** A dateline inside a running story: it opens one item of a roundup and joins its paragraph. */
  | 'itemDateline'
  | 'byline'
  | 'paragraph'
  | 'subhead'
  | 'caption'
  | 'note'
  | 'sourceTag'
  | 'related';

export const UNIT_ROLES: readonly UnitRole[] = [
  'kicker',
  'headline',
  'subheadline',
  'dateline',
  'itemDateline',
  'byline',
  'paragraph',
  'subhead',
  'caption',
  'note',
  'sourceTag',
  'related',
];

/** A label is a role, with a `+` when the unit opens a new article (`headline+`). */
export type Label = `${UnitRole}` | `${UnitRole}+`;

export const START_LABEL = '^';

export function labelOf(role: UnitRole, opens: boolean): Label {
  return opens ? `${role}+` : role;
}

export function roleOf(label: string): UnitRole {
  return label.replace(/\+$/, '') as UnitRole;
}

export function opensArticle(label: string): boolean {
  return label.endsWith('+');
}
