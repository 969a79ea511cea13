import type { TaggedWord } from '@node-rs/jieba';
import { dictionaryTag } from '../../lexicon/index.js';
import { SURNAMES } from '../../text/names.js';

/** Titles that stand right before a name in Chinese news (国家主席习近平, 秘书长周少政). */
const TITLE_SUFFIX =
  /(?:主席|总统|总理|首相|书记|部长|省长|市长|县长|区长|主任|秘书长|会长|院长|所长|校长|局长|厅长|处长|董事长|总经理|经理|台长|站长|大使|教授|研究员|委员长|委员|代表|负责人|总裁|社长|主编|记者|学者|专家|局长|司令员|政委|议长|国务卿|外长|发言人)$/u;
/** A name is 2–4 Chinese characters (or a transliteration with ·). */
const NAME = /^[\u4e00-\u9fa5·]{2,8}$/u;
/** POS tags jieba gives person names; `x` is an unknown word, a name only after a title. */
const PERSON_TAGS = new Set(['nr', 'nrfg', 'nrt']);

export interface Person {
  name: string;
  title?: string;
}

/** People named in tagged text: person-tagged words, and unknown words right after a title. */
export function findPeople(words: readonly TaggedWord[]): Person[] {
  const people = new Map<string, Person>();
  words.forEach((w, i) => {
    const prev = words[i - 1];
    const title = prev && TITLE_SUFFIX.test(prev.word) ? prev.word : undefined;
    // jieba's person tags are noisy (友谊, 贺信 are tagged nr), so a name needs more: a title
    // right before it, a full-name tag, or a common surname in front of a 2–3 character name.
    const byTitle =
      title !== undefined && (w.tag === 'x' || PERSON_TAGS.has(w.tag)) && w.word.length <= 4;
    const bySurname =
      PERSON_TAGS.has(w.tag) &&
      w.word.length <= 3 &&
      SURNAMES.has(w.word[0]) &&
      dictionaryTag(w.word) !== 'ns';
    const isName = NAME.test(w.word) && (byTitle || w.tag === 'nrfg' || bySurname);
    if (!isName) return;
    const seen = people.get(w.word);
    if (!seen) people.set(w.word, title ? { name: w.word, title } : { name: w.word });
    else if (!seen.title && title) seen.title = title;
  });
  return [...people.values()];
}
