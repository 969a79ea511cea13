import { runs, searchFold } from './normalize.js';

/**
 * What one text contributes to the index, one string per FTS column: single gram characters,
 * overlapping gram pairs, and whole words. Tokens are separated by spaces and contain no ASCII
 * punctuation, so FTS5's `ascii` tokenizer splits them exactly where we did.
 */
export interface IndexTerms {
  uni: string;
  bi: string;
  word: string;
}

/**
 * Put between the pairs of two gram runs (schema v3 on): a token no query pair can equal, so a
 * phrase of pairs matches only inside one run, which makes it an exact substring test.
 */
export const RUN_BREAK = '0';

export function indexTerms(text: string): IndexTerms {
  const uni: string[] = [];
  const bi: string[] = [];
  const word: string[] = [];
  for (const run of runs(searchFold(text))) {
    if (run.kind === 'word') {
      word.push(run.chars.join(''));
      continue;
    }
    if (bi.length > 0 && bi[bi.length - 1] !== RUN_BREAK) bi.push(RUN_BREAK);
    uni.push(...run.chars);
    for (let i = 0; i + 1 < run.chars.length; i++) bi.push(run.chars[i] + run.chars[i + 1]);
  }
  return { uni: uni.join(' '), bi: bi.join(' '), word: word.join(' ') };
}
