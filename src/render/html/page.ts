import { CSS } from './style.js';
import { html, raw, type Raw } from './escape.js';

/** No scripts, no remote anything: a page is inert whatever text it shows. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

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
        <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
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
