/**
 * Length-preserving character folds. We only apply folds that map one UTF-16 code unit to one,
 * so folded text shares every offset with the source and no offset map is needed; output text
 * stays source text and the folded form is used for matching only.
 */
const FULLWIDTH_FIRST = 0xff01; // ！
const FULLWIDTH_LAST = 0xff5e; // ～
const FULLWIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

export function foldChar(code: number): number {
  if (code >= FULLWIDTH_FIRST && code <= FULLWIDTH_LAST) return code - FULLWIDTH_OFFSET;
  if (code === IDEOGRAPHIC_SPACE || code === 0xa0) return 0x20;
  return code;
}

/** Full-width ASCII → ASCII, ideographic/no-break space → space. Same length as the input. */
export function fold(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = foldChar(code);
    if (folded !== code) changed = true;
    out += String.fromCharCode(folded);
  }
  return changed ? out : text;
}
