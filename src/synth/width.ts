/** ASCII digits and letters → their full-width forms (U+FF10…): same length, same offsets. */
const FULLWIDTH_OFFSET = 0xfee0;

export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) + FULLWIDTH_OFFSET),
  );
}
