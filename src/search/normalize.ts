import { foldChar } from '../decode/fold.js';

/**
 * The form both documents and queries take before matching: full-width ASCII folded and
 * letters lower-cased, one UTF-16 code unit for one, so offsets in the folded text are offsets
 * in the original (snippets highlight the original text at the same positions).
 */
export function searchFold(text: string): string {
  const folded = text.replace(FOLDABLE, (ch) => String.fromCharCode(foldChar(ch.charCodeAt(0))));
  const lower = folded.toLowerCase();
  if (lower.length === folded.length) return lower;
  let out = '';
  for (const ch of folded) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Characters `foldChar` changes: full-width ASCII, ideographic and no-break space. */
const FOLDABLE = /[\uff01-\uff5e\u3000\u00a0]/g;

/** Characters indexed one by one and as overlapping pairs (no spaces between words). */
const GRAM_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Characters of space-separated words (Latin, digits, Cyrillic…), indexed as whole words. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

export type CharClass = 'gram' | 'word' | 'other';

export function charClass(ch: string): CharClass {
  if (GRAM_CHAR.test(ch)) return 'gram';
  if (WORD_CHAR.test(ch)) return 'word';
  return 'other';
}

/** A maximal run of one class of characters, as code points. */
export interface Run {
  kind: 'gram' | 'word';
  chars: string[];
}

/** Split folded text into runs of gram characters and word characters; the rest separates. */
export function runs(folded: string): Run[] {
  const out: Run[] = [];
  let current: Run | undefined;
  for (const ch of folded) {
    const kind = charClass(ch);
    if (kind === 'other') {
      current = undefined;
      continue;
    }
    if (!current || current.kind !== kind) {
      current = { kind, chars: [] };
      out.push(current);
    }
    current.chars.push(ch);
  }
  return out;
}
