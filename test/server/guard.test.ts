/** The reader against other sites, rebound names and oversize requests (issue: hostile pages). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openArchive } from '../../src/archive/db.js';
import { archiveCounts } from '../../src/archive/read.js';
import { startServer, type RunningServer } from '../../src/server/app.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-guard-'));
const db = join(dir, 'a.db');
let srv: RunningServer;
const LIMIT = 4096;

before(async () => {
  srv = await startServer({ db, port: 0, maxUploadBytes: LIMIT, allowedHosts: ['reader.lan'] });
});
after(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

const port = () => Number(new URL(srv.url).port);
const DUMP = '河道清淤工程完工\n\n本报讯 城东河道清淤工程昨日完工，河水变清了。\n';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: fetch does not let a test set Host, and sends no chunked body on demand. */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: (string | Buffer)[] } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: port(),
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    for (const piece of options.body ?? []) req.write(piece);
    req.end();
  });
}

function editions(): number {
  const archive = openArchive(db);
  try {
    return archiveCounts(archive).editions;
  } finally {
    archive.close();
  }
}

test('a name the server was not given (DNS rebinding) is answered 421 and reads nothing', async () => {
  for (const host of ['evil.example', 'evil.example:8080', '127.0.0.1.evil.example'])
    for (const path of ['/', '/api/sources', `/api/search?q=${encodeURIComponent('河')}`]) {
      const r = await raw(path, { headers: { host } });
      assert.equal(r.status, 421, `${host} ${path}`);
      assert.doesNotMatch(r.body, /"sources"/u);
    }
  for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, 'reader.lan', 'READER.LAN:80'])
    assert.equal((await raw('/healthz', { headers: { host } })).status, 200, host);
});

test('an upload from another site is refused (Origin, Sec-Fetch-Site, no form token) and stores nothing', async () => {
  const before = editions();
  const attempts: [string, Record<string, string>, string][] = [
    ['/api/upload', { origin: 'http://evil.example', 'content-type': 'text/plain' }, DUMP],
    ['/api/upload', { 'sec-fetch-site': 'cross-site' }, DUMP],
    ['/api/upload', { origin: 'null' }, DUMP],
    [
      '/upload',
      { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      new URLSearchParams({ text: DUMP }).toString(),
    ],
    [
      '/upload',
      { 'sec-fetch-site': 'same-site', 'content-type': 'application/x-www-form-urlencoded' },
      new URLSearchParams({ text: DUMP }).toString(),
    ],
    // No Origin, no Sec-Fetch-Site (an old browser): the form needs its token.
    [
      '/upload',
      { 'content-type': 'application/x-www-form-urlencoded' },
      new URLSearchParams({ text: DUMP }).toString(),
    ],
  ];
  for (const [path, headers, body] of attempts) {
    const r = await raw(path, { method: 'POST', headers, body: [body] });
    assert.equal(r.status, 403, `${path} ${JSON.stringify(headers)}`);
  }
  assert.equal(editions(), before, 'nothing stored');
  // The same upload from this server's own page, or from a script, is taken.
  const own = await raw('/api/upload', {
    method: 'POST',
    headers: { origin: srv.url, 'sec-fetch-site': 'same-origin' },
    body: [DUMP],
  });
  assert.equal(own.status, 201, own.body);
});

test('oversize bodies are a 413 however they are sent', async () => {
  const big = Buffer.alloc(LIMIT * 4, 'x');
  const chunked = await raw('/api/upload', {
    method: 'POST',
    headers: { 'transfer-encoding': 'chunked' },
    body: [big.subarray(0, LIMIT * 2), big.subarray(LIMIT * 2)],
  });
  assert.equal(chunked.status, 413);
  const declared = await raw('/api/upload', { method: 'POST', body: [big] });
  assert.equal(declared.status, 413);
  const form = await raw('/upload', {
    method: 'POST',
    headers: {
      'transfer-encoding': 'chunked',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: [Buffer.alloc(LIMIT * 4, 'y')],
  });
  assert.equal(form.status, 413);
});

test('Expect: 100-continue with a body over the limit is refused before the body is sent', async () => {
  const r = await new Promise<number>((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: port(),
      path: '/api/upload',
      method: 'POST',
      headers: { expect: '100-continue', 'content-length': String(LIMIT * 10) },
    });
    req.on('continue', () => reject(new Error('the server asked for the body')));
    req.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
    req.on('error', reject);
    req.flushHeaders();
  });
  assert.equal(r, 413);
});

test("long URLs are a 414, past Node's header limit too; long headers a 431", async () => {
  for (const n of [10_000, 20_000, 70_000]) {
    const r = await raw(`/search?q=${'a'.repeat(n)}`);
    assert.equal(r.status, 414, `${n} characters`);
  }
  const headers = await raw('/', { headers: { 'x-filler': 'a'.repeat(40_000) } });
  assert.equal(headers.status, 431);
});

test('binary uploaded is refused as no page (422), not stored as an empty edition', async () => {
  const before = editions();
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 1, 0,
  ]);
  const r = await raw('/api/upload', { method: 'POST', body: [png] });
  assert.equal(r.status, 422);
  assert.match(r.body, /PNG/u);
  assert.equal(editions(), before);
});

test('the favicon request is answered without an error', async () => {
  assert.equal((await raw('/favicon.ico')).status, 204);
});
