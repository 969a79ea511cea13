import { tag, wordFrequency } from './index.js';
import { pairCount } from './pairs.js';

/** Loads every word table now (each loads lazily on first use otherwise): for a worker starting up. */
export function warmLexicon(): void {
  wordFrequency('新闻');
  pairCount('新', '闻');
  tag('新闻');
}
