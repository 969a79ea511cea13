/**
 * Source-view check (not a test): an 8 MB dump stored in a fresh archive, then the reader's
 * source view of it timed: the first page right after the server starts (nothing cached), the
 * middle and last pages, and the article page that links into it; then, while the same dump
 * (renamed, so stored anew) is uploaded and mended, how long /healthz takes to answer.
 *
 *   npm run bench:source   (env: SOURCE_MB, default 8)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../src/archive/db.js';
import { ingestInput } from '../src/archive/ingest.js';
import { startServer } from '../src/server/app.js';
import { bigDump } from '../test/fixtures/bad/make.js';

const MB = Number(process.env.SOURCE_MB ?? 8);

async function timed(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  const r = await fetch(url);
  const body = await r.arrayBuffer();
  return { ms: performance.now() - t, bytes: body.byteLength, status: r.status };
}

function show(label: string, t: { ms: number; bytes: number; status: number }): void {
  const kb = (t.bytes / 1024).toFixed(0);
  console.log(
    `${label.padEnd(34)} ${t.ms.toFixed(0).padStart(6)} ms  ${kb.padStart(6)} KB  (${t.status})`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'newsmend-bench-source-'));
const db = join(dir, 'a.db');
try {
  const dump = bigDump(MB * 1e6);
  let t = performance.now();
  const w = openArchive(db);
  const stored = await ingestInput(w, dump, { name: 'big.txt' });
  w.close();
  if (stored.status === 'failed') throw new Error(stored.problem);
  console.log(
    `stored ${MB} MB: ${stored.articles} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const srv = await startServer({ db, port: 0, maxUploadBytes: (MB + 1) * 1e6 });
  const id = stored.editionId;
  const first = await timed(`${srv.url}/source/${id}`);
  show('source view, first page (cold)', first);
  const pages = (
    (await (await fetch(`${srv.url}/api/editions/${id}/source`)).json()) as { pages: number }
  ).pages;
  show(
    `source view, page ${pages >> 1} of ${pages}`,
    await timed(`${srv.url}/source/${id}?page=${pages >> 1}`),
  );
  show(
    `source view, page ${pages} of ${pages}`,
    await timed(`${srv.url}/source/${id}?page=${pages}`),
  );
  const articleId = Math.max(
    ...Object.values(
      (
        (await (await fetch(`${srv.url}/api/articles/1`)).json()) as {
          siblings: Record<string, number>;
        }
      ).siblings,
    ),
  );
  show('article page (last article)', await timed(`${srv.url}/article/${articleId}`));

  t = performance.now();
  const upload = fetch(`${srv.url}/api/upload?name=again.txt`, {
    method: 'POST',
    body: Buffer.concat([dump, Buffer.from('\n')]),
  }).then((r) => r.status);
  const waits: number[] = [];
  let done = false;
  void upload.then(() => (done = true));
  while (!done) waits.push((await timed(`${srv.url}/healthz`)).ms);
  const uploadSeconds = (performance.now() - t) / 1000;
  waits.sort((a, b) => a - b);
  console.log(
    `upload of ${MB} MB (${await upload}) took ${uploadSeconds.toFixed(1)} s; /healthz meanwhile: ` +
      `${waits.length} answers, median ${waits[waits.length >> 1].toFixed(1)} ms, max ${waits[waits.length - 1].toFixed(1)} ms`,
  );
  await srv.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
