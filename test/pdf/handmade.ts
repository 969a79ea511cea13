/**
 * Tiny PDFs written by hand for the bad-input tests: a list of object bodies becomes a file
 * with a correct cross-reference table (or, on request, a broken one).
 */

export interface HandmadeOptions {
  /** Extra trailer entries (e.g. an /Encrypt dictionary). */
  trailer?: string;
  /** Write every cross-reference offset wrong, as a damaged file has them. */
  brokenXref?: boolean;
}

/** A PDF whose objects are `bodies` (object n is bodies[n - 1]); object 1 is the catalog. */
export function handmadePdf(bodies: readonly string[], options: HandmadeOptions = {}): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets)
    out += `${String(options.brokenXref ? o + 7 : o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R ${options.trailer ?? ''} >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** A content stream object. */
export function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/**
 * Pages of one line of text each in a standard font (Helvetica, no embedding): objects for the
 * catalog, page tree, font, then each page and its content.
 */
export function textPages(lines: readonly string[]): string[] {
  const kids = lines.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${lines.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  lines.forEach((line, i) => {
    bodies.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    );
    bodies.push(stream(`BT /F1 12 Tf 72 760 Td (${line}) Tj ET`));
  });
  return bodies;
}
