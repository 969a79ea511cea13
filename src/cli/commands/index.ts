import type { Command } from '../command.js';
import { evalCommand } from './eval.js';
import { ingestCommand } from './ingest.js';
import { mendCommand } from './mend.js';
import { runCommand } from './run.js';
import { searchCommand } from './search.js';
import { serveCommand } from './serve.js';
import { synthCommand } from './synth.js';

/** Every subcommand, in the order `newsmend --help` lists them. */
export const COMMANDS: readonly Command[] = [
  mendCommand,
  evalCommand,
  synthCommand,
  runCommand,
  ingestCommand,
  searchCommand,
  serveCommand,
];
