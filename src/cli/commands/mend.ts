import { basename } from 'node:path';
import { mendInput } from '../../mend-input.js';
import type { Edition } from '../../model/types.js';
import { renderExplain } from '../../render/explain.js';
import { renderHtml } from '../../render/html.js';
import { renderJsonChunks } from '../../render/json.js';
import { renderJsonl } from '../../render/jsonl.js';
import { renderMarkdown } from '../../render/markdown.js';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type Command } from '../command.js';
import { checkDate, parseCommandArgs } from '../args.js';
import { refusalOf } from '../../model/refusal.js';
import { readInput, writeOutput } from '../io.js';

const FORMATS = ['md', 'json', 'jsonl', 'html'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `newsmend mend — rebuild the articles of one page dump

Usage: newsmend mend <file|-> [options]

Reads a raw text dump of a newspaper page (UTF-8, GB18030/GBK, Big5; detected) or an
e-paper PDF (read with its layout: columns, boxes, type sizes), finds its
articles, drops repeats and page furniture, joins paragraphs split at column breaks, marks
where text was lost, and labels kicker, headline, dateline, subheads and source tag.
Nothing is lost: every dropped character is kept in the ledger (see --format json).

Options:
  --format <md|json|jsonl|html>  output format (default: md)
                                   md     reading Markdown, one section per article
                                   json   the full Edition: articles, residue, ledger, messages
                                   jsonl  one article per line: {id, text, metadata}
                                   html   a standalone reader page
  -o, --output <file>            write to a file instead of standard output
  --encoding <name>              force the input encoding (utf-8, gb18030, gbk, big5, utf-16le…)
  --date <YYYY-MM-DD>            edition date, used to complete datelines without a year
  --restore                      insert suggested restorations, marked 〔like this〕
  --explain                      print the source with every edit shown inline (coloured on a TTY)
  -q, --quiet                    do not print messages on standard error
  -h, --help                     this help

Exit codes: 0 ok, 1 bad input (unreadable, binary, empty), 2 misuse. On bad input only
--format json writes output (the edition, with the refusal in its messages); the reading
formats write nothing, so a binary file is never printed as text.

Examples:
  newsmend mend examples/page.txt
  newsmend mend page.txt --format json -o page.json
  cat page.txt | newsmend mend - --explain | less -R
`;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'md' },
      output: { type: 'string', short: 'o' },
      encoding: { type: 'string' },
      date: { type: 'string' },
      restore: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  });
}

function render(edition: Edition, format: Format, restore: boolean): string | Iterable<string> {
  switch (format) {
    case 'json':
      return renderJsonChunks(edition);
    case 'jsonl':
      return renderJsonl(edition, { restore });
    case 'html':
      return renderHtml(edition, { restore });
    default:
      return renderMarkdown(edition, { restore });
  }
}

function reportMessages(edition: Edition): void {
  for (const m of edition.messages) {
    if (m.severity === 'info') continue;
    process.stderr.write(`newsmend: ${m.severity}: ${m.text} [${m.code}]\n`);
  }
}

export const mendCommand: Command = {
  name: 'mend',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv);
    if (positionals.length !== 1)
      throw new UsageError('give exactly one input file (or - for standard input)');
    const format = values.format as Format;
    if (!FORMATS.includes(format))
      throw new UsageError(`unknown format '${values.format}'; use one of ${FORMATS.join(', ')}`);
    checkDate(values.date);
    if (values.encoding) {
      try {
        new TextDecoder(values.encoding);
      } catch {
        throw new UsageError(`unknown encoding '${values.encoding}'`);
      }
    }
    const [path] = positionals;
    const bytes = readInput(path);
    const edition = await mendInput(bytes, {
      name: path === '-' ? 'stdin' : basename(path),
      encoding: values.encoding,
      editionDate: values.date,
    });
    if (!values.quiet) reportMessages(edition);
    const bad = refusalOf(edition);
    if (bad && (format !== 'json' || values.explain)) return EXIT_BAD_INPUT;
    const colour = process.stdout.isTTY && !values.output && !process.env.NO_COLOR;
    const output = values.explain
      ? renderExplain(edition, { colour })
      : render(edition, format, values.restore);
    writeOutput(output, values.output);
    return bad ? EXIT_BAD_INPUT : EXIT_OK;
  },
};
