import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openArchive } from '../../src/archive/db.js';
import { ingestEdition } from '../../src/archive/store.js';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { aprilEdition, INJECTION_IMG, INJECTION_SCRIPT, richEdition } from '../archive/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-server-'));
let srv: RunningServer;
let editionId: number;
let articleId: number;

before(async () => {
  const path = join(dir, 'a.db');
  const db = openArchive(path);
  editionId = ingestEdition(db, richEdition()).editionId;
  ingestEdition(db, aprilEdition());
  articleId = (
    db.prepare('SELECT id FROM articles WHERE edition_id = ? ORDER BY ordinal').get(editionId) as {
      id: number;
    }
  ).id;
  db.close();
  srv = await startServer({ db: path, host: '127.0.0.1', port: 0, maxUploadBytes: 4096 });
});
after(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(srv.url + path, init);
const text = async (path: string) => {
  const r = await get(path);
  return {
    status: r.status,
    body: await r.text(),
    type: r.headers.get('content-type') ?? '',
    csp: r.headers.get('content-security-policy'),
  };
};

function assertNoInjection(body: string): void {
  assert.ok(!body.includes(INJECTION_SCRIPT), 'raw <script> in page');
  assert.ok(!body.includes('<img src=x'), 'raw <img> in page');
  assert.ok(!/<script/i.test(body), 'a script element in page');
}

test('index lists sources and editions', async () => {
  const r = await text('/');
  assert.equal(r.status, 200);
  assert.match(r.type, /text\/html/);
  assert.match(r.body, /fixture-all-edits\.txt/);
  assert.match(r.body, /Noto Sans CJK SC/);
  assert.match(r.csp ?? '', /default-src 'none'/);
  const api = await (await get('/api/sources')).json();
  assert.equal(api.counts.articles, 3);
  assert.equal(api.sources.length, 2);
});

test('article page is laid out like a newspaper, with lacunae, suggestions and variants', async () => {
  const r = await text(`/article/${articleId}`);
  assert.equal(r.status, 200);
  for (const part of [
    'class="kicker"',
    'class="headline"',
    'class="subheadline"',
    'class="dateline"',
    'class="byline"',
    'class="subhead"',
    'class="caption"',
    'class="note"',
    'class="source-tag"',
    'class="related"',
    'class="lacuna"',
    '任人?',
    'mark class="variant"',
    '转版',
  ])
    assert.ok(r.body.includes(part), part);
  assert.ok(r.body.includes('尽一切努力'), 'the joined paragraph reads through the break');
  assertNoInjection(r.body);
  assert.ok(r.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  const restored = await text(`/article/${articleId}?restore=1`);
  assert.ok(restored.body.includes('〔任人〕'));
  const api = await (await get(`/api/articles/${articleId}`)).json();
  assert.equal(api.article.headline, '梁滩河流域治理取得新进展');
});

test('source view highlights every kind of edit and links a dropped repeat to the kept copy', async () => {
  const r = await text(`/source/${editionId}`);
  assert.equal(r.status, 200);
  assert.match(r.body, /class="seg drop duplicate"[^>]*href="#kept-e4"/);
  assert.match(r.body, /id="kept-e4"/);
  assert.match(r.body, /class="seg drop boilerplate"/);
  assert.match(r.body, /class="seg drop echo"/);
  assert.match(r.body, /class="mark-join"/);
  assert.match(r.body, /class="mark-lacuna"[^>]*>〔…任人\?〕/);
  assert.match(r.body, /class="seg kept variant/);
  assert.match(r.body, /class="seg residue"/);
  assert.match(r.body, /<table class="ledger">/);
  assertNoInjection(r.body);
  const api = await (await get(`/api/editions/${editionId}/source`)).json();
  assert.ok(api.annotation.segments.some((s: { category?: string }) => s.category === 'duplicate'));
  assert.ok(api.annotation.keptLinks.some((k: { edit: string }) => k.edit === 'e4'));
});

test('edition page and its JSON', async () => {
  const r = await text(`/edition/${editionId}`);
  assert.equal(r.status, 200);
  assert.match(r.body, /中俄青年共话友谊/);
  assertNoInjection(r.body);
  const api = await (await get(`/api/editions/${editionId}`)).json();
  assert.equal(api.edition.schema, 'newsmend-edition@1');
});

test('search: HTML with highlighted hits and filters, JSON API', async () => {
  const r = await text(`/search?q=${encodeURIComponent('河道')}`);
  assert.equal(r.status, 200);
  assert.match(r.body, /<mark>河道<\/mark>/);
  const filtered = await (
    await get(`/api/search?q=${encodeURIComponent('河道')}&agency=${encodeURIComponent('新华社')}`)
  ).json();
  assert.equal(filtered.total, 1);
  assert.equal(
    filtered.hits[0].headline.map((s: { text: string }) => s.text).join(''),
    '湖畔春色引游人',
  );
  const html = await text(`/search?q=${encodeURIComponent('河')}&from=2025-05-01`);
  assert.ok(!html.body.includes('湖畔春色引游人'));
});

test('malformed queries are 400 with a message, in JSON and HTML', async () => {
  for (const q of ['"', 'AND', '(', 'NEAR(', '*', '-', '"河道', 'x'.repeat(300), '']) {
    const r = await get(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 400, q);
    const body = await r.json();
    assert.match(body.error, /malformed query/);
  }
  const html = await text(`/search?q=${encodeURIComponent('(河道')}`);
  assert.equal(html.status, 400);
  assert.match(html.body, /class="error"/);
  const bad = await get('/api/search?q=x&from=yesterday');
  assert.equal(bad.status, 400);
});

test('a query with markup is echoed escaped', async () => {
  const r = await text(`/search?q=${encodeURIComponent(INJECTION_IMG)}`);
  assertNoInjection(r.body);
  assert.ok(r.body.includes('&quot;&gt;&lt;img src=x'));
});

test('no path traversal or odd ids reach the archive', async () => {
  for (const p of [
    '/article/../../etc/passwd',
    '/article/..%2F..%2Fetc%2Fpasswd',
    '/edition/1%00',
    '/api/articles/abc',
    '/source/-1',
    '/api/editions/0',
    '/article/999999',
    '/static/../../etc/passwd',
    '/etc/passwd',
  ])
    assert.equal((await get(p)).status, 404, p);
});

test('methods other than GET/HEAD (and POST to upload) are refused, with Allow', async () => {
  for (const [path, method, allow] of [
    ['/', 'DELETE', 'GET, HEAD'],
    ['/api/search?q=x', 'POST', 'GET, HEAD'],
    ['/api/upload', 'GET', 'POST'],
    ['/upload', 'PUT', 'GET, HEAD, POST'],
  ]) {
    const r = await get(path, { method });
    assert.equal(r.status, 405, `${method} ${path}`);
    assert.equal(r.headers.get('allow'), allow, `${method} ${path}`);
  }
});

test('upload on loopback: mend and store, idempotent, size-limited, escaped', async () => {
  const dump = `河道清淤工程完工\n\n${INJECTION_SCRIPT}\n\n${INJECTION_IMG}\n`;
  const first = await get('/api/upload?name=up.txt', { method: 'POST', body: dump });
  assert.equal(first.status, 201);
  const stored = await first.json();
  const again = await get('/api/upload?name=up.txt', { method: 'POST', body: dump });
  assert.equal(again.status, 200);
  assert.equal((await again.json()).editionId, stored.editionId);
  for (const path of [`/edition/${stored.editionId}`, `/source/${stored.editionId}`])
    assertNoInjection((await text(path)).body);
  const big = await get('/api/upload', { method: 'POST', body: 'x'.repeat(5000) });
  assert.equal(big.status, 413);
  const page = (await text('/upload')).body;
  const csrf = /name="csrf" value="([^"]+)"/u.exec(page)?.[1] ?? '';
  const form = await get('/upload', {
    method: 'POST',
    body: new URLSearchParams({ csrf, name: 'f.txt', text: '表单上传的标题\n\n正文。' }),
    redirect: 'manual',
  });
  assert.equal(form.status, 303);
  assert.match(form.headers.get('location') ?? '', /^\/edition\/\d+$/);
});

test('with a token, uploads need it', async () => {
  const path = join(dir, 't.db');
  const t = await startServer({ db: path, port: 0, token: 's3cret' });
  try {
    assert.equal(
      (await fetch(`${t.url}/api/upload`, { method: 'POST', body: '标题\n\n正文。' })).status,
      401,
    );
    assert.equal(
      (
        await fetch(`${t.url}/api/upload`, {
          method: 'POST',
          body: '标题\n\n正文。',
          headers: { authorization: 'Bearer wrong!' },
        })
      ).status,
      401,
    );
    const ok = await fetch(`${t.url}/api/upload`, {
      method: 'POST',
      body: '标题\n\n正文。',
      headers: { authorization: 'Bearer s3cret' },
    });
    assert.equal(ok.status, 201);
  } finally {
    await t.close();
  }
});
