import type { Edition } from '../model/types.js';
import { articleText, type TextOptions } from './text.js';

/**
 * One article per line as corpus tools expect: `{id, text, metadata}`; `text` is the article's
 * reading text, `metadata` carries the labelled fields and the source it came from.
 */
export function renderJsonl(edition: Edition, options: TextOptions = {}): string {
  return edition.articles
    .map((article) =>
      JSON.stringify({
        id: `${edition.source.sha256.slice(0, 12)}-${article.id}`,
        text: articleText(article, options),
        metadata: {
          source: edition.source.name,
          sha256: edition.source.sha256,
          kicker: article.kicker,
          headline: article.headline,
          subheadline: article.subheadline,
          dateline: article.dateline?.text,
          date: article.metadata.date ?? article.dateline?.date,
          agencies: article.metadata.agencies,
          places: article.metadata.places,
          people: article.metadata.people,
          organisations: article.metadata.organisations,
          flags: article.flags,
        },
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}
