import type { CommandEntry } from '../command.js';

/** Every subcommand, in the order `newsmend --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'mend',
    summary: 'rebuild the articles of a page dump (Markdown, JSON, JSONL or HTML)',
    load: async () => (await import('./mend.js')).mendCommand,
  },
  {
    name: 'eval',
    summary: 'score the engine: date splits × rate profiles × seeds, floors gate, robustness sweep',
    load: async () => (await import('./eval.js')).evalCommand,
  },
  {
    name: 'synth',
    summary: 'make synthetic damaged page dumps with gold from clean articles',
    load: async () => (await import('./synth.js')).synthCommand,
  },
  {
    name: 'run',
    summary: 'mend a whole corpus into JSONL shards on every core (resumable)',
    load: async () => (await import('./run.js')).runCommand,
  },
  {
    name: 'worker',
    summary: 'mend and store inputs from a Redis queue (run --queue), on any number of machines',
    load: async () => (await import('./worker.js')).workerCommand,
  },
  {
    name: 'ingest',
    summary: 'mend page dumps and store them in a searchable archive',
    load: async () => (await import('./ingest.js')).ingestCommand,
  },
  {
    name: 'search',
    summary: 'search an archive (Chinese substrings, AND/OR/NOT, filters)',
    load: async () => (await import('./search.js')).searchCommand,
  },
  {
    name: 'serve',
    summary: 'web reader and JSON API for an archive (search, articles, source view, upload)',
    load: async () => (await import('./serve.js')).serveCommand,
  },
];
