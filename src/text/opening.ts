import { tag } from '../lexicon/index.js';

/** Characters a sentence cannot start with: clause punctuation and closing marks. */
const NON_INITIAL = /^[，。、；：！？）」』”’》〉】,.;:!?)]/u;
/** Particles that only follow other words (的, 了…); as a whole first word they mark a broken sentence. */
const BOUND_PARTICLES = new Set(['的', '了', '着', '过', '地', '得', '们', '之']);
/** A clause this short before the first comma is a fragment unless its word is an opener. */
const MAX_FRAGMENT_CLAUSE = 2;
/**
 * Parts of speech whose two-character words open sentences with a comma: time (近日，),
 * conjunctions, adverbs (显然，), pronouns, nouns (历史，), places and names. A verb left alone
 * before a comma (应用，强化…) is the tail of a sentence whose start was lost.
 */
const FRAGMENT_TAGS = new Set([
  'v',
  'vn',
  'vd',
  'u',
  'ul',
  'uj',
  'uz',
  'ug',
  'ud',
  'y',
  'e',
  'o',
  'k',
]);

/** Whether a paragraph begins in the middle of a sentence (its start was lost, D8). */
export function startsMidSentence(text: string): boolean {
  if (NON_INITIAL.test(text)) return true;
  const head = tag(text.slice(0, 8));
  if (head[0] && head[0].word.length === 1 && BOUND_PARTICLES.has(head[0].word)) return true;
  const comma = text.indexOf('，');
  if (comma <= 0 || comma > MAX_FRAGMENT_CLAUSE) return false;
  if (comma === 1) return true;
  // 据悉，据报道… open sentences although 悉 and 报道 are verbs.
  if (text.startsWith('据')) return false;
  const first = tag(text.slice(0, comma))[0];
  return first !== undefined && first.word.length === comma && FRAGMENT_TAGS.has(first.tag);
}

/** Openings that begin a sentence: a quote or title mark, or a name, place, time, pronoun or conjunction. */
const SENTENCE_OPENER = /^[“《【「]/u;
const SUBJECT_TAGS = new Set(['nr', 'nrfg', 'nrt', 'ns', 'nt', 't', 'r', 'c']);
/** Prepositions that open news sentences (据…报道, 在…期间, 随着…). */
const OPENING_PREPOSITIONS = new Set(['据', '在', '从', '为', '对', '当', '随着', '经过', '根据']);

/** Positive evidence that `text` begins a sentence (not only the absence of a mid-sentence start). */
export function startsSentence(text: string): boolean {
  if (startsMidSentence(text)) return false;
  if (SENTENCE_OPENER.test(text)) return true;
  // Checked on the characters: the segmenter may glue a preposition to what follows (据市).
  for (const p of OPENING_PREPOSITIONS) if (text.startsWith(p)) return true;
  const first = tag(text.slice(0, 12))[0];
  return first !== undefined && SUBJECT_TAGS.has(first.tag);
}
