/**
 * PDFs that are hard to read, written by hand (test/pdf/handmade.ts), no browser needed: each
 * gives a clear message or a result, never a crash.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/cli/command.js';
import { rebuild } from '../../src/model/rebuild.js';
import { mendPdf } from '../../src/pdf/index.js';
import { MAX_PDF_PAGES } from '../../src/pdf/extract.js';
import { handmadePdf, stream, textPages } from './handmade.js';

/** The standard security handler with a user password nobody gave: /O and /U match no password. */
const ENCRYPT =
  `/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 /O <${'5a'.repeat(32)}> /U <${'a5'.repeat(32)}> >> ` +
  `/ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`;

test('an encrypted PDF asks for a decrypted copy', async () => {
  const bytes = handmadePdf(textPages(['River park opens']), { trailer: ENCRYPT });
  await assert.rejects(mendPdf(bytes), (e: Error) => {
    assert.ok(e instanceof InputError);
    assert.match(e.message, /encrypted with a password/u);
    return true;
  });
});

test('a PDF whose cross-reference table points at the wrong bytes is still read', async () => {
  const bytes = handmadePdf(textPages(['River park opens to the public']), { brokenXref: true });
  const edition = await mendPdf(bytes);
  assert.match(rebuild(edition), /River park opens to the public/u);
});

test('a PDF of 200 pages is read whole, each page in order', async () => {
  const lines = Array.from({ length: 200 }, (_, i) => `Page ${i + 1} of the edition`);
  const edition = await mendPdf(handmadePdf(textPages(lines)));
  assert.match(edition.messages[0].text, /read from a PDF: 200 page\(s\)/u);
  const text = rebuild(edition);
  assert.ok(text.indexOf('Page 1 of') < text.indexOf('Page 100 of'));
  assert.ok(text.indexOf('Page 100 of') < text.indexOf('Page 200 of'));
  assert.ok(MAX_PDF_PAGES >= 200);
});

/** A page set in a font with no Unicode map: codes 1–3 drawn by glyphs PDF.js cannot name. */
function unmappedPage(): string[] {
  return [
    '<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] ' +
      '/CharProcs << /g17 0 0 R /g42 0 0 R /g99 0 0 R >> ' +
      '/Encoding << /Type /Encoding /Differences [1 /g17 /g42 /g99] >> /FirstChar 1 /LastChar 3 /Widths [1000 1000 1000] >>',
    stream('1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f'),
    stream(`BT /F9 12 Tf 72 700 Td (${'\\001\\002\\003'.repeat(12)}) Tj ET`),
  ];
}

/** `textPages` with one more page in the unmapped font after them. */
function withUnmappedPage(lines: readonly string[]): Uint8Array {
  const bodies = textPages(lines);
  const font = bodies.length + 1;
  const [fontBody, glyph, content] = unmappedPage();
  const page = bodies.length + 4;
  bodies[1] = bodies[1]
    .replace(/\] \/Count \d+/u, ` ${page} 0 R] /Count ${lines.length + 1}`)
    .replace(/\[ /u, '[');
  bodies.push(fontBody.replaceAll('0 0 R', `${font + 1} 0 R`), glyph, content);
  bodies.push(
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F9 ${font} 0 R >> >> /Contents ${font + 2} 0 R >>`,
  );
  return handmadePdf(bodies);
}

test('a PDF whose fonts carry no Unicode map is said to be unreadable, not mended into codes', async () => {
  await assert.rejects(mendPdf(withUnmappedPage([])), (e: Error) => {
    assert.ok(e instanceof InputError);
    assert.match(e.message, /no Unicode map.*OCR/u);
    return true;
  });
  const mixed = await mendPdf(withUnmappedPage(['River park opens to the public']));
  const warning = mixed.messages.find((m) => m.code === 'pdf-unmapped-font');
  assert.match(warning?.text ?? '', /^page\(s\) 2: /u);
  assert.match(rebuild(mixed), /River park opens/u);
});
