import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One text record of the noisy sets: raw bytes as the engine would receive them. */
export interface NoisyRecord {
  id: string;
  bytes: Uint8Array;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Text fields worth feeding from a JSON record (title first, then the body). */
const TITLE_KEYS = ['title', 'contenttitle'];
const BODY_KEYS = ['raw_content', 'content', 'text'];

function fromJson(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    // [url, line, count] rows: the longest string is the text.
    const strings = value.filter((v): v is string => typeof v === 'string');
    return strings.sort((a, b) => b.length - a.length)[0];
  }
  if (!value || typeof value !== 'object') return typeof value === 'string' ? value : undefined;
  const o = value as Record<string, unknown>;
  const title = TITLE_KEYS.map((k) => o[k]).find((v) => typeof v === 'string') as
    string | undefined;
  const body = BODY_KEYS.map((k) => o[k]).find((v) => typeof v === 'string') as string | undefined;
  if (body === undefined) return title;
  return title ? `${title}\n\n${body}` : body;
}

function jsonlRecords(path: string): NoisyRecord[] {
  const name = basename(path);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim().length > 0)
    .flatMap(({ line, i }) => {
      let text: string | undefined;
      try {
        text = fromJson(JSON.parse(line));
      } catch {
        text = line; // not JSON: the line itself is the record
      }
      return text === undefined ? [] : [{ id: `${name}:${i + 1}`, bytes: utf8(text) }];
    });
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** CSV rows: the title and text columns of each row (header names starting `title`/`text`). */
function csvRecords(path: string): NoisyRecord[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  if (!header) return [];
  const cols = header
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => /^(title|text)/.test(h) && !/(exist|source|exception)/.test(h));
  const name = basename(path);
  return rows
    .map((row, r) => ({
      id: `${name}:${r + 2}`,
      text: cols
        .map(({ i }) => row[i] ?? '')
        .filter(Boolean)
        .join('\n\n'),
    }))
    .filter((x) => x.text.length > 0)
    .map((x) => ({ id: x.id, bytes: utf8(x.text) }));
}

function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function between(
  bytes: Uint8Array,
  open: string,
  close: string,
  from: number,
  to: number,
): Uint8Array {
  const a = indexOf(bytes, utf8(open), from);
  if (a < 0 || a > to) return new Uint8Array();
  const start = a + open.length;
  const b = indexOf(bytes, utf8(close), start);
  return bytes.subarray(start, b < 0 || b > to ? to : b);
}

/**
 * Sogou `.dat` files: `<doc>` records of XML-ish lines in GB18030 (or UTF-8). Tags are ASCII, so
 * records are cut on bytes and each one's title and content bytes are fed undecoded.
 */
function datRecords(path: string): NoisyRecord[] {
  const bytes = new Uint8Array(readFileSync(path));
  const open = utf8('<doc>');
  const out: NoisyRecord[] = [];
  const name = basename(path);
  for (let at = indexOf(bytes, open, 0); at >= 0;) {
    const next = indexOf(bytes, open, at + open.length);
    const end = next < 0 ? bytes.length : next;
    const title = between(bytes, '<contenttitle>', '</contenttitle>', at, end);
    const content = between(bytes, '<content>', '</content>', at, end);
    const record = new Uint8Array(title.length + 2 + content.length);
    record.set(title, 0);
    record.set([0x0a, 0x0a], title.length);
    record.set(content, title.length + 2);
    out.push({ id: `${name}:doc${out.length + 1}`, bytes: record });
    at = next;
  }
  return out;
}

/** Every text record under `dir` (recursively), in a stable order. Other files are skipped. */
export function noisyRecords(dir: string): NoisyRecord[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory())
        return noisyRecords(path).map((r) => ({ ...r, id: `${name}/${r.id}` }));
      if (name.endsWith('.jsonl')) return jsonlRecords(path);
      if (name.endsWith('.csv')) return csvRecords(path);
      if (name.endsWith('.dat')) return datRecords(path);
      return [];
    });
}
