import { CSS } from './style.js';
import { html, raw, type Raw } from './escape.js';

/**
 * No scripts, no remote anything: a page is inert whatever text it shows. The policy a page carries in its own <meta> element (the standalone HTML output has no server
 * to send a header). `frame-ancestors` is left out here: browsers ignore it in a meta element and
 * log an error saying so.
 */
export const META_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'";

/** The policy the reader sends as a header: the page's, and no framing by other sites. */
export const CONTENT_SECURITY_POLICY = `${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

export interface PageOptions {
  title: string;
  body: Raw;
  /** Site header (search box, links); omitted in the standalone reader. */
  header?: Raw;
}

export function page(options: PageOptions): string {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />
        <title>${options.title}</title>
        <style>
          ${raw(CSS)}
        </style>
      </head>
      <body>
        ${options.header ?? ''}
        <main>${options.body}</main>
      </body>
    </html> `.html;
}
