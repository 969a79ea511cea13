import { dictionaryTag, tag } from '../../lexicon/index.js';
import { articleParts } from '../../model/parts.js';
import type { Article, Role } from '../../model/types.js';
import type { Stage } from '../stage.js';
import { findPeople } from './people.js';

/** Tag at most this much of an article: metadata comes from the head, and tagging is the costly part. */
const MAX_TAGGED_CHARS = 3000;
/** A place or organisation must be at least this long to be listed (single characters are noise). */
const MIN_ENTITY_CHARS = 2;

/** The headline group and the body: what an article's entities are read from. */
const TAGGED_ROLES = new Set<Role>(['kicker', 'headline', 'subheadline']);

function articleText(article: Article): string {
  return articleParts(article)
    .filter((p) => p.place === 'body' || TAGGED_ROLES.has(p.role))
    .map((p) => p.text)
    .filter(Boolean)
    .join('\n');
}

/** Two-character words the tagger calls places are too often wrong (庆典, 美化); longer ones hold up. */
const MIN_NAMED_CHARS = 3;

/** Words the tagger and the dictionary agree on (or that end like one: 北碚区, 作家协会). */
function uniqueWords(
  words: { word: string; tag: string }[],
  pos: string,
  suffix: RegExp,
): string[] {
  const seen = new Set<string>();
  for (const w of words) {
    if (w.tag !== pos || w.word.length < MIN_ENTITY_CHARS) continue;
    if (suffix.test(w.word) || (w.word.length >= MIN_NAMED_CHARS && dictionaryTag(w.word) === pos))
      seen.add(w.word);
  }
  return [...seen];
}

/** Endings that make a place (…省, …区) or an organisation (…委员会, …大学) whatever the dictionary says. */
const PLACE_SUFFIX = /(?:省|市|县|区|州|镇|乡|村|国|岛|洲|湾|河|江|湖|山)$/u;
const ORG_SUFFIX =
  /(?:委员会|常委会|公司|集团|大学|学院|研究院|研究所|协会|学会|联合会|银行|医院|中心|总台|电视台|报社|政府|法院|检察院|部|局|厅|署|办)$/u;

/** Dates, agencies, places, people with titles and organisations of each article. */
export const metadataStage: Stage<'metadata'> = {
  name: 'metadata',
  run(doc) {
    let people = 0;
    for (const article of doc.articles) {
      const words = tag(articleText(article).slice(0, MAX_TAGGED_CHARS));
      const meta = article.metadata;
      // The dateline's date, else the edition's: the day the story was printed.
      const date = article.dateline?.date ?? doc.options.editionDate;
      if (date) meta.date = date;
      if (article.dateline?.agency) meta.agencies = [article.dateline.agency];
      meta.places = uniqueWords(words, 'ns', PLACE_SUFFIX);
      if (article.dateline?.place && !meta.places.includes(article.dateline.place))
        meta.places.unshift(article.dateline.place);
      meta.organisations = uniqueWords(words, 'nt', ORG_SUFFIX);
      meta.people = findPeople(words);
      people += meta.people.length;
    }
    return { people };
  },
};
