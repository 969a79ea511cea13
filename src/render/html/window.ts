import type { Edit, Edition } from '../../model/types.js';
import { annotateSource, type SourceAnnotation } from './annotate.js';

/**
 * A stretch of the source with what is needed to show it beside the mended text: the whole
 * source of one mended file, or one page of a big stored source (the reader shows a 8 MB dump
 * page by page, so neither the browser nor the server handles all of it at once).
 */
export interface SourceWindow extends Pick<Edition, 'articles' | 'residue' | 'edits'> {
  /** Source offsets of the stretch, end exclusive, and its text (`source.slice(start, end)`). */
  start: number;
  end: number;
  text: string;
  /** 1-based page number and page count; a whole source is page 1 of 1. */
  page: number;
  pages: number;
  /** Segments, points and kept links inside the stretch (offsets stay source offsets). */
  annotation: SourceAnnotation;
}

/**
 * Source characters per page of the source view. A printed page is 5,000–20,000 characters, so a
 * page dump stays one page; annotated, a character of a damaged dump takes up to about 50 bytes
 * of HTML (every edit carries its reason in a tooltip), so a page stays near a megabyte or two.
 */
export const SOURCE_PAGE_CHARS = 20_000;
/** How far past the page size a page may run to end at a line break. */
const LINE_END_SLACK = 4_000;

/** The whole source as one window. */
export function wholeWindow(text: string, edition: Edition): SourceWindow {
  return {
    start: 0,
    end: text.length,
    text,
    page: 1,
    pages: 1,
    annotation: annotateSource(text, edition),
    articles: edition.articles,
    residue: edition.residue,
    edits: edition.edits,
  };
}

/** Where pages start: every `pageChars`, moved on to the next line start when one is near. */
export function pageStarts(text: string, pageChars = SOURCE_PAGE_CHARS): number[] {
  const starts = [0];
  for (let at = pageChars; at < text.length; at = starts[starts.length - 1] + pageChars) {
    const newline = text.indexOf('\n', at - 1);
    let cut = newline !== -1 && newline + 1 - at <= LINE_END_SLACK ? newline + 1 : at;
    if (isHighSurrogate(text.charCodeAt(cut - 1))) cut++; // never split a surrogate pair
    if (cut >= text.length) break;
    starts.push(cut);
  }
  return starts;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The source cut into pages, each with the part of the annotation and edition it shows. */
export function sourcePages(
  text: string,
  edition: Edition,
  pageChars = SOURCE_PAGE_CHARS,
): SourceWindow[] {
  const starts = pageStarts(text, pageChars);
  if (starts.length === 1) return [wholeWindow(text, edition)];
  const whole = annotateSource(text, edition);
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? text.length;
    const annotation = clipAnnotation(whole, start, end, end === text.length);
    const page = i + 1;
    const held = holders(edition, annotation, { start, end, first: page === 1 });
    const shown = text.slice(start, end);
    return { start, end, text: shown, page, pages: starts.length, annotation, ...held };
  });
}

/** The part of an annotation inside [start, end); points at `end` too on the last page. */
function clipAnnotation(
  ann: SourceAnnotation,
  start: number,
  end: number,
  last: boolean,
): SourceAnnotation {
  const inside = (at: number) => at >= start && (at < end || (last && at === end));
  const segments = ann.segments
    .filter((s) => s.end > start && s.start < end)
    .map((s) => ({ ...s, start: Math.max(s.start, start), end: Math.min(s.end, end) }));
  const dropped = new Set(segments.flatMap((s) => (s.edit ? [s.edit] : [])));
  return {
    segments,
    points: ann.points.filter((p) => inside(p.at)),
    // A kept copy on this page, or the kept copy of a repeat dropped on this page.
    keptLinks: ann.keptLinks.filter((k) => inside(k.at) || dropped.has(k.edit)),
  };
}

/**
 * The edits, articles and residue items a clipped annotation refers to (ids are distinct across
 * kinds: a…, e…, r…), and every edit with a span on the page, so that the pages' ledgers
 * together list every edit; the first page also lists the edits that cover no source text.
 */
function holders(
  edition: Edition,
  ann: SourceAnnotation,
  page: { start: number; end: number; first: boolean },
): Pick<SourceWindow, 'articles' | 'residue' | 'edits'> {
  const touches = (e: Edit) =>
    e.spans.length === 0
      ? page.first
      : e.spans.some((s) => s.start < page.end && (s.end > page.start || s.start === page.start));
  const ids = new Set<string>();
  for (const s of ann.segments) {
    for (const id of [s.edit, s.label, s.article, s.residue, ...s.marks]) if (id) ids.add(id);
  }
  for (const p of ann.points) ids.add(p.ref);
  // Not the kept links: a copy kept here may be the target of repeats dropped pages away.
  return {
    articles: edition.articles.filter((a) => ids.has(a.id)),
    residue: edition.residue.filter((r) => ids.has(r.id)),
    edits: edition.edits.filter((e) => ids.has(e.id) || touches(e)),
  };
}
