import type { Edition } from '../model/types.js';

export function renderJson(edition: Edition): string {
  return `${JSON.stringify(edition, null, 2)}\n`;
}
