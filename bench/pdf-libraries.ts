/**
 * `npm run bench:pdf-libraries [-- --pages N]`: the two PDF libraries the PDF issue named, on
 * the same pages — PDF.js (pdfjs-dist, what newsmend ships) and MuPDF's JS build (`mupdf`, not a
 * dependency: AGPL-3.0; install it for this comparison with `npm install --no-save mupdf`).
 * Fit pages typeset by Chromium (src/pdf/generate). Per library: milliseconds per page for the
 * text with positions; how many pieces the text comes in; the share of characters given as
 * radicals (⽇ for 日: a CJK font's glyph mapped to the radical's code point); the share of CJK
 * characters parted by a space (justification read as spaces); and the character-bigram
 * overlap (Dice) of the text, white space aside, with the gold page text. A third row is what
 * newsmend reads from PDF.js's runs (src/pdf/text.ts: lines, radicals folded, spaces weighed).
 */
import { parseArgs } from 'node:util';
import { sharedEvalDir } from '../src/eval/paths.js';
import { pdfEvalPages } from '../src/eval/pdf.js';
import { bigrams, dice } from '../src/eval/text.js';
import { extractPdf } from '../src/pdf/extract.js';
import { pdfText } from '../src/pdf/text.js';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '20' } } });
const shared = sharedEvalDir();
if (!shared) {
  console.error('bench:pdf-libraries needs ../shared/eval (the page files)');
  process.exit(1);
}

interface MuPdf {
  Document: {
    openDocument(
      bytes: Uint8Array,
      type: string,
    ): {
      countPages(): number;
      loadPage(i: number): { toStructuredText(o: string): { asJSON(): string } };
    };
  };
}
const MUPDF = 'mupdf';
const mupdf = (await import(MUPDF).catch(() => undefined)) as MuPdf | undefined;
if (!mupdf)
  console.log('mupdf is not installed (npm install --no-save mupdf): its row is left out');

/** MuPDF's lines of text, in its order. */
function mupdfPieces(bytes: Uint8Array): string[] {
  const doc = mupdf!.Document.openDocument(bytes, 'application/pdf');
  const out: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) {
    const json = JSON.parse(doc.loadPage(i).toStructuredText('preserve-whitespace').asJSON());
    for (const block of json.blocks) for (const line of block.lines ?? []) out.push(line.text);
  }
  return out;
}

const RADICAL = /[\u2e80-\u2fdf]/gu;
const SPREAD = /\p{Script=Han} (?=\p{Script=Han})/gu;

interface Row {
  ms: number;
  pieces: number;
  chars: number;
  radicals: number;
  spread: number;
  dice: number;
}
const rows = new Map<string, Row>();
function add(name: string, ms: number, pieces: string[], gold: string): void {
  const text = pieces.join('\n');
  const row = rows.get(name) ?? { ms: 0, pieces: 0, chars: 0, radicals: 0, spread: 0, dice: 0 };
  row.ms += ms;
  row.pieces += pieces.length;
  row.chars += text.replace(/\s/gu, '').length;
  row.radicals += text.match(RADICAL)?.length ?? 0;
  row.spread += text.match(SPREAD)?.length ?? 0;
  row.dice += dice(bigrams(text.replace(/\s/gu, '')), bigrams(gold));
  rows.set(name, row);
}

/** Characters newsmend's reading has more (+) or fewer (−) of than MuPDF's, white space aside. */
const charDifference = new Map<string, number>();
function countChars(text: string, sign: number): void {
  for (const c of text.replace(/\s/gu, ''))
    charDifference.set(c, (charDifference.get(c) ?? 0) + sign);
}

process.stderr.write(`typesetting ${values.pages} fit pages…\n`);
const pages = await pdfEvalPages(shared, 'fit', Number(values.pages), 1);
await extractPdf(pages[0].pdf); // PDF.js loads its worker code on first use: not timed
if (mupdf) mupdfPieces(pages[0].pdf);
for (const page of pages) {
  const gold = page.gold.articles
    .flatMap((a) => [a.kicker, a.headline, a.subheadline, ...(a.body ?? []).map((b) => b.text)])
    .filter((t): t is string => !!t)
    .join('')
    .replace(/\s/gu, '');
  let t = performance.now();
  const runs = await extractPdf(page.pdf);
  const pdfjsMs = performance.now() - t;
  add(
    'PDF.js runs',
    pdfjsMs,
    runs.flatMap((p) => p.runs.map((r) => r.text)),
    gold,
  );
  t = performance.now();
  const read = pdfText(runs);
  add('PDF.js + newsmend lines', pdfjsMs + performance.now() - t, read.text.split('\n'), gold);
  if (mupdf) {
    t = performance.now();
    const lines = mupdfPieces(page.pdf);
    add('MuPDF lines', performance.now() - t, lines, gold);
    countChars(read.text, 1);
    countChars(lines.join(''), -1);
  }
}
const n = pages.length;
printRows();
if (mupdf) printCharDifferences();

function printRows(): void {
  console.log(`PDF libraries — ${n} fit pages`);
  console.log('reader                     ms/page  pieces/page  radicals  CJK spread  bigram Dice');
  for (const [name, r] of rows)
    console.log(
      `${name.padEnd(26)} ${(r.ms / n).toFixed(0).padStart(7)}  ${(r.pieces / n).toFixed(0).padStart(11)}  ${(r.radicals / r.chars).toFixed(4).padStart(8)}  ${(r.spread / r.chars).toFixed(4).padStart(10)}  ${(r.dice / n).toFixed(4).padStart(11)}`,
    );
}

/** Where the two readings differ in characters rather than in order. */
function printCharDifferences(): void {
  const differ = [...charDifference].filter(([, v]) => v !== 0).sort((a, b) => b[1] - a[1]);
  console.log(
    `characters newsmend's reading has more (+) or fewer (-) of than MuPDF's: ${
      differ
        .map(([c, v]) => `${c} U+${c.codePointAt(0)!.toString(16)} ${v > 0 ? '+' : ''}${v}`)
        .join(', ') || 'none'
    }`,
  );
}
