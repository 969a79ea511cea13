import { runs } from './normalize.js';
import { QueryError, type QueryNode } from './query.js';
import { compileNode, type Compiled, type QueryDialect } from './compile.js';

/** FTS5 columns: headline-part and body-part text, each as unigrams, bigrams and words. */
export const FTS_COLUMNS = ['h_uni', 'h_bi', 'h_word', 'b_uni', 'b_bi', 'b_word'] as const;
/** bm25 weights in FTS_COLUMNS order: a hit in a headline counts for more than one in a body. */
export const FTS_WEIGHTS = [4, 4, 4, 1, 1, 1] as const;

/** A string literal in FTS5 syntax; tokens never hold quotes, but escape anyway. */
function quote(tokens: string[]): string {
  return `"${tokens.join(' ').replaceAll('"', '""')}"`;
}

/**
 * One term: each of its runs must be in the index. A term of one run is exact: a word is a
 * token, and a run of gram characters is a phrase of its pairs, which the index breaks between
 * runs (`RUN_BREAK`), so the phrase matches only that substring.
 */
function term(text: string): Compiled {
  const all = runs(text);
  const parts = all.map((run) => {
    if (run.kind === 'word') return `{h_word b_word} : ${quote([run.chars.join('')])}`;
    if (run.chars.length === 1) return `{h_uni b_uni} : ${quote(run.chars)}`;
    const pairs = run.chars.slice(1).map((ch, i) => run.chars[i] + ch);
    return `{h_bi b_bi} : ${quote(pairs)}`;
  });
  const exact = all.length === 1 && all[0].chars.join('') === text;
  return { expression: parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`, exact };
}

const FTS5: QueryDialect = {
  term,
  and: (parts) => `(${parts.join(' AND ')})`,
  or: (parts) => `(${parts.join(' OR ')})`,
  andNot: (required, negated) => `(${required} NOT (${negated.join(' OR ')}))`,
};

/**
 * Compile a parsed query into a safe FTS5 MATCH expression that finds a superset of the true
 * matches, and say whether it finds exactly them. Built only from our own tokens: user text
 * never reaches FTS syntax.
 */
export function compileQuery(node: QueryNode): { expression: string; exact: boolean } {
  const { expression, exact } = compileNode(node, FTS5);
  if (expression === undefined)
    throw new QueryError('the query needs at least one term that is not negated');
  return { expression, exact };
}
