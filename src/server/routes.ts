/** A matched route: its name and the id in the path, if any. */
export interface Route {
  name: string;
  id?: string;
}

const ROUTES: [RegExp, string][] = [
  [/^\/$/, 'index'],
  [/^\/search$/, 'search'],
  [/^\/upload$/, 'upload'],
  [/^\/edition\/([^/]+)$/, 'edition'],
  [/^\/article\/([^/]+)$/, 'article'],
  [/^\/source\/([^/]+)$/, 'source'],
  [/^\/api\/sources$/, 'api.sources'],
  [/^\/api\/search$/, 'api.search'],
  [/^\/api\/upload$/, 'api.upload'],
  [/^\/api\/editions\/([^/]+)$/, 'api.edition'],
  [/^\/api\/editions\/([^/]+)\/source$/, 'api.source'],
  [/^\/api\/articles\/([^/]+)$/, 'api.article'],
  [/^\/healthz$/, 'health'],
  [/^\/favicon\.ico$/, 'favicon'],
];

/** Match a path (already URL-decoded by WHATWG URL parsing rules) to a route. */
export function matchRoute(pathname: string): Route | undefined {
  for (const [pattern, name] of ROUTES) {
    const m = pattern.exec(pathname);
    if (m) return { name, id: m[1] };
  }
  return undefined;
}
