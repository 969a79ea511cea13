import type { Edition } from '../model/types.js';

/**
 * The Edition as JSON, in pieces: each top-level field on its own line, and each element of a
 * top-level array (articles, edits, residue, layout…) on a line of its own, compact inside.
 * One record a line stays readable (and greppable), and a big dump's Edition — one ledger entry
 * per line of the dump — is never built as one string (V8 strings stop at 512 MB).
 */
export function* renderJsonChunks(edition: Edition): Generator<string> {
  const entries = Object.entries(edition);
  yield '{\n';
  for (const [k, [key, value]] of entries.entries()) {
    const comma = k < entries.length - 1 ? ',' : '';
    if (!Array.isArray(value) || value.length === 0) {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}\n`;
      continue;
    }
    yield `  ${JSON.stringify(key)}: [\n`;
    for (let i = 0; i < value.length; i++)
      yield `    ${JSON.stringify(value[i])}${i < value.length - 1 ? ',' : ''}\n`;
    yield `  ]${comma}\n`;
  }
  yield '}\n';
}

/** The Edition as one JSON string (see `renderJsonChunks` for big editions). */
export function renderJson(edition: Edition): string {
  return [...renderJsonChunks(edition)].join('');
}
