import type { Span } from '../../model/types.js';

export interface Line {
  /** Span of the line's content without leading/trailing whitespace. */
  span: Span;
  text: string;
  blank: boolean;
  /** The line began with indentation (spaces or ideographic spaces). */
  indented: boolean;
}

const TRIM_START = /^[\s\u3000\ufeff]*/u;
const TRIM_END = /[\s\u3000\ufeff]*$/u;

/** Split decoded text into lines (LF, CRLF or CR), each trimmed; trimmed whitespace is layout. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const eol = /\r\n|\n|\r/g;
  let start = 0;
  for (;;) {
    const match = eol.exec(text);
    const end = match ? match.index : text.length;
    const raw = text.slice(start, end);
    const lead = TRIM_START.exec(raw)![0].length;
    const body = raw.slice(lead);
    const trail = TRIM_END.exec(body)![0].length;
    const content = body.slice(0, body.length - trail);
    lines.push({
      span: { start: start + lead, end: start + lead + content.length },
      text: content,
      blank: content.length === 0,
      indented: lead > 0,
    });
    if (!match) break;
    start = match.index + match[0].length;
  }
  return lines;
}
