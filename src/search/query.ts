import { runs, searchFold } from './normalize.js';

/** Longest query we parse; longer input is surely not typed by a person and costs work. */
export const MAX_QUERY_CHARS = 256;
/** Most terms in one query, to bound the FTS expression and the verification work. */
export const MAX_TERMS = 32;
/** Deepest nesting of parentheses. */
export const MAX_DEPTH = 8;

/** A query the user must fix; `message` says what is wrong (shown as HTTP 400). */
export class QueryError extends Error {}

export type QueryNode =
  | { type: 'term'; text: string; raw: string }
  | { type: 'and'; items: QueryNode[] }
  | { type: 'or'; items: QueryNode[] }
  | { type: 'not'; item: QueryNode };

type Token =
  | { kind: 'open' | 'close' | 'and' | 'or' | 'not'; at: number }
  | { kind: 'term'; text: string; at: number };

const OPERATORS: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', OR: 'or', NOT: 'not' };
const WORD_END = /[\s"()]/u;

function readPhrase(input: string, start: number): { text: string; next: number } {
  const close = input.indexOf('"', start + 1);
  if (close < 0) throw new QueryError(`unbalanced quote at position ${start + 1}`);
  return { text: input.slice(start + 1, close), next: close + 1 };
}

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (/\s/u.test(ch)) i++;
    else if (ch === '(' || ch === ')')
      tokens.push({ kind: ch === '(' ? 'open' : 'close', at: i++ });
    else if (ch === '"') {
      const { text, next } = readPhrase(input, i);
      tokens.push({ kind: 'term', text, at: i });
      i = next;
    } else if (ch === '-' && i + 1 < input.length && !WORD_END.test(input[i + 1])) {
      tokens.push({ kind: 'not', at: i++ });
    } else {
      let j = i;
      while (j < input.length && !WORD_END.test(input[j])) j++;
      const word = input.slice(i, j);
      const op = OPERATORS[word];
      tokens.push(op ? { kind: op, at: i } : { kind: 'term', text: word, at: i });
      i = j;
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  private depth = 0;
  terms = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode {
    if (this.tokens.length === 0) throw new QueryError('the query is empty');
    const node = this.or();
    const extra = this.tokens[this.pos];
    if (extra) throw new QueryError(`unexpected ')' at position ${extra.at + 1}`);
    return node;
  }

  private or(): QueryNode {
    const items = [this.and()];
    while (this.peek()?.kind === 'or') {
      this.pos++;
      items.push(this.and());
    }
    return items.length === 1 ? items[0] : { type: 'or', items };
  }

  private and(): QueryNode {
    const items = [this.unary()];
    for (;;) {
      const next = this.peek();
      if (!next || next.kind === 'or' || next.kind === 'close') break;
      if (next.kind === 'and') this.pos++;
      items.push(this.unary());
    }
    return items.length === 1 ? items[0] : { type: 'and', items };
  }

  private unary(): QueryNode {
    const token = this.next('a term');
    if (token.kind === 'not') return { type: 'not', item: this.unary() };
    if (token.kind === 'open') return this.group(token.at);
    if (token.kind === 'term') return this.term(token.text, token.at);
    const name = token.kind === 'close' ? "')'" : token.kind.toUpperCase();
    throw new QueryError(`expected a term but found ${name} at position ${token.at + 1}`);
  }

  private group(at: number): QueryNode {
    if (++this.depth > MAX_DEPTH) throw new QueryError(`parentheses nest deeper than ${MAX_DEPTH}`);
    const node = this.or();
    const close = this.peek();
    if (close?.kind !== 'close') throw new QueryError(`unbalanced '(' at position ${at + 1}`);
    this.pos++;
    this.depth--;
    return node;
  }

  private term(raw: string, at: number): QueryNode {
    if (++this.terms > MAX_TERMS) throw new QueryError(`more than ${MAX_TERMS} terms`);
    const text = searchFold(raw);
    if (runs(text).length === 0)
      throw new QueryError(
        `'${raw}' at position ${at + 1} has no letters, digits or characters to search for`,
      );
    return { type: 'term', text, raw };
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(expected: string): Token {
    const token = this.tokens[this.pos++];
    if (!token) throw new QueryError(`the query ends where ${expected} was expected`);
    return token;
  }
}

/**
 * Parse a user's query: terms (a word, or a "quoted phrase") are exact substrings; terms side by
 * side or joined by AND must all occur; OR, NOT (or a leading -) and parentheses combine them.
 * Throws QueryError for anything malformed.
 */
export function parseQuery(input: string): QueryNode {
  if (input.length > MAX_QUERY_CHARS)
    throw new QueryError(
      `the query is ${input.length} characters; the limit is ${MAX_QUERY_CHARS}`,
    );
  return new Parser(lex(input)).parse();
}

/** True when the (folded) text satisfies the query: the exact check behind every result. */
export function matches(node: QueryNode, folded: string): boolean {
  switch (node.type) {
    case 'term':
      return folded.includes(node.text);
    case 'and':
      return node.items.every((n) => matches(n, folded));
    case 'or':
      return node.items.some((n) => matches(n, folded));
    default:
      return !matches(node.item, folded);
  }
}

/** The terms a match must show (not under NOT), for highlighting. */
export function positiveTerms(node: QueryNode): string[] {
  switch (node.type) {
    case 'term':
      return [node.text];
    case 'and':
    case 'or':
      return node.items.flatMap(positiveTerms);
    default:
      return [];
  }
}
