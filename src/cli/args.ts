import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';
import { isCalendarDate } from '../text/calendar.js';

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

/** An edition date flag must be a calendar date written YYYY-MM-DD. */
export function checkDate(value: string | undefined, flag = '--date'): void {
  if (value !== undefined && !isCalendarDate(value)) {
    throw new UsageError(`${flag} wants a calendar date YYYY-MM-DD, got '${value}'`);
  }
}
