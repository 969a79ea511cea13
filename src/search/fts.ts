import { runs } from './normalize.js';
import { QueryError, type QueryNode } from './query.js';

/** FTS5 columns: headline-part and body-part text, each as unigrams, bigrams and words. */
export const FTS_COLUMNS = ['h_uni', 'h_bi', 'h_word', 'b_uni', 'b_bi', 'b_word'] as const;
/** bm25 weights in FTS_COLUMNS order: a hit in a headline counts for more than one in a body. */
export const FTS_WEIGHTS = [4, 4, 4, 1, 1, 1] as const;

/** A string literal in FTS5 syntax; tokens never hold quotes, but escape anyway. */
function quote(tokens: string[]): string {
  return `"${tokens.join(' ').replaceAll('"', '""')}"`;
}

/** FTS expression for one term: each of its runs must be in the index (a necessary condition). */
function termExpression(text: string): string {
  const parts = runs(text).map((run) => {
    if (run.kind === 'word') return `{h_word b_word} : ${quote([run.chars.join('')])}`;
    if (run.chars.length === 1) return `{h_uni b_uni} : ${quote(run.chars)}`;
    const pairs = run.chars.slice(1).map((ch, i) => run.chars[i] + ch);
    return `{h_bi b_bi} : ${quote(pairs)}`;
  });
  return parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
}

/** The positive skeleton of a query; undefined means "no constraint" (e.g. under NOT). */
function skeleton(node: QueryNode): string | undefined {
  switch (node.type) {
    case 'term':
      return termExpression(node.text);
    case 'and': {
      const parts = node.items.map(skeleton).filter((p): p is string => p !== undefined);
      return parts.length === 0 ? undefined : `(${parts.join(' AND ')})`;
    }
    case 'or': {
      const parts = node.items.map(skeleton);
      if (parts.some((p) => p === undefined)) return undefined;
      return `(${parts.join(' OR ')})`;
    }
    default:
      return undefined;
  }
}

/**
 * Compile a parsed query into a safe FTS5 MATCH expression that finds a superset of the true
 * matches (NOT is left to the exact check, so it can never hide a true match). Built only from
 * our own tokens: user text never reaches FTS syntax.
 */
export function toFtsExpression(node: QueryNode): string {
  const expression = skeleton(node);
  if (expression === undefined)
    throw new QueryError('the query needs at least one term that is not negated');
  return expression;
}
