/** Character classes shared by the stages. */

/** Punctuation that can end a paragraph (a sentence end, possibly inside closing quotes). */
export const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '…', '；', ';']);
/** Closing marks that may follow a sentence end: ”』」）)》】. */
export const CLOSERS = new Set(['”', '’', '』', '」', '）', ')', '》', '】', '〕', '"', "'"]);

export function isCjk(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x20000 && code <= 0x2ffff)
  );
}

export function isSpace(ch: string): boolean {
  return /\s/u.test(ch) || ch === '\u3000';
}

/** Display width of a string: CJK and full-width forms count 2, others 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width +=
      code >= 0x1100 &&
      (isCjk(ch) ||
        (code >= 0x3000 && code <= 0x303f) ||
        (code >= 0xff00 && code <= 0xffef) ||
        (code >= 0x2e80 && code <= 0xa4cf))
        ? 2
        : 1;
  }
  return width;
}

/** True when text ends like a finished paragraph: sentence-final punctuation, maybe then closers. */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (CLOSERS.has(text[i]) || isSpace(text[i]))) i--;
  return i >= 0 && SENTENCE_END.has(text[i]);
}

/** Number of CJK ideographs in text. */
export function countCjk(text: string): number {
  let n = 0;
  for (const ch of text) if (isCjk(ch)) n++;
  return n;
}

/** Text without any whitespace, for comparisons that ignore layout. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '');
}

/** A paragraph may also end by introducing what follows (…主要包括：). */
export function endsParagraph(text: string): boolean {
  return endsSentence(text) || /[:：]$/u.test(text);
}
