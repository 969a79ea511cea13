import { availableParallelism } from 'node:os';
import { DEDUP_MODES, DUPLICATE_JACCARD, type DedupMode } from '../../run/dedup/cross.js';
import { FURNITURE_MODES, MIN_PAGES, MIN_SHARE, type FurnitureMode } from '../../run/furniture.js';
import { RUN_DEFAULTS } from '../../run/defaults.js';
import type { RunProgress } from '../../run/run.js';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type Command } from '../command.js';
import { checkDate, parseCommandArgs } from '../args.js';

const HELP = `newsmend run — mend a whole corpus into JSONL shards, on every core

Usage: newsmend run <files|dirs|patterns|-> --out <dir> [options]

Reads every input in a fixed order — files, folders (walked, sorted), patterns such as
'dumps/**/*.txt' (quoted, so the shell leaves them), .gz files, and JSONL files (.jsonl,
.ndjson, gzipped or not) holding one page dump per line — mends each on a pool of worker
threads, and writes to --out:

  articles-00000.jsonl.gz   one article per line: {id, text, metadata}, the shape datatrove,
                            Data-Juicer and Dolma read (docs/format.md, "Corpus records")
  drops-00000.jsonl.gz      every dropped piece: document, stage, rule, reason, text; and
                            every document not mended, with why
  editions-00000.jsonl.gz   with --editions: each document's whole Edition (source rebuildable)
  manifest.jsonl            the finished shards, their documents and sha256
  stats.json                per stage: edits, characters in and out, drops by rule
  run.json                  the inputs and options of the run

Resumable: a run stopped at any point (Ctrl-C, kill -9, a crash) is finished by giving the
same command again; documents already written are checked by sha256 and skipped, and the
output is byte for byte what an uninterrupted run writes. A document whose bytes repeat an
earlier input's is not mended twice (a drop 'repeated-input' names the first); an article
that copies an earlier one (the same wire story in two papers, a page dumped twice with other
damage) is marked or dropped as --dedup says, naming the first of its cluster.

Options:
  --out <dir>            output folder (required; new, empty, or the same run's to resume)
  --workers <n>          worker threads (default: every core, here ${availableParallelism()})
  --shard-docs <n>       documents per shard (default ${RUN_DEFAULTS.shardDocuments})
  --text-field <name>    the field of a JSONL record holding the dump (default text); the
                         record's other fields are carried into metadata.input
  --window-kb <n>        a dump file bigger than this is mended window by window, cut between
                         lines (a page break or blank line first), in bounded memory (default
                         ${RUN_DEFAULTS.windowBytes / 1024}; records name their window: metadata.window)
  --dedup <mode>         copies of a story seen earlier in the run (estimated Jaccard of
                         5-character shingles ≥ ${DUPLICATE_JACCARD}, by MinHash): mark (default: kept, with
                         metadata.duplicate {of, jaccard}), drop (to the drops file), off
  --against <archive>    articles of an existing archive (a file or a postgres:// URL) count
                         as printed before the run: a story it holds is a copy (named by
                         its record id) when met again
  --furniture <mode>     learn (default): first count on how many pages of each source
                         (a JSONL record's "source" field, else the file's folder) each short
                         line stands, and drop lines on ≥ ${MIN_PAGES} pages and ≥ ${MIN_SHARE * 100}% of them as that
                         source's furniture (rule boilerplate.learned); lexicon: only the
                         built-in furniture lexicon
  --editions             also write every whole Edition
  --uncompressed         write .jsonl instead of .jsonl.gz
  --date <YYYY-MM-DD>    edition date, used to complete datelines without a year
  --queue <redis-url>    instead of mending here, put the inputs (files; .gz too) on a Redis
                         queue for \`newsmend worker\`s, which store them in their archive, and
                         follow them until each is stored or dead; --out is not used
  --send-content         with --queue: send each input's bytes, for workers on machines that
                         cannot read its path
  -v, --verbose          name every document not mended on standard error
  -h, --help             this help

Prints a progress bar (documents, MB/s, time left) on a terminal, and a summary line.
Exit codes: 0 every document mended, 1 some could not be read or mended (each in the drops
files and stats.json), 2 misuse.

Examples:
  newsmend run dumps/ --out corpus/
  newsmend run 'archive/**/*.txt.gz' --out corpus/ --workers 4
  newsmend run pages.jsonl.gz --text-field content --out corpus/
  newsmend run dumps/ --queue redis://127.0.0.1:6379      # with workers: newsmend worker --help
`;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      workers: { type: 'string' },
      'shard-docs': { type: 'string' },
      'text-field': { type: 'string', default: RUN_DEFAULTS.textField },
      'window-kb': { type: 'string' },
      editions: { type: 'boolean', default: false },
      dedup: { type: 'string', default: RUN_DEFAULTS.dedup },
      furniture: { type: 'string', default: RUN_DEFAULTS.furniture },
      against: { type: 'string' },
      uncompressed: { type: 'boolean', default: false },
      date: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      queue: { type: 'string' },
      'send-content': { type: 'boolean', default: false },
    },
  });
}

function positiveInteger(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} wants a whole number ≥ 1, got '${value}'`);
  return n;
}

/** Width of the progress bar, in cells. */
const BAR_WIDTH = 30;

function showProgress(p: RunProgress, started: number): void {
  const share = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 0;
  const filled = Math.round(share * BAR_WIDTH);
  const seconds = (Date.now() - started) / 1000;
  const rate = seconds > 0 ? p.bytesDone / 1e6 / seconds : 0;
  const left =
    share > 0 && share < 1 ? ` · ${formatSeconds((seconds / share) * (1 - share))} left` : '';
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  process.stderr.write(
    `\r\x1b[2K${bar} ${p.documents} documents · ${p.articles} articles · ${rate.toFixed(2)} MB/s${left}`,
  );
}

function formatSeconds(s: number): string {
  if (s < 90) return `${Math.ceil(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export const runCommand: Command = {
  name: 'run',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv);
    if (positionals.length === 0)
      throw new UsageError('give files, folders, patterns or - for standard input');
    checkDate(values.date);
    if (values.queue) {
      if (values.out)
        throw new UsageError('with --queue the workers store into their --db; --out is not used');
      const { runThroughQueue } = await import('./run-queue.js');
      return runThroughQueue({
        queueUrl: values.queue,
        inputs: positionals,
        sendContent: values['send-content'],
        ...(values.date ? { editionDate: values.date } : {}),
      });
    }
    if (values['send-content']) throw new UsageError('--send-content goes with --queue');
    if (!values.out) throw new UsageError('--out <dir> is required');
    const workers = positiveInteger(values.workers, '--workers', availableParallelism());
    const shardDocuments = positiveInteger(
      values['shard-docs'],
      '--shard-docs',
      RUN_DEFAULTS.shardDocuments,
    );
    const dedup = values.dedup as DedupMode;
    if (!DEDUP_MODES.includes(dedup))
      throw new UsageError(`--dedup wants one of ${DEDUP_MODES.join(', ')}, got '${values.dedup}'`);
    const furniture = values.furniture as FurnitureMode;
    if (!FURNITURE_MODES.includes(furniture))
      throw new UsageError(
        `--furniture wants one of ${FURNITURE_MODES.join(', ')}, got '${values.furniture}'`,
      );
    const tty = process.stderr.isTTY === true;
    const started = Date.now();
    // Loaded here, not with the CLI: the worker pool and the archive reader are for `run` only,
    // and every other command would pay for loading them.
    const { runCorpus } = await import('../../run/run.js');
    const summary = await runCorpus(
      {
        inputs: positionals,
        out: values.out,
        workers,
        shardDocuments,
        textField: values['text-field'],
        windowBytes:
          1024 *
          positiveInteger(values['window-kb'], '--window-kb', RUN_DEFAULTS.windowBytes / 1024),
        editions: values.editions,
        gzip: !values.uncompressed,
        dedup,
        furniture,
        ...(values.against ? { against: values.against } : {}),
        ...(values.date ? { editionDate: values.date } : {}),
      },
      {
        progress: tty ? (p) => showProgress(p, started) : undefined,
        learning: tty
          ? (n) =>
              n % 100 === 0 && process.stderr.write(`\r\x1b[2Kcounting furniture: ${n} documents`)
          : undefined,
        problem: values.verbose
          ? (key, problem) =>
              process.stderr.write(`${tty ? '\r\x1b[2K' : ''}newsmend run: ${key}: ${problem}\n`)
          : undefined,
      },
    );
    if (tty) process.stderr.write('\n');
    const failed = Object.values(summary.notMended).reduce((a, b) => a + b, 0);
    const why = Object.entries(summary.notMended)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    const resumed = summary.resumed > 0 ? ` (${summary.resumed} done by the earlier run)` : '';
    process.stdout.write(
      `run: ${summary.documents} document(s)${resumed}: ${summary.mended} mended into ${summary.articles} articles in ${summary.shards} shard(s)` +
        `${failed > 0 ? `, ${failed} not mended (${why})` : ''}; ${((Date.now() - started) / 1000).toFixed(1)} s → ${values.out}\n`,
    );
    const unreadableOrFailed = failed - (summary.notMended['repeated-input'] ?? 0);
    return unreadableOrFailed > 0 ? EXIT_BAD_INPUT : EXIT_OK;
  },
};
