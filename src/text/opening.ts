import { tag } from '../lexicon/index.js';

/** Characters a sentence cannot start with: clause punctuation, closers, bound particles. */
const NON_INITIAL = /^[，。、；：！？）」』”’》〉】,.;:!?)的了着过地得们]/u;
/** A clause this short before the first comma is a fragment unless its word is an opener. */
const MAX_FRAGMENT_CLAUSE = 2;
/** Parts of speech that open sentences with a short clause: time (近日，), conjunctions, adverbs, pronouns. */
const OPENER_TAGS = new Set([
  't',
  'c',
  'd',
  'r',
  'p',
  'm',
  'f',
  's',
  'ns',
  'nr',
  'nt',
  'nz',
  'l',
  'i',
]);

/** Whether a paragraph begins in the middle of a sentence (its start was lost, D8). */
export function startsMidSentence(text: string): boolean {
  if (NON_INITIAL.test(text)) return true;
  const comma = text.indexOf('，');
  if (comma <= 0 || comma > MAX_FRAGMENT_CLAUSE) return false;
  const first = tag(text.slice(0, comma))[0];
  return first !== undefined && first.word.length === comma && !OPENER_TAGS.has(first.tag);
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
