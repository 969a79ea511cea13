import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Article and edition JSON is stored deflated (schema v3 on). An article's JSON is mostly its
 * text and spans, 1–3 KB: plain, a row of that size fills most of a 4 KB page alone; deflated
 * it is about a third, and several rows share a page (measured with `npm run load`).
 */
export function packJson(value: unknown): Buffer {
  return deflateRawSync(JSON.stringify(value));
}

export function unpackJson<T>(stored: Uint8Array): T {
  return JSON.parse(inflateRawSync(stored).toString('utf8')) as T;
}
