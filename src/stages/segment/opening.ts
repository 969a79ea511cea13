import { tag } from '../../lexicon/index.js';

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
