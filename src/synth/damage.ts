import type { Rng } from './prng.js';
import type { Rates } from './rates.js';
import { itemText, type SynthArticle, type SynthItem } from './model.js';

/**
 * Damage that changes the gold: text lost at breaks and edges, one-character variants, and
 * column breaks (which only change how a paragraph is printed). Applied to one article in place.
 */

/** Paragraphs shorter than this are not cut: a column is wider than a short line. */
const MIN_CUT_LENGTH = 16;
/** Characters lost at a break, at most (the seed loses one; OCR gaps run a little longer). */
const MAX_LOST = 3;
/** Look-alike characters (D9): the left one is the frequent form, the right one its misprint. */
const LOOKALIKES: [string, string][] = [
  ['碚', '碛'],
  ['己', '已'],
  ['末', '未'],
  ['土', '士'],
  ['日', '曰'],
  ['入', '人'],
  ['候', '侯'],
  ['拨', '拔'],
  ['汩', '汨'],
  ['戊', '戌'],
  ['祟', '崇'],
  ['沽', '估'],
  ['壁', '璧'],
  ['赢', '嬴'],
  ['析', '柝'],
  ['茶', '荼'],
  ['贝', '见'],
  ['准', '淮'],
  ['泊', '洎'],
  ['园', '圆'],
  ['代', '伐'],
  ['市', '币'],
  ['区', '匹'],
  ['天', '夭'],
];
/** A word is "frequent" when it occurs this often in the article: then a variant is detectable. */
const MIN_WORD_COUNT = 3;

const CJK = /[\u4e00-\u9fff]/u;

/**
 * What a mid-sentence cut may follow and precede besides CJK characters: a column ends wherever
 * its last line ends — after a comma or a closing quote as often as inside a word (the real
 * seed breaks …形势和困难，| and …电影《红丝绸》|出品方…). Cuts only between two CJK characters,
 * as this generator made them until 2026-12-07, taught the junction model that a block ending
 * in a comma or a closing mark ends its paragraph.
 */
const MAY_PRECEDE_CUT = /[\u4e00-\u9fff，、；：”’》）」』]/u;
const MAY_FOLLOW_CUT = /[\u4e00-\u9fff“‘《（「『]/u;
/** A closing mark after these ends a sentence (…。”): a cut there is a paragraph's end. */
const SENTENCE_FINAL = /[。！？!?…]/u;

/** A cut position in [lo, hi) of text, inside a sentence (see MAY_PRECEDE_CUT). */
function cutPoint(rng: Rng, text: string, lo: number, hi: number): number | undefined {
  const start = rng.int(Math.floor(text.length * lo), Math.floor(text.length * hi));
  const inside = (p: number) =>
    p > 1 &&
    p < text.length - 1 &&
    MAY_PRECEDE_CUT.test(text[p - 1]) &&
    !SENTENCE_FINAL.test(text[p - 2]) &&
    MAY_FOLLOW_CUT.test(text[p]);
  for (let d = 0; d < text.length; d++) {
    for (const p of [start + d, start - d]) {
      if (inside(p)) return p;
    }
  }
  return undefined;
}

const paragraphs = (a: SynthArticle) => a.body.filter((b) => b.kind === 'paragraph');

/** D3: the tail of a paragraph is lost. */
export function loseTail(rng: Rng, it: SynthItem): boolean {
  const text = itemText(it);
  if (it.pieces.length !== 1 || text.length < MIN_CUT_LENGTH) return false;
  const p = cutPoint(rng, text, 0.4, 0.9);
  if (p === undefined) return false;
  it.pieces = [text.slice(0, p)];
  it.lacunaAfter = true;
  return true;
}

/** D8: the article starts mid-sentence; its dateline and the start of its first paragraph are gone. */
export function truncateStart(rng: Rng, a: SynthArticle): boolean {
  const first = a.body.findIndex((b) => b.kind === 'paragraph');
  if (first < 0) return false;
  const it = a.body[first];
  const text = itemText(it);
  if (it.pieces.length !== 1 || text.length < MIN_CUT_LENGTH) return false;
  const p = cutPoint(rng, text, 0.3, 0.7);
  if (p === undefined) return false;
  a.body.splice(0, first);
  it.pieces = [text.slice(p)];
  it.lacunaBefore = true;
  a.dateline = undefined;
  a.datelineItem = -1;
  a.byline = undefined;
  a.flags.push('truncated-start');
  return true;
}

/** D2/D3: a column break cuts the paragraph in two; sometimes characters are lost at the cut. */
export function columnBreak(rng: Rng, it: SynthItem, lostRate: number): boolean {
  const text = itemText(it);
  if (it.pieces.length !== 1 || text.length < MIN_CUT_LENGTH) return false;
  const p = cutPoint(rng, text, 0.2, 0.8);
  if (p === undefined) return false;
  if (rng.chance(lostRate)) {
    const lost = Math.min(rng.int(1, MAX_LOST), text.length - p - 1);
    it.pieces = [text.slice(0, p), text.slice(p + lost)];
    it.lacunae.push(p);
  } else {
    it.pieces = [text.slice(0, p), text.slice(p)];
  }
  return true;
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

/** D9: one occurrence of a frequent two-character word gets a look-alike character. */
export function variant(rng: Rng, a: SynthArticle): boolean {
  const all = [a.headline, ...a.body.map(itemText)].join('\n');
  const options: { word: string; wrong: string }[] = [];
  for (const [right, wrong] of LOOKALIKES) {
    for (let i = all.indexOf(right); i !== -1; i = all.indexOf(right, i + 1)) {
      const word = CJK.test(all[i + 1] ?? '') ? all.slice(i, i + 2) : all.slice(i - 1, i + 1);
      if (
        word.length === 2 &&
        CJK.test(word[0]) &&
        CJK.test(word[1]) &&
        count(all, word) >= MIN_WORD_COUNT
      )
        options.push({ word, wrong: word.replace(right, wrong) });
    }
  }
  const unique = [...new Map(options.map((o) => [o.word, o])).values()];
  if (unique.length === 0) return false;
  const { word, wrong } = rng.pick(unique);
  // Put the misprint in the headline when the word is there (as in the seed), else in one paragraph.
  if (a.headline.includes(word)) a.headline = a.headline.replace(word, wrong);
  else {
    const holders = a.body.filter((b) => b.pieces.length === 1 && b.pieces[0].includes(word));
    if (holders.length === 0) return false;
    const it = rng.pick(holders);
    it.pieces = [it.pieces[0].replace(word, wrong)];
  }
  a.variants.push({ text: wrong, likely: word });
  return true;
}

/** Apply the gold-changing damage to one article. `first` = first article of the page. */
export function damageArticle(rng: Rng, a: SynthArticle, rates: Rates, first: boolean): void {
  if (rng.chance(rates.variant)) variant(rng, a);
  if (!first && rng.chance(rates.truncatedStart)) truncateStart(rng, a);
  for (const it of paragraphs(a)) if (rng.chance(rates.lostTail)) loseTail(rng, it);
  const last = a.body[a.body.length - 1];
  if (last?.lacunaAfter && !a.flags.includes('truncated-end')) a.flags.push('truncated-end');
  for (const it of paragraphs(a))
    if (rng.chance(rates.columnBreak)) columnBreak(rng, it, rates.lostAtBreak);
  if (a.dateline && rng.chance(rates.echo)) a.echo = true;
}
