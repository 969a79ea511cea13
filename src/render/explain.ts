import type { Edition } from '../model/types.js';

export function renderExplain(edition: Edition, _options: { colour: boolean }): string {
  return JSON.stringify(edition.edits, null, 2); // replaced by the inline view
}
