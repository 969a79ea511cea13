import { tag } from '../../../lexicon/index.js';
import { findCrossingWord } from '../../../text/junction.js';
import { startsMidSentence } from '../../../text/opening.js';
import type { Unit } from '../units.js';
import {
  COLUMN_TAG,
  DASH_CLOSER,
  DASH_OPENER,
  NUMBERED,
  SECTION_LABEL,
} from '../../../text/heading-marks.js';
import { cohesionByUnit, echoByUnit, pagePairs, sharedRarePairs, type Echo } from './cohesion.js';
import type { RuleReading } from './rule-reading.js';
import { roundupFeatures } from './roundup.js';

/**
 * Features of one unit for the page-structure model: what a text dump offers. Each is a
 * name; the model holds a weight per name and label. Names are short because the weights file
 * lists them all.
 */

/** Boxes printed right under a headline: the lead summary (核心阅读, 内容提要, 导读). */
const LEAD_BOX = /^(?:核心阅读|内容提要|导读|阅读提示|编者按)/u;

/**
 * How news stories open: a time (近日, 日前, 3月5日), a source (记者从…获悉, 据…). A heading
 * over such a line is more often a headline than a subhead.
 */
const STORY_OPENER =
  /^(?:近日|日前|近期|目前|今年|去年|今天|昨天|昨日|今日|前不久|[0-9０-９一二三四五六七八九十]{1,4}月[0-9０-９一二三四五六七八九十]{1,3}日|[0-9０-９]{4}年|记者[^，。]{0,12}(?:获悉|了解到)|据)/u;

/** Text looked at on each side of a unit for lexical cohesion (TextTiling-style windows). */
const COHESION_BEFORE_CHARS = 400;
const COHESION_AFTER_CHARS = 200;
/** The wider window before a heading line: about a short story's length. */
const COHESION_WIDE_CHARS = 1500;
/**
 * Windows of the content-pair count (`sharedRarePairs`): about a story's last paragraphs before,
 * the next paragraphs after. Chosen on fit pages together with the threshold of rare pairs.
 */
const RARE_BEFORE_CHARS = 400;
const RARE_AFTER_CHARS = 500;
/** Upper edges of the buckets of shared content pairs. */
const RARE_EDGES = [0, 1, 2, 3, 5, 8, 13];
/** Upper edges of the length buckets, in characters: kickers and subheads are short, headlines longer. */
const LENGTH_EDGES = [4, 8, 12, 16, 20, 26, 32, 45, 70, 120];
/** Upper edges of the cohesion buckets: share of the bigrams after that were seen before. */
const COHESION_EDGES = [0, 0.04, 0.08, 0.14, 0.22, 0.35, 0.5];

function bucket(value: number, edges: readonly number[]): number {
  const k = edges.findIndex((e) => value <= e);
  return k === -1 ? edges.length : k;
}

function endClass(text: string): string {
  const last = text[text.length - 1] ?? '';
  if ('。！？!?…'.includes(last)) return 'stop';
  if ('，、；：,;:'.includes(last)) return 'clause';
  if ('”’」』）)》】'.includes(last)) return 'close';
  if ('—–-'.includes(last)) return 'dash';
  if (/\d/u.test(last)) return 'digit';
  return 'none';
}

/** Whether a paragraph unit opens mid-sentence; asked for each unit and its neighbour, tagged once. */
const midSentence = new WeakMap<Unit, boolean>();
function opensMidSentence(unit: Unit): boolean {
  if (unit.shape !== 'paragraph') return false;
  let mid = midSentence.get(unit);
  if (mid === undefined) {
    mid = startsMidSentence(unit.block.text);
    midSentence.set(unit, mid);
  }
  return mid;
}

/** Where unit `i` stands in its run of consecutive heading-shaped units. */
function headingRun(units: readonly Unit[], i: number): { length: number; index: number } {
  let first = i;
  while (first > 0 && units[first - 1].shape === 'heading' && !units[first].afterFurniture) first--;
  let last = i;
  while (
    last + 1 < units.length &&
    units[last + 1].shape === 'heading' &&
    !units[last + 1].afterFurniture
  )
    last++;
  return { length: last - first + 1, index: i - first };
}

function shapeFeatures(prefix: string, unit: Unit | undefined): string[] {
  if (!unit) return [`${prefix}none`];
  return [`${prefix}${unit.shape}`, `${prefix}len${bucket(unit.block.text.length, LENGTH_EDGES)}`];
}

/** Heading marks of a neighbouring line. */
function markFeatures(prefix: string, text: string): string[] {
  const out: string[] = [];
  if (DASH_OPENER.test(text)) out.push(`${prefix}dashOpen`);
  if (COLUMN_TAG.test(text)) out.push(`${prefix}colTag`);
  if (NUMBERED.test(text)) out.push(`${prefix}numbered`);
  if (SECTION_LABEL.test(text) || LEAD_BOX.test(text)) out.push(`${prefix}section`);
  return out;
}

function textFeatures(text: string): string[] {
  const out = [`len${bucket(text.length, LENGTH_EDGES)}`, `end:${endClass(text)}`];
  if (/[：:]/u.test(text)) out.push('colon');
  if (/[“”"「《]/u.test(text)) out.push('quote');
  if (/[，,]/u.test(text)) out.push('comma');
  if (/\d|[０-９]/u.test(text)) out.push('digit');
  if (/[A-Za-zＡ-Ｚａ-ｚ]/u.test(text)) out.push('latin');
  if (/[\s\u3000]/u.test(text)) out.push('space');
  if (COLUMN_TAG.test(text)) out.push('colTag');
  if (DASH_OPENER.test(text)) out.push('dashOpen');
  if (DASH_CLOSER.test(text)) out.push('dashClose');
  if (NUMBERED.test(text)) out.push('numbered');
  if (SECTION_LABEL.test(text)) out.push('section');
  return out;
}

/** What is computed once per page for every unit's features. */
export interface PageContext {
  units: readonly Unit[];
  readings: readonly RuleReading[];
  /** Cohesion at each unit (`cohesion.ts`) over the narrow and the wide window before it. */
  cohesion: readonly number[];
  wideCohesion: readonly number[];
  /** How much of each heading's wording the text before and after it repeats. */
  echo: Echo;
  /** Content pairs the text after each unit shares with the text before it. */
  rarePairs: readonly number[];
}

export function pageContext(units: readonly Unit[], readings: readonly RuleReading[]): PageContext {
  const pairs = pagePairs(units);
  const [cohesion, wideCohesion] = cohesionByUnit(
    pairs,
    [COHESION_BEFORE_CHARS, COHESION_WIDE_CHARS],
    COHESION_AFTER_CHARS,
  );
  const echo = echoByUnit(pairs, COHESION_WIDE_CHARS, COHESION_BEFORE_CHARS, mayBeHeading);
  const rarePairs = sharedRarePairs(pairs, RARE_BEFORE_CHARS, RARE_AFTER_CHARS);
  return { units, readings, cohesion, wideCohesion, echo, rarePairs };
}

/** The features of unit `i` that do not depend on the label before it. */
export function unitFeatures(page: PageContext, i: number): string[] {
  const { units, readings } = page;
  const unit = units[i];
  const text = unit.block.text;
  const out = ['bias', `shape:${unit.shape}`, ...textFeatures(text)];
  out.push(...shapeFeatures('p:', units[i - 1]), ...shapeFeatures('n:', units[i + 1]));
  // What the next line says of this one: a dash-led line or 核心阅读 sits under a headline.
  if (units[i + 1]) out.push(...markFeatures('n:', units[i + 1].block.text));
  if (units[i + 1]?.shape === 'paragraph' && STORY_OPENER.test(units[i + 1].block.text))
    out.push('n:opener');
  out.push(`nn:${units[i + 2]?.shape ?? 'none'}`, `pp:${units[i - 2]?.shape ?? 'none'}`);
  if (i === 0) out.push('first');
  if (i === units.length - 1) out.push('last');
  if (unit.afterFurniture) out.push('afterFurn');
  if (unit.afterStoryEnd) out.push('afterEnd');
  if (unit.continued) out.push('continued');
  // Furniture between this unit and the next: a headline has its body right under it.
  if (units[i + 1]?.afterFurniture) out.push('n:afterFurn');
  if (units[i + 1]?.afterStoryEnd) out.push('n:afterEnd');
  if (unit.block.repeated) out.push('repeated');
  // A sentence the paper prints again below (dedupe's pull quote): story text, not a heading.
  if (unit.block.pullQuote) out.push('pullQuote');
  if (unit.block.lacunaBefore) out.push('lacBefore');
  if (opensMidSentence(unit)) out.push('midStart');
  // The next unit carries on a sentence this one broke off: a cut paragraph, not a heading.
  const following = units[i + 1];
  if (following && opensMidSentence(following)) out.push('n:mid');
  if (units[i - 1]) out.push(`p:end:${endClass(units[i - 1].block.text)}`);
  // A word running across the seam to the next unit: one sentence cut in two, not a heading.
  if (unit.shape === 'heading' && following && findCrossingWord(text, following.block.text))
    out.push('n:cross');
  if (unit.shape === 'heading') {
    const run = headingRun(units, i);
    out.push(`run${Math.min(run.length, 5)}`, `runAt${Math.min(run.index, 4)}`);
    out.push(`runLeft${Math.min(run.length - 1 - run.index, 4)}`);
    const next = units[i + 1];
    if (next?.shape === 'heading')
      out.push(text.length < next.block.text.length ? 'shorterNext' : 'longerNext');
  }
  out.push(...contextFeatures(units, i));
  const c = page.cohesion[i];
  out.push(c < 0 ? 'coh:none' : `coh${bucket(c, COHESION_EDGES)}`);
  if (unit.shape === 'heading') {
    out.push(c < 0 ? 'hcoh:none' : `hcoh${bucket(c, COHESION_EDGES)}`);
    // A wider window: a subhead shares words with the whole story so far, not only its last lines.
    const wide = page.wideCohesion[i];
    out.push(wide < 0 ? 'hcohW:none' : `hcohW${bucket(wide, COHESION_EDGES)}`);
  }
  const rare = page.rarePairs[i];
  const rareBucket = rare < 0 ? 'none' : String(bucket(rare, RARE_EDGES));
  out.push(`rp${rareBucket}`);
  if (unit.shape === 'heading') {
    out.push(`hrp${rareBucket}`, ...wordFeatures(text));
    out.push(...ruleStoryFeatures(units, readings, i), ...roundupFeatures(units, i));
  }
  if (mayBeHeading(unit))
    out.push(...echoFeatures(unit.shape, page.echo.before[i], page.echo.after[i]));
  if (following) out.push(`end:${endClass(text)}|nmid:${opensMidSentence(following)}`);
  const rule = readings[i];
  out.push(`r:${rule.role}`, `r:open${rule.opens}`);
  if (rule.opens) out.push(`r:${rule.role}+`);
  const prevRule = readings[i - 1];
  if (prevRule) out.push(`pr:${prevRule.role}`);
  out.push(`r:${rule.role}|s:${unit.shape}`);
  // Pairs a linear model cannot form on its own.
  const len = bucket(text.length, LENGTH_EDGES);
  const next = units[i + 1]?.shape ?? 'none';
  out.push(`s:${unit.shape}|len${len}|n:${next}`);
  if (unit.shape === 'heading') {
    out.push(`hlen${len}|coh${c < 0 ? 'none' : bucket(c, COHESION_EDGES)}`);
  }
  return out;
}

/**
 * The words a heading line opens and closes with, and their parts of speech (jieba): a kicker
 * often ends in a verb of saying (强调, 指出) or a document (通知, 意见), a headline opens with
 * its subject (a place, a body), a subhead is often a phrase that opens with a preposition.
 * Learned per label like every other feature; rare words are dropped at training (`lexicalMinCount`).
 */
function wordFeatures(text: string): string[] {
  const words = tag(text).filter((w) => w.tag !== 'x');
  if (words.length === 0) return [];
  const first = words[0];
  const last = words[words.length - 1];
  const out = [`fw:${first.word}`, `lw:${last.word}`, `fp:${first.tag}`, `lp:${last.tag}`];
  for (const t of new Set(words.map((w) => w.tag)))
    if (t === 'ns' || t === 'nr' || t === 'nt' || t === 'nz') out.push(`ne:${t}`);
  return out;
}

/** Whether a feature names a word (`wordFeatures`): training keeps only words that recur. */
export function isLexical(feature: string): boolean {
  return feature.startsWith('fw:') || feature.startsWith('lw:');
}

/** Upper edges of the echo buckets: share of a heading's pairs the text on one side repeats. */
const ECHO_EDGES = [0, 0.15, 0.35, 0.6];

/** Longest line that may be a heading printed as a sentence (a subhead with commas). */
const ECHO_MAX_CHARS = 70;

/** A heading, or a short line that does not end a sentence: the lines whose echo is asked. */
function mayBeHeading(unit: Unit): boolean {
  const text = unit.block.text;
  if (unit.shape === 'heading') return true;
  return unit.shape === 'paragraph' && text.length <= ECHO_MAX_CHARS && endClass(text) !== 'stop';
}

function echoFeatures(shape: string, before: number, after: number): string[] {
  const b = before < 0 ? 'none' : String(bucket(before, ECHO_EDGES));
  const a = after < 0 ? 'none' : String(bucket(after, ECHO_EDGES));
  const s = shape === 'heading' ? '' : 'p';
  return [`${s}echoB${b}`, `${s}echoA${a}`, `${s}echoB${b}|A${a}`];
}

/** Upper edges of the buckets of paragraphs counted in a story. */
const STORY_PARAGRAPH_EDGES = [0, 1, 2, 4, 8, 16];

/**
 * Where a heading line stands in the story the hand rules put it in: how many other lines of
 * that story they read as subheads (subheads come in sets; a lone one is often a missed
 * headline), and how many paragraphs of the story stand before and after it.
 */
function ruleStoryFeatures(
  units: readonly Unit[],
  readings: readonly RuleReading[],
  i: number,
): string[] {
  let first = i;
  while (first > 0 && !readings[first].opens) first--;
  let end = i + 1;
  while (end < units.length && !readings[end].opens) end++;
  let subheads = 0;
  let before = 0;
  let after = 0;
  for (let j = first; j < end; j++) {
    if (j === i) continue;
    if (readings[j].role === 'subhead') subheads++;
    if (readings[j].role === 'paragraph') j < i ? before++ : after++;
  }
  if (readings[i].opens) return [`rsOpen|sub${Math.min(subheads, 3)}`];
  return [
    `rsSub${Math.min(subheads, 3)}`,
    `rsParaB${bucket(before, STORY_PARAGRAPH_EDGES)}`,
    `rsParaA${bucket(after, STORY_PARAGRAPH_EDGES)}`,
  ];
}

/** Paragraph units since the last heading-shaped one: subheads come a few paragraphs apart. */
const SINCE_EDGES = [0, 1, 2, 4, 8, 16];
/** How far around a heading we look for another heading of the same length (parallel subheads). */
const PARALLEL_WINDOW = 24;
/** Lengths within this many characters count as the same (parallel form). */
const PARALLEL_SLACK = 2;

function contextFeatures(units: readonly Unit[], i: number): string[] {
  const out: string[] = [];
  let since = 0;
  for (let j = i - 1; j >= 0 && units[j].shape !== 'heading'; j--) since++;
  out.push(`since${bucket(since, SINCE_EDGES)}`);
  const unit = units[i];
  if (unit.shape !== 'heading') return out;
  const length = unit.block.text.length;
  let parallel = 0;
  for (
    let j = Math.max(0, i - PARALLEL_WINDOW);
    j < Math.min(units.length, i + PARALLEL_WINDOW);
    j++
  ) {
    if (Math.abs(j - i) < 2 || units[j].shape !== 'heading') continue;
    if (Math.abs(units[j].block.text.length - length) <= PARALLEL_SLACK) parallel++;
  }
  out.push(`parallel${Math.min(parallel, 3)}`);
  const rest = units.length - 1 - i;
  out.push(`tail${bucket(rest, SINCE_EDGES)}`);
  return out;
}

/**
 * What the transition features read of a unit: its length bucket, shape and the rules' reading.
 * Units with the same key get the same transition features after the same label.
 */
export function transitionKey(unit: Unit, reading: RuleReading): string {
  const len = bucket(unit.block.text.length, LENGTH_EDGES);
  return `${len}|${unit.shape}|${reading.role}${reading.opens ? '+' : ''}`;
}

/** The features that pair the label before with what this unit looks like (its `transitionKey`). */
export function transitionFeatures(key: string, previous: string): string[] {
  const [len, shape, rule] = key.split('|');
  return [
    `y-1:${previous}|len${len}`,
    `y-1:${previous}`,
    `y-1:${previous}|s:${shape}`,
    `y-1:${previous}|r:${rule}`,
  ];
}
