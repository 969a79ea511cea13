import { RUN_BREAK, indexTerms } from '../../search/terms.js';
import { runs } from '../../search/normalize.js';
import { QueryError, type QueryNode } from '../../search/query.js';
import { compileNode, type Compiled, type QueryDialect } from '../../search/compile.js';

/**
 * The PostgreSQL index of an article: the same tokens as the SQLite index (`indexTerms`), in one
 * `tsvector` written as its literal. A token of the headline part has position 1 with weight
 * A, one of the body position 2 (weight D): relevance weighs where a term stands, and a token
 * in both has both. No other positions are kept: phrases are found as pairs and checked on the
 * text (`compileTsQuery` says when a check is needed), so long articles, which pass the
 * positions a tsvector can hold, are searched like short ones.
 */
export function articleTerms(head: string, body: string): string {
  const where = new Map<string, string>();
  const add = (text: string, position: string) => {
    const t = indexTerms(text);
    // The run break is only there to part the pairs of two runs in FTS5's phrase search: no
    // phrases here. A word that reads the same (the number 0) is kept.
    const pairs = t.bi.split(' ').filter((pair) => pair !== RUN_BREAK);
    for (const token of [...t.uni.split(' '), ...pairs, ...t.word.split(' ')]) {
      if (!token) continue;
      const before = where.get(token);
      if (before === undefined) where.set(token, position);
      else if (!before.includes(position)) where.set(token, `${before},${position}`);
    }
  };
  add(head, '1A');
  add(body, '2');
  return [...where].map(([token, at]) => `${lexeme(token)}:${at}`).join(' ');
}

/** A lexeme in tsvector and tsquery syntax: quoted, quotes and backslashes escaped. */
function lexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * One term: every token of it must be present. A word, a single character or a pair is one
 * token and exact; a longer run of characters is the AND of its pairs, which a text check
 * confirms (the pairs may stand apart).
 */
function term(text: string): Compiled {
  const all = runs(text);
  const tokens = all.flatMap((run) => {
    if (run.kind === 'word') return [run.chars.join('')];
    if (run.chars.length === 1) return run.chars;
    return run.chars.slice(1).map((ch, i) => run.chars[i] + ch);
  });
  const single = all.length === 1 && all[0].chars.join('') === text;
  const oneToken = single && (all[0].kind === 'word' || all[0].chars.length <= 2);
  const unique = [...new Set(tokens)].map(lexeme);
  return {
    expression: unique.length === 1 ? unique[0] : `(${unique.join(' & ')})`,
    exact: oneToken,
  };
}

const TSQUERY: QueryDialect = {
  term,
  and: (parts) => `(${parts.join(' & ')})`,
  or: (parts) => `(${parts.join(' | ')})`,
  andNot: (required, negated) => `(${required} & !(${negated.join(' | ')}))`,
};

/**
 * A parsed query as a `tsquery` literal that finds a superset of its matches (built from our
 * own tokens only), and whether it finds exactly them. The same contract as `compileQuery`
 * for FTS5 (`src/search/fts.ts`).
 */
export function compileTsQuery(node: QueryNode): { query: string; exact: boolean } {
  const { expression, exact } = compileNode(node, TSQUERY);
  if (expression === undefined)
    throw new QueryError('the query needs at least one term that is not negated');
  return { query: expression, exact };
}

/**
 * The query as an SQL condition on `a.search_text` (the article's folded text): the exact check
 * of the candidates an inexact tsquery finds, run inside the same statement. Values are bound
 * as parameters from `$first` on; user text never enters the SQL.
 */
export function textCondition(node: QueryNode, first: number): { sql: string; values: string[] } {
  const values: string[] = [];
  const walk = (n: QueryNode): string => {
    switch (n.type) {
      case 'term':
        values.push(n.text);
        return `strpos(a.search_text, $${first + values.length - 1}) > 0`;
      case 'and':
        return `(${n.items.map(walk).join(' AND ')})`;
      case 'or':
        return `(${n.items.map(walk).join(' OR ')})`;
      default:
        return `NOT ${walk(n.item)}`;
    }
  };
  return { sql: walk(node), values };
}
