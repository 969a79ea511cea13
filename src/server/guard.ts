import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http.js';

/**
 * Who may talk to the reader. A page on any web site the user visits can make their browser send
 * requests to a loopback server: a form POST to /upload (cross-site request forgery), or, through
 * DNS rebinding, any request under a name the attacker controls. Three checks close this:
 *
 * - the Host header must name this server (loopback names, the address it listens on, and the
 *   names given with --allowed-host): a rebound name is answered 421 and reads nothing;
 * - a state-changing request must come from this origin: Sec-Fetch-Site (sent by every current
 *   browser) must be same-origin; without it, an Origin header, when present, must be this
 *   server's;
 * - the upload form carries a token only this server's own page knows (CSRF token), for
 *   browsers that send neither header.
 *
 * Clients that are not browsers (curl, scripts) send no Origin or Sec-Fetch-Site and pass.
 */

/** Names a loopback server always answers to. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header value, port dropped, lower-cased (IPv6 kept in brackets). */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

/** The Host names this server answers to: loopback, the listening address, the allowed extra. */
export function allowedHosts(listenHost: string, extra: readonly string[] = []): Set<string> {
  const listen = listenHost.includes(':') ? `[${listenHost}]` : listenHost;
  return new Set([...LOOPBACK_NAMES, listen, ...extra].map((h) => hostName(`${h}:0`)));
}

export function checkHost(req: IncomingMessage, allowed: ReadonlySet<string>): void {
  const host = req.headers.host;
  if (!host || !allowed.has(hostName(host)))
    throw new HttpError(
      421,
      `this server does not answer to the name '${host ?? ''}' (start it with --allowed-host to add one)`,
    );
}

/** A state-changing request must come from a page of this server, not from another site. */
export function checkSameOrigin(req: IncomingMessage): void {
  // Set by the browser, never by a page. It is asked first: our pages send no referrer, so a
  // browser sends `Origin: null` with a form posted from our own upload page.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) {
    if (site === 'same-origin') return;
    throw new HttpError(403, `cross-site request refused (Sec-Fetch-Site: ${site})`);
  }
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let own: string | undefined;
  try {
    own = new URL(origin).host;
  } catch {
    own = undefined;
  }
  if (own === undefined || own !== (req.headers.host ?? '').toLowerCase())
    throw new HttpError(403, `cross-origin request refused (Origin: ${origin})`);
}

/** A per-process secret the upload form carries; a page of another site cannot read it. */
export class CsrfToken {
  readonly value = randomBytes(24).toString('base64url');

  check(given: string | null): void {
    const a = Buffer.from(given ?? '');
    const b = Buffer.from(this.value);
    if (a.length !== b.length || !timingSafeEqual(a, b))
      throw new HttpError(
        403,
        'the upload form is stale or came from another site; reload /upload',
      );
  }
}
