import type { QueryNode } from './query.js';

/** An index query, and whether its matches are exactly the query's (no text check needed). */
export interface Compiled {
  expression?: string;
  exact: boolean;
}

/**
 * How an index writes a query: FTS5 expressions for SQLite (`fts.ts`), tsquery for PostgreSQL
 * (`src/archive/pg/terms.ts`). The rules for AND, OR and NOT are the same for both.
 */
export interface QueryDialect {
  term(text: string): Compiled;
  and(parts: string[]): string;
  or(parts: string[]): string;
  /** `required` without any of `negated`. */
  andNot(required: string, negated: string[]): string;
}

/**
 * AND of items: the positive ones are required; negated ones join the expression as NOT only
 * when exact (an inexact NOT could hide a true match), otherwise the text check applies them.
 */
function and(items: QueryNode[], dialect: QueryDialect): Compiled {
  const positive = items.filter((n) => n.type !== 'not').map((n) => compileNode(n, dialect));
  const negative = items.flatMap((n) => (n.type === 'not' ? [compileNode(n.item, dialect)] : []));
  const required = positive.flatMap((c) => (c.expression ? [c.expression] : []));
  if (required.length === 0) return { exact: false };
  let expression = dialect.and(required);
  const excludable = negative.every((c) => c.exact && c.expression);
  if (negative.length > 0 && excludable)
    expression = dialect.andNot(
      expression,
      negative.map((c) => c.expression!),
    );
  return { expression, exact: positive.every((c) => c.exact) && excludable };
}

/** A parsed query in an index's own syntax; no expression when nothing positive is left. */
export function compileNode(node: QueryNode, dialect: QueryDialect): Compiled {
  switch (node.type) {
    case 'term':
      return dialect.term(node.text);
    case 'and':
      return and(node.items, dialect);
    case 'or': {
      const parts = node.items.map((n) => compileNode(n, dialect));
      if (parts.some((p) => !p.expression)) return { exact: false };
      return {
        expression: dialect.or(parts.map((p) => p.expression!)),
        exact: parts.every((p) => p.exact),
      };
    }
    default:
      return { exact: false };
  }
}
