import type { Edition } from '../model/types.js';
import type { TextOptions } from './text.js';
import { renderMarkdown } from './markdown.js';

export function renderHtml(edition: Edition, options: TextOptions = {}): string {
  return renderMarkdown(edition, options); // replaced by the real reader page
}
