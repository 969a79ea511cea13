import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../render/html/page.js';

/** An error with the HTTP status to answer it with; its message is shown to the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Headers the answer must carry (`allow` on a 405). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...headers,
    ...SECURITY_HEADERS,
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, 'application/json', `${JSON.stringify(value)}\n`, headers);
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  send(res, status, 'text/html', html, headers);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { ...SECURITY_HEADERS, location, 'content-length': 0 });
  res.end();
}

/**
 * Bytes of an oversize body read and thrown away before the 413 is sent: the client is still
 * sending, and answering mid-upload resets the connection before it reads the answer. Past this
 * the connection is cut (an upload this large is no page dump). `requestTimeout` bounds the time.
 */
const MAX_DISCARDED_BYTES = 256 * 1024 * 1024;

/**
 * Read a request body, refusing (413) anything over `limit` bytes without buffering it, however
 * it is sent (Content-Length or chunked): the rest is read and discarded, then the 413 goes out.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooBig = () => new HttpError(413, `body is over ${limit} bytes`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_DISCARDED_BYTES) return Promise.reject(tooBig());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks.length = 0;
      if (size > MAX_DISCARDED_BYTES) {
        reject(tooBig());
        req.destroy();
      }
    });
    req.on('end', () => (size > limit ? reject(tooBig()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** A positive integer id from a path segment, or a 404 (nothing else reaches SQL or a path). */
export function idParam(value: string | undefined): number {
  if (!value || !/^[1-9]\d{0,15}$/.test(value)) throw new HttpError(404, 'no such page');
  return Number(value);
}
