import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { openArchiveAt, type Archive } from '../archive/backend.js';
import { apiArticle, apiEdition, apiSearch, apiSource, apiSources, searchParams } from './api.js';
import { allowedHosts, checkHost, checkSameOrigin, CsrfToken } from './guard.js';
import { HttpError, idParam, readBody, redirect, sendHtml, sendJson } from './http.js';
import {
  articlePage,
  editionPage,
  errorPage,
  indexPage,
  searchPage,
  sourcePage,
  uploadPage,
} from './pages.js';
import { matchRoute, type Route } from './routes.js';
import { IngestThread, type ThreadStored } from '../archive/ingest-thread.js';

/** Largest dump accepted by upload: a page dump is tens of kilobytes; this leaves ample room. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Longest request target we parse; search URLs are short. */
const MAX_URL_LENGTH = 8 * 1024;
/**
 * Largest request head Node parses (its default is 16 KB): above `MAX_URL_LENGTH`, so a long URL
 * reaches our 414 rather than Node's bare 431 in most cases, and `answerUnparsable` tells the rest.
 */
const MAX_HEADER_BYTES = 32 * 1024;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export interface ServerOptions {
  db: string;
  host?: string;
  port?: number;
  /** When set, uploads need it (header `authorization: Bearer …` or form field `token`). */
  token?: string;
  maxUploadBytes?: number;
  /** Host names to answer to besides loopback and the listening address (`--allowed-host`). */
  allowedHosts?: string[];
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

interface Context {
  read: Archive;
  /** Mends and stores uploads off the request loop; absent when uploads are off. */
  uploads?: IngestThread;
  uploadsAllowed: boolean;
  options: ServerOptions;
  /** Host header names answered (`guard.ts`). */
  hosts: ReadonlySet<string>;
  /** The token the upload form carries. */
  csrf: CsrfToken;
}

function tokenOk(ctx: Context, given: string | undefined): boolean {
  const want = ctx.options.token;
  if (!want) return true;
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

async function store(ctx: Context, bytes: Uint8Array, name: string): Promise<ThreadStored> {
  if (bytes.length === 0) throw new HttpError(400, 'the dump is empty');
  const safeName = name.replace(/[\u0000-\u001f/\\]/g, '_').slice(0, 200) || 'upload.txt';
  const r = await ctx.uploads!.submit(bytes, safeName);
  if (r.failed)
    throw new HttpError(r.failed.refused ? 422 : 500, `not stored: ${r.failed.problem}`);
  return r.stored;
}

function requireUpload(ctx: Context, token: string | undefined): void {
  if (!ctx.uploadsAllowed)
    throw new HttpError(
      403,
      'uploads are off: the server is not bound to loopback and no token is set',
    );
  if (!tokenOk(ctx, token)) throw new HttpError(401, 'a valid token is needed to upload');
}

async function handleUpload(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  api: boolean,
): Promise<void> {
  const limit = ctx.options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  checkSameOrigin(req);
  if (api) {
    requireUpload(ctx, bearer(req));
    const body = await readBody(req, limit);
    const name = new URL(req.url ?? '/', 'http://x').searchParams.get('name') ?? 'upload.txt';
    const result = await store(ctx, new Uint8Array(body), name);
    return sendJson(res, result.status === 'added' ? 201 : 200, result);
  }
  const body = await readBody(req, limit * 3); // url-encoding can triple the size
  const form = new URLSearchParams(body.toString('utf8'));
  ctx.csrf.check(form.get('csrf'));
  requireUpload(ctx, form.get('token') ?? bearer(req));
  const text = form.get('text') ?? '';
  if (Buffer.byteLength(text) > limit) throw new HttpError(413, `the dump is over ${limit} bytes`);
  const result = await store(ctx, new TextEncoder().encode(text), form.get('name') ?? 'upload.txt');
  redirect(res, `/edition/${result.editionId}`);
}

/** `?page=N` of the source view: 1 when absent. */
function pageParam(url: URL): number {
  const given = url.searchParams.get('page');
  if (given === null) return 1;
  if (!/^[1-9]\d{0,5}$/.test(given))
    throw new HttpError(400, `page wants a number from 1, got '${given}'`);
  return Number(given);
}

async function get(ctx: Context, route: Route, url: URL, res: ServerResponse): Promise<void> {
  const db = ctx.read;
  const restore = url.searchParams.get('restore') === '1';
  const offset = Number(
    /^\d{1,6}$/.test(url.searchParams.get('offset') ?? '') ? url.searchParams.get('offset') : 0,
  );
  switch (route.name) {
    case 'index':
      return sendHtml(res, 200, await indexPage(db, offset));
    case 'edition':
      return sendHtml(res, 200, await editionPage(db, idParam(route.id), restore));
    case 'article':
      return sendHtml(res, 200, await articlePage(db, idParam(route.id), restore));
    case 'source':
      return sendHtml(res, 200, await sourcePage(db, idParam(route.id), pageParam(url)));
    case 'upload':
      return sendHtml(
        res,
        200,
        uploadPage(ctx.uploadsAllowed, !!ctx.options.token, ctx.csrf.value),
      );
    case 'favicon':
      // No icon; an empty answer rather than a 404 the browser logs on every page.
      res.writeHead(204, { 'cache-control': 'max-age=86400' });
      return void res.end();
    case 'search':
      return searchHtml(ctx, url, res);
    case 'api.sources':
      return sendJson(res, 200, await apiSources(db, offset));
    case 'api.edition':
      return sendJson(res, 200, await apiEdition(db, idParam(route.id)));
    case 'api.article':
      return sendJson(res, 200, await apiArticle(db, idParam(route.id)));
    case 'api.source':
      return sendJson(res, 200, await apiSource(db, idParam(route.id), pageParam(url)));
    case 'api.search':
      return sendJson(res, 200, await apiSearch(db, searchParams(url.searchParams)));
    case 'health':
      return sendJson(res, 200, { ok: true });
    default:
      throw new HttpError(405, 'method not allowed');
  }
}

async function searchHtml(ctx: Context, url: URL, res: ServerResponse): Promise<void> {
  let params;
  try {
    params = searchParams(url.searchParams);
  } catch (error) {
    return sendHtml(
      res,
      400,
      searchPage({ q: url.searchParams.get('q') ?? '' }, undefined, (error as Error).message),
    );
  }
  if (!params.q.trim()) return sendHtml(res, 200, searchPage(params, undefined));
  try {
    sendHtml(res, 200, searchPage(params, await apiSearch(ctx.read, params)));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendHtml(res, error.status, searchPage(params, undefined, error.message));
  }
}

/** Methods each route answers: POST only where a dump is uploaded. */
function allowedMethods(route: Route): string[] {
  if (route.name === 'api.upload') return ['POST'];
  if (route.name === 'upload') return ['GET', 'HEAD', 'POST'];
  return ['GET', 'HEAD'];
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  checkHost(req, ctx.hosts);
  const target = req.url ?? '/';
  if (target.length > MAX_URL_LENGTH) throw new HttpError(414, 'request target too long');
  const url = new URL(target, 'http://localhost');
  const route = matchRoute(url.pathname);
  if (!route) throw new HttpError(404, 'no such page');
  const methods = allowedMethods(route);
  if (!methods.includes(req.method ?? ''))
    throw new HttpError(405, `use ${methods.join(' or ')}`, { allow: methods.join(', ') });
  if (req.method === 'POST') return handleUpload(ctx, req, res, route.name === 'api.upload');
  await get(ctx, route, url, res);
}

function fail(res: ServerResponse, req: IncomingMessage, error: unknown): void {
  const http = error instanceof HttpError ? error : new HttpError(500, 'internal error');
  if (!(error instanceof HttpError))
    process.stderr.write(`newsmend serve: ${(error as Error)?.stack ?? error}\n`);
  if (res.headersSent) return void res.destroy();
  // Refused before its body was read (a 403, a 413): the connection cannot carry another request,
  // or the unread body would be parsed as one.
  const headers = req.complete ? http.headers : { ...http.headers, connection: 'close' };
  const wantsJson = (req.url ?? '').startsWith('/api/');
  if (wantsJson) sendJson(res, http.status, { error: http.message, status: http.status }, headers);
  else sendHtml(res, http.status, errorPage(http.status, http.message), headers);
}

/**
 * A request Node cannot parse: a request line or headers over `maxHeaderSize`. A long URL (the
 * first line of what arrived has no end yet, or a long one) is a 414; long headers a 431.
 */
function answerUnparsable(
  error: NodeJS.ErrnoException & { rawPacket?: Buffer },
  socket: Duplex,
): void {
  if (!socket.writable) return;
  let status = 400;
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const head = error.rawPacket?.subarray(0, MAX_URL_LENGTH + 64).toString('latin1') ?? '';
    const lineEnd = head.indexOf('\r\n');
    status = lineEnd === -1 || lineEnd > MAX_URL_LENGTH ? 414 : 431;
  }
  const reason = {
    400: 'Bad Request',
    414: 'URI Too Long',
    431: 'Request Header Fields Too Large',
  }[status];
  const body = `${status} ${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
  );
}

/** Start the reader on host:port (127.0.0.1 and a free port by default). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const loopback = LOOPBACK.test(host);
  const uploadsAllowed = loopback || !!options.token;
  // Create or migrate before the read-only connection opens.
  await (await openArchiveAt(options.db, 'write')).close();
  const ctx: Context = {
    read: await openArchiveAt(options.db, 'read'),
    uploads: uploadsAllowed ? new IngestThread(options.db) : undefined,
    uploadsAllowed,
    options,
    hosts: allowedHosts(host, options.allowedHosts),
    csrf: new CsrfToken(),
  };
  // Requests being answered: the archive is closed only after them (a PostgreSQL archive's
  // reads are asynchronous and may still be running when the connections are cut).
  const inFlight = new Set<Promise<void>>();
  const respond = (req: IncomingMessage, res: ServerResponse) => {
    const answered = handle(ctx, req, res)
      .catch((error) => fail(res, req, error))
      .finally(() => inFlight.delete(answered));
    inFlight.add(answered);
  };
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, respond);
  server.on('clientError', answerUnparsable);
  // Expect: 100-continue with a declared size over the limit: refuse before the body is sent.
  server.on('checkContinue', (req, res) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const limit = (ctx.options.maxUploadBytes ?? MAX_UPLOAD_BYTES) * 3;
    if (declared > limit) return fail(res, req, new HttpError(413, `body is over ${limit} bytes`));
    res.writeContinue();
    respond(req, res);
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shown}:${address.port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(inFlight);
      await ctx.read.close();
      await ctx.uploads?.close();
    },
  };
}
