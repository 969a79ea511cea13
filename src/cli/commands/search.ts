import { ArchiveError, openArchiveAt, type Archive } from '../../archive/backend.js';
import { QueryError } from '../../search/query.js';
import {
  MAX_SCANNED,
  RANK_WINDOW,
  type SearchResult,
  type SearchSort,
} from '../../search/search.js';
import type { Segment } from '../../search/snippet.js';
import { EXIT_OK, InputError, UsageError, type Command } from '../command.js';
import { parseCommandArgs } from '../args.js';

const HELP = `newsmend search — find articles in an archive

Usage: newsmend search <query> --db <archive.db|postgres://…> [options]

Any run of Chinese characters (1 or more) matches exactly that substring; Latin words and
numbers match whole. Terms side by side must all occur (AND); also OR, NOT, a leading -,
"quoted phrases" and (parentheses).

Options:
  --db <file|url>      the archive (required): a file, or a postgres:// URL
  --from <YYYY-MM-DD>  articles dated on or after
  --to <YYYY-MM-DD>    articles dated on or before
  --agency <name>      e.g. 新华社
  --place <name>       e.g. 莫斯科
  --person <name>      a person named in the article
  --limit <n>          results to show (default 20, at most 100)
  --offset <n>         skip the first n results
  --sort <order>       relevance (default: the newest ${RANK_WINDOW} matches ranked by
                       relevance) or date (newest first; pages reach the newest ${MAX_SCANNED})
  --json               print the result as JSON
  -h, --help           this help

Exit codes: 0 ok (also when nothing matched), 1 bad archive, 2 misuse or malformed query.

Examples:
  newsmend search 梁滩河 --db archive.db
  newsmend search '联合声明 NOT 俄罗斯' --db archive.db --agency 新华社 --from 2025-05-01
`;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      agency: { type: 'string' },
      place: { type: 'string' },
      person: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      sort: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
}

function plain(segments: Segment[], colour: boolean): string {
  return segments
    .map((s) => (s.hit ? (colour ? `\x1b[1;33m${s.text}\x1b[0m` : `[${s.text}]`) : s.text))
    .join('');
}

function format(result: SearchResult, colour: boolean): string {
  const lines = result.hits.map((h, i) => {
    const meta = [h.date, h.agency, h.place, h.source].filter(Boolean).join(' · ');
    return `${result.offset + i + 1}. ${plain(h.headline, colour)}  (article ${h.articleId}; ${meta})\n   ${plain(h.snippet, colour)}`;
  });
  let count = `${result.complete ? '' : 'at least '}${result.total} result(s)`;
  if (result.rankedNewest)
    count += `; the newest ${result.rankedNewest} ranked by relevance (--sort date pages on by date)`;
  return `${[...lines, count].join('\n')}\n`;
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} wants a number, got '${value}'`);
  return Number(value);
}

export const searchCommand: Command = {
  name: 'search',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv);
    if (!values.db) throw new UsageError('--db <file|url> is required');
    if (positionals.length === 0) throw new UsageError('give a query');
    let archive: Archive;
    try {
      archive = await openArchiveAt(values.db, 'read');
    } catch (error) {
      if (error instanceof ArchiveError) throw new InputError(error.message);
      throw error;
    }
    try {
      const result = await archive.search({
        q: positionals.join(' '),
        from: values.from,
        to: values.to,
        agency: values.agency,
        place: values.place,
        person: values.person,
        limit: integer('limit', values.limit),
        offset: integer('offset', values.offset),
        sort: values.sort as SearchSort | undefined,
      });
      const colour = process.stdout.isTTY && !process.env.NO_COLOR;
      process.stdout.write(
        values.json ? `${JSON.stringify(result, null, 2)}\n` : format(result, colour),
      );
      return EXIT_OK;
    } catch (error) {
      if (error instanceof QueryError) throw new UsageError(`malformed query: ${error.message}`);
      throw error;
    } finally {
      await archive.close();
    }
  },
};
