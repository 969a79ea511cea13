/**
 * A big dump in the reader: uploading it does not hold up other requests (mending runs in a
 * worker), and its source view comes page by page. (How fast the first page of an 8 MB source
 * comes is measured by `npm run bench:source`, not here.)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { bigDump } from '../fixtures/bad/make.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-big-source-'));
let srv: RunningServer;
/** Seconds of mending: long enough that a request loop held by it would show. */
const DUMP = bigDump(1e6);
/** Each page of the source view stays small whatever the size of the source. */
const MAX_PAGE_HTML = 2e6;

before(async () => {
  srv = await startServer({ db: join(dir, 'a.db'), port: 0, maxUploadBytes: 4e6 });
});
after(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

let editionId = 0;

test('other requests are answered while a big upload is being mended', async () => {
  let uploaded = false;
  const upload = fetch(`${srv.url}/api/upload?name=big.txt`, {
    method: 'POST',
    body: Buffer.from(DUMP),
  }).then(async (r) => {
    uploaded = true;
    assert.equal(r.status, 201, await r.clone().text());
    return (await r.json()) as { editionId: number; articles: number };
  });
  let answeredMeanwhile = 0;
  while (!uploaded && answeredMeanwhile < 5) {
    const r = await fetch(`${srv.url}/healthz`);
    assert.equal(r.status, 200);
    if (!uploaded) answeredMeanwhile++;
  }
  assert.equal(answeredMeanwhile, 5, 'the reader answered while the upload was mended');
  const stored = await upload;
  assert.ok(stored.articles > 50);
  editionId = stored.editionId;
});

test('the source view of a big source comes page by page, each page small, linked to the next', async () => {
  const first = await fetch(`${srv.url}/source/${editionId}`);
  assert.equal(first.status, 200);
  const html = await first.text();
  assert.ok(html.length < MAX_PAGE_HTML, `${html.length} bytes of HTML`);
  const pages = Number(/第 1 \/ (\d+) 页/u.exec(html)?.[1]);
  assert.ok(pages > 5, `${pages} pages`);
  assert.match(html, new RegExp(`href="/source/${editionId}\\?page=2"`));
  const json = (await (
    await fetch(`${srv.url}/api/editions/${editionId}/source?page=${pages}`)
  ).json()) as { page: number; pages: number; start: number; end: number; text: string };
  assert.equal(json.pages, pages);
  assert.equal(json.text.length, json.end - json.start);
  assert.equal(json.end, new TextDecoder().decode(DUMP).length, 'the last page ends the source');
  assert.equal((await fetch(`${srv.url}/source/${editionId}?page=${pages + 1}`)).status, 404);
  assert.equal((await fetch(`${srv.url}/source/${editionId}?page=0`)).status, 400);
});

test("an article's link to the source view opens the page where the article stands", async () => {
  const ids = (await (await fetch(`${srv.url}/api/editions/${editionId}`)).json()) as {
    articleIds: number[];
  };
  const last = ids.articleIds[ids.articleIds.length - 1];
  const page = await (await fetch(`${srv.url}/article/${last}`)).text();
  const href = /href="(\/source\/\d+\?page=(\d+)#src-a\d+)"/u.exec(page);
  assert.ok(href, 'the last article links to a later page of the source');
  const anchor = href[1].split('#')[1];
  const target = await (await fetch(`${srv.url}${href[1].split('#')[0]}`)).text();
  assert.match(target, new RegExp(`id="${anchor}"`), `${href[1]} holds the anchor`);
});
