/** A subcommand of the `newsmend` CLI. `run` returns the exit code. */
export interface Command {
  name: string;
  /** The full `--help` text of the command. */
  help: string;
  run(argv: string[]): Promise<number>;
}

/**
 * A command as the command list knows it: its line in `newsmend --help`, and its module,
 * loaded only when the command runs (so `mend` does not load the web server, the archive,
 * the eval harness and their dependencies).
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Exit codes: 0 ok, 1 bad input (the data), 2 misuse (the call). */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/** Thrown for a wrong call (unknown flag, missing argument); main prints it with a usage hint. */
export class UsageError extends Error {}

/** Thrown for input that cannot be processed (unreadable file…); main prints it, exit 1. */
export class InputError extends Error {}
