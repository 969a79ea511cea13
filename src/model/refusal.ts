import type { Edition } from './types.js';

/** Messages that say the input is not a page dump at all: nothing to read, nothing to store. */
const REFUSALS = new Set(['binary-input', 'empty-input']);

/** Why an edition's input is refused as a page (binary data, no text), or undefined. */
export function refusalOf(edition: Edition): string | undefined {
  return edition.messages.find((m) => REFUSALS.has(m.code))?.text;
}
