import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../package-root.js';

/**
 * Word tables in their loaded form, saved next to the package by `npm run build`
 * (scripts/build-tables.ts), so a process reads them in one go instead of parsing the text
 * lists they come from: parsing jieba's dictionary and the character-pair list took about a
 * quarter of a second of every `newsmend mend` (CPU profile of examples/page.txt).
 *
 * A file is `NMTABLE1\n`, a JSON header line, zero padding to a multiple of 8, then the arrays
 * back to back, each starting on a multiple of 8. The header names the sha256 of the source
 * list it was built from; a file built from another source is ignored, and the caller parses
 * the source as before, so a missing or stale file costs time, never a wrong answer.
 */

const MAGIC = 'NMTABLE1\n';
export const TABLES_DIR = join('data', 'tables');

type ArrayKind = 'Uint8Array' | 'Uint32Array' | 'Int32Array' | 'Float64Array';
export type TableArray = Uint8Array | Uint32Array | Int32Array | Float64Array;

const CONSTRUCTORS = { Uint8Array, Uint32Array, Int32Array, Float64Array } as const;

interface Header {
  source: string;
  /** Small values that are not arrays (totals, rare keys). */
  extra: unknown;
  arrays: { name: string; kind: ArrayKind; length: number }[];
}

export interface Table {
  extra: unknown;
  arrays: Record<string, TableArray>;
}

export function digestOf(source: Uint8Array): string {
  return createHash('sha256').update(source).digest('hex');
}

export function tablePath(name: string, root = packageRoot()): string {
  return join(root, TABLES_DIR, `${name}.bin`);
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;

/** Writes the table atomically (a temporary name, then a rename). */
export function writeTable(path: string, sourceDigest: string, table: Table): void {
  const header: Header = {
    source: sourceDigest,
    extra: table.extra,
    arrays: Object.entries(table.arrays).map(([name, a]) => ({
      name,
      kind: a.constructor.name as ArrayKind,
      length: a.length,
    })),
  };
  const head = Buffer.from(MAGIC + JSON.stringify(header) + '\n', 'utf8');
  const parts: Buffer[] = [head, Buffer.alloc(pad8(head.length))];
  for (const a of Object.values(table.arrays)) {
    parts.push(
      Buffer.from(a.buffer as ArrayBuffer, a.byteOffset, a.byteLength),
      Buffer.alloc(pad8(a.byteLength)),
    );
  }
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.concat(parts));
  renameSync(temp, path);
}

/** The table at `path` when it exists and was built from the source with this digest. */
export function readTable(path: string, sourceDigest: string): Table | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  if (file.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const headerEnd = file.indexOf(0x0a, MAGIC.length);
  if (headerEnd === -1) return undefined;
  const header = parseHeader(file.toString('utf8', MAGIC.length, headerEnd));
  if (header?.source !== sourceDigest) return undefined;
  // Typed-array views need aligned offsets; a pooled small buffer may not start at 0.
  const bytes = file.byteOffset % 8 === 0 ? file : new Uint8Array(file);
  let offset = headerEnd + 1;
  offset += pad8(offset);
  const arrays: Record<string, TableArray> = {};
  for (const { name, kind, length } of header.arrays) {
    const Kind = CONSTRUCTORS[kind];
    if (!Kind) return undefined;
    const byteLength = length * Kind.BYTES_PER_ELEMENT;
    if (offset + byteLength > bytes.length) return undefined;
    arrays[name] = new Kind(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, length);
    offset += byteLength + pad8(byteLength);
  }
  return { extra: header.extra, arrays };
}

function parseHeader(line: string): Header | undefined {
  try {
    return JSON.parse(line) as Header;
  } catch {
    return undefined;
  }
}

/**
 * The table saved for `source`, or the one `build` makes from it when none is saved (or the
 * saved one was built from another source).
 */
export function loadTable(name: string, source: Uint8Array, build: () => Table): Table {
  return readTable(tablePath(name), digestOf(source)) ?? build();
}
