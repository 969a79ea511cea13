import { readSync } from 'node:fs';

/**
 * One huge dump (a year of pages in one file) is mended window by window: each window is a
 * document of the run, so memory stays bounded by a few windows in flight whatever the file's
 * size, and time is linear in it. mend() of a whole 5 MB dump peaked at about 100× its size
 * (`npm run bench`, "big mend"): the text, its folded copy, blocks, ledger and Edition are all
 * held at once.
 *
 * Windows are cut between lines, preferring a form feed (a page break), then a blank line
 * (a paragraph or page boundary), then any line end: an article that straddles a cut is read
 * as two, the second opening mid-story. The windows' bytes, put back together, are the
 * file's bytes, so each window's Edition rebuilds its own part of the source.
 */

/**
 * Bytes mended at once: about fifty pages, so a line printed on every page (furniture) or a
 * headline repeated on the page still recurs within one window, while a worker holds tens of
 * megabytes for it. Smaller windows hold less (a worker's heap grows with the window it
 * mends) but cut more articles in two: each cut may split one. `npm run bench` ("big run")
 * measures a run over one big dump with this size.
 */
export const WINDOW_BYTES = 512 * 1024;
/** A cut is looked for in the last quarter of a window; a window is never shorter than 3/4. */
const CUT_SEARCH_SHARE = 0.25;
/** Bytes looked at for signs of UTF-16 (NUL bytes), where a line end byte is no line end. */
export const UTF16_SAMPLE_BYTES = 1 << 16;

const LF = 0x0a;
const FF = 0x0c;
const CR = 0x0d;

export interface DumpWindow {
  /** 0-based, in file order. */
  index: number;
  /** Byte range of the file (after gunzip), end exclusive. */
  start: number;
  end: number;
}

/**
 * Whether the dump can be cut at 0x0A bytes: true for UTF-8, GB18030/GBK and Big5, whose
 * multi-byte characters never hold that byte; false for UTF-16 (a BOM, or NUL bytes).
 */
export function cuttable(bytes: Uint8Array): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return false;
  return bytes.subarray(0, UTF16_SAMPLE_BYTES).indexOf(0) === -1;
}

/** The windows of a dump of `bytes`, each at most about `size` bytes (one window when small). */
export function windowsOf(bytes: Uint8Array, size = WINDOW_BYTES): DumpWindow[] {
  if (bytes.length <= size || !cuttable(bytes)) return [{ index: 0, start: 0, end: bytes.length }];
  const windows: DumpWindow[] = [];
  for (let start = 0; start < bytes.length;) {
    const end = start + windowLength(bytes.subarray(start), size, true)!;
    windows.push({ index: windows.length, start, end });
    start = end;
  }
  return windows;
}

/**
 * The windows of the dump file open as `fd` (`fileSize` bytes, not UTF-16), read one at a time
 * so that no more than about a window is held: the same windows `windowsOf` finds in the
 * whole file.
 */
export function* readWindows(
  fd: number,
  fileSize: number,
  size = WINDOW_BYTES,
): Generator<{ window: DumpWindow; bytes: Uint8Array }> {
  let index = 0;
  for (let start = 0; start < fileSize;) {
    let chunk = readAt(fd, start, Math.min(size, fileSize - start));
    let length: number | undefined;
    // A window whose last line runs past `size` needs more of the file to find its end.
    while ((length = windowLength(chunk, size, start + chunk.length >= fileSize)) === undefined)
      chunk = readAt(fd, start, Math.min(chunk.length * 2, fileSize - start));
    yield {
      window: { index: index++, start, end: start + length },
      bytes: chunk.subarray(0, length),
    };
    start += length;
  }
}

function readAt(fd: number, position: number, length: number): Uint8Array {
  const buffer = new Uint8Array(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buffer, got, length - got, position + got);
    if (n === 0) throw new Error('newsmend: the file got shorter while it was read');
    got += n;
  }
  return buffer;
}

/**
 * The length of the window that starts at `bytes[0]`: all of `bytes` when they are the rest of
 * the file and fit; else up to just after the best line end before `size`; undefined when
 * `bytes` end before the line running past `size` does (and are not the file's end).
 */
function windowLength(bytes: Uint8Array, size: number, atEnd: boolean): number | undefined {
  if (atEnd && bytes.length <= size) return bytes.length;
  const from = size - Math.floor(size * CUT_SEARCH_SHARE);
  const formFeed = bytes.lastIndexOf(FF, size - 1);
  if (formFeed >= from) return formFeed + 1;
  let lastLine = -1;
  for (let i = bytes.lastIndexOf(LF, size - 1); i >= from; i = bytes.lastIndexOf(LF, i - 1)) {
    if (lastLine === -1) lastLine = i;
    if (blankLineBefore(bytes, i)) return i + 1;
  }
  if (lastLine !== -1) return lastLine + 1;
  // No line end in the search range: the window runs on to the next one (or the file's end).
  const next = bytes.indexOf(LF, size);
  if (next !== -1) return next + 1;
  return atEnd ? bytes.length : undefined;
}

/** Whether the line ending at the LF at `i` is blank (spaces, tabs and CR only). */
function blankLineBefore(bytes: Uint8Array, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const b = bytes[j];
    if (b === LF) return true;
    if (b !== 0x20 && b !== 0x09 && b !== CR) return false;
  }
  return true;
}
