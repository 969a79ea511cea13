import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

/** `parseArgs` with the CLI's convention: a wrong flag is a UsageError (exit 2), not a crash. */
export function parseCommandArgs<T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** An edition date flag must be YYYY-MM-DD. */
export function checkDate(value: string | undefined, flag = '--date'): void {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new UsageError(`${flag} wants YYYY-MM-DD, got '${value}'`);
  }
}
