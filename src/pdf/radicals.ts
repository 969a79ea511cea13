/**
 * PDF text layers often map a CJK glyph to a radical's code point instead of the ideograph it
 * prints (生 as ⽣ U+2F63, 民 as ⺠ U+2EA0): the font's ToUnicode table names the first code
 * point that shares the glyph. The page shows the ideograph; reading it back is part of
 * reading the text layer, like decoding bytes, and the Edition's messages count it.
 *
 * Kangxi radicals (U+2F00–U+2FD5) fold by NFKC. The CJK Radicals Supplement has no
 * compatibility mapping for the simplified forms; this table lists those that are whole
 * characters (the radical forms that are only components, such as ⺮, stay as they are).
 */
const SUPPLEMENT: Record<number, string> = {
  0x2e9f: '母',
  0x2ea0: '民',
  0x2ec1: '虎',
  0x2ec4: '西',
  0x2ec5: '见',
  0x2ec6: '角',
  0x2ec8: '讠',
  0x2ec9: '贝',
  0x2ecb: '车',
  0x2ed3: '长',
  0x2ed4: '门',
  0x2ed8: '青',
  0x2ed9: '韦',
  0x2eda: '页',
  0x2edb: '风',
  0x2edc: '飞',
  0x2edd: '食',
  0x2edf: '饣',
  0x2ee2: '马',
  0x2ee3: '骨',
  0x2ee4: '鬼',
  0x2ee5: '鱼',
  0x2ee6: '鸟',
  0x2ee7: '卤',
  0x2ee8: '麦',
  0x2ee9: '黄',
  0x2eea: '黾',
  0x2eec: '齐',
  0x2eee: '齿',
  0x2ef0: '龙',
  0x2ef3: '龟',
};

const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/gu;

/** The text with radicals read as the ideographs they print, and how many were. */
export function foldRadicals(text: string): { text: string; folded: number } {
  let folded = 0;
  const out = text.replace(RADICAL, (ch) => {
    const code = ch.charCodeAt(0);
    const ideograph = code >= 0x2f00 ? ch.normalize('NFKC') : SUPPLEMENT[code];
    if (!ideograph || ideograph === ch) return ch;
    folded++;
    return ideograph;
  });
  return { text: out, folded };
}
