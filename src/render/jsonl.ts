import type { Article, Edition } from '../model/types.js';
import { articleText, type TextOptions } from './text.js';

/**
 * An article as corpus tools read it (datatrove, Data-Juicer, Dolma): `{id, text, metadata}`.
 * `text` is the article's reading text; `metadata` carries the labelled fields, the source it
 * came from and quality signals. The shape is documented in docs/format.md ("Corpus records").
 */
export interface CorpusRecord {
  id: string;
  text: string;
  metadata: {
    source: string;
    sha256: string;
    date?: string;
    kicker?: string;
    headline?: string;
    subheadline?: string;
    dateline?: { text: string; agency?: string; place?: string; date?: string };
    byline?: string;
    agencies: string[];
    places: string[];
    people: { name: string; title?: string }[];
    organisations: string[];
    flags: string[];
    quality: {
      /** Characters of `text`. */
      chars: number;
      /** Body items, and how many of them are paragraphs. */
      items: number;
      paragraphs: number;
      /** Places where text was lost (each shown as 〔…〕 in `text`). */
      lacunae: number;
      /** Rare forms flagged beside a frequent one (likely misprints; never rewritten). */
      variants: number;
      /** The lowest probability the structure model gave a role in this article (1 when none). */
      minRoleProbability: number;
    };
    /** Fields of the input record other than its text (`run` over JSONL input). */
    input?: Record<string, unknown>;
    /** The window of a dump too big to mend at once that the article was mended from (`run`). */
    window?: { index: number; start: number; end: number };
  };
}

/** What `run` knows of a document beyond its Edition, carried into each of its records. */
export interface RecordContext {
  input?: Record<string, unknown>;
  window?: { index: number; start: number; end: number };
}

/** The lowest role probability the ledger records for each article id. */
function roleProbabilities(edition: Edition): Map<string, number> {
  const min = new Map<string, number>();
  for (const edit of edition.edits) {
    if (edit.action !== 'label' || edit.probability === undefined) continue;
    for (const ref of edit.refs ?? []) min.set(ref, Math.min(min.get(ref) ?? 1, edit.probability));
  }
  return min;
}

function lacunaCount(article: Article): number {
  return article.body.reduce(
    (n, item) => n + item.lacunae.length + Number(item.lacunaBefore) + Number(item.lacunaAfter),
    0,
  );
}

/** Every article of an edition as a corpus record. */
export function corpusRecords(
  edition: Edition,
  options: TextOptions = {},
  { input, window }: RecordContext = {},
): CorpusRecord[] {
  const probabilities = roleProbabilities(edition);
  return edition.articles.map((article) => {
    const text = articleText(article, options);
    const d = article.dateline;
    return {
      id: `${edition.source.sha256.slice(0, 12)}-${article.id}`,
      text,
      metadata: {
        source: edition.source.name,
        sha256: edition.source.sha256,
        date: article.metadata.date ?? d?.date,
        kicker: article.kicker,
        headline: article.headline,
        subheadline: article.subheadline,
        dateline: d && { text: d.text, agency: d.agency, place: d.place, date: d.date },
        byline: article.byline,
        agencies: article.metadata.agencies,
        places: article.metadata.places,
        people: article.metadata.people,
        organisations: article.metadata.organisations,
        flags: article.flags,
        quality: {
          chars: text.length,
          items: article.body.length,
          paragraphs: article.body.filter((b) => b.kind === 'paragraph').length,
          lacunae: lacunaCount(article),
          variants: article.variants.length,
          minRoleProbability: probabilities.get(article.id) ?? 1,
        },
        ...(input ? { input } : {}),
        ...(window
          ? { window: { index: window.index, start: window.start, end: window.end } }
          : {}),
      },
    };
  });
}

/** One article per line as corpus tools expect (see `CorpusRecord`). */
export function renderJsonl(edition: Edition, options: TextOptions = {}): string {
  return corpusRecords(edition, options)
    .map((record) => `${JSON.stringify(record)}\n`)
    .join('');
}
