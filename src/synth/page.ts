import type { GoldArticle, GoldFile, GoldItem } from '../eval/gold.js';
import { damageArticle } from './damage.js';
import {
  continuationNote,
  editorLine,
  pageHeader,
  paperFurniture,
  QR_CAPTIONS,
} from './furniture.js';
import { itemText, type CleanRecord, type SynthArticle } from './model.js';
import { parseRecord } from './parse.js';
import { rngFor, type Rng } from './prng.js';
import type { Rates } from './rates.js';
import { articleBlocks, layout, type Block } from './render.js';
import { toFullWidth } from './width.js';

/** Hard-wrap widths seen in text dumps of newspaper columns (characters per line). */
const MIN_WRAP = 18;
const MAX_WRAP = 36;

export interface SynthPage {
  id: string;
  text: string;
  encoding: 'utf-8' | 'gb18030';
  gold: GoldFile;
}

interface PageState {
  rng: Rng;
  rates: Rates;
  articles: SynthArticle[];
  blocks: Block[];
  boilerplate: string[];
}

function furniture(s: PageState, text: string): Block {
  s.boilerplate.push(text);
  return { text, article: -1, paragraph: false };
}

/** D4: a run of 1–3 paragraphs printed again right after itself, first character(s) damaged. */
function repeatBlock(s: PageState, blocks: Block[]): Block[] {
  const starts = blocks.map((b, i) => (b.paragraph ? i : -1)).filter((i) => i >= 0);
  if (starts.length === 0) return blocks;
  const start = s.rng.pick(starts);
  const run = s.rng.int(1, 3);
  let end = start + 1;
  while (end < blocks.length && end - start < run && blocks[end].paragraph) end++;
  const copy = blocks.slice(start, end).map((b) => ({ ...b, paragraph: false }));
  const first = Array.from(copy[0].text);
  const cut = Math.min(s.rng.int(1, 3), first.length - 1);
  const junk = first[s.rng.int(0, first.length - 1)];
  copy[0] = { ...copy[0], text: junk + first.slice(cut).join('') };
  return [...blocks.slice(0, end), ...copy, ...blocks.slice(end)];
}

/** D5: headline + the lead cut at a comma, printed again 2–4 times after the article. */
function repeatLead(s: PageState, a: SynthArticle, blocks: Block[], index: number): Block[] {
  const lead = a.body.find((b) => b.kind === 'paragraph');
  if (!lead) return blocks;
  const text = itemText(lead);
  const comma = text.indexOf('，', Math.floor(text.length / 3));
  const cut = comma > 0 ? text.slice(0, comma + 1) : text;
  const copies: Block[] = [];
  for (let n = s.rng.int(2, 4); n > 0; n--) {
    copies.push({ text: a.headline, article: index, paragraph: false });
    copies.push({ text: cut, article: index, paragraph: false });
  }
  return [...blocks, ...copies];
}

/** D7: a QR caption and 1–3 titles of other stories after the article (gold: related). */
function relatedBox(s: PageState, a: SynthArticle, pool: string[]): Block[] {
  const titles = [...new Set(Array.from({ length: s.rng.int(1, 3) }, () => s.rng.pick(pool)))];
  a.related.push(...titles);
  const qr = s.rng.pick(QR_CAPTIONS);
  return [furniture(s, qr), ...titles.map((t) => ({ text: t, article: -1, paragraph: false }))];
}

/** D6 after an article: a QR caption, an editor line, or a continuation note (with its flag). */
function furnitureAfter(s: PageState, a: SynthArticle, pageNo: number): Block {
  const kind = s.rng.int(0, 2);
  if (kind === 0) return furniture(s, s.rng.pick(QR_CAPTIONS));
  if (kind === 1)
    return furniture(
      s,
      editorLine((xs) => s.rng.pick(xs)),
    );
  a.flags.push('continued-elsewhere');
  return furniture(s, continuationNote(pageNo));
}

/** One paragraph moved after the next article: printed out of reading order. */
function moveOutOfOrder(s: PageState): void {
  const candidates = s.blocks
    .map((b, i) => ({ b, i }))
    .filter(
      ({ b, i }) => b.paragraph && s.blocks[i - 1]?.paragraph && b.article + 1 < s.articles.length,
    );
  if (candidates.length === 0) return;
  const { b, i } = s.rng.pick(candidates);
  let nextEnd = -1;
  s.blocks.forEach((x, j) => {
    if (x.article === b.article + 1) nextEnd = j;
  });
  if (nextEnd < i) return;
  s.blocks.splice(i, 1);
  s.blocks.splice(nextEnd, 0, b);
}

function goldItem(it: SynthArticle['body'][number]): GoldItem {
  const g: GoldItem = { kind: it.kind, text: itemText(it) };
  if (it.lacunae.length) g.lacunae = it.lacunae.map((at) => ({ at }));
  if (it.lacunaBefore) g.lacunaBefore = true;
  if (it.lacunaAfter) g.lacunaAfter = true;
  return g;
}

export function goldArticle(a: SynthArticle): GoldArticle {
  const g: GoldArticle = { headline: a.headline, body: a.body.map(goldItem) };
  if (a.kicker) g.kicker = a.kicker;
  if (a.subheadline) g.subheadline = a.subheadline;
  if (a.dateline) {
    const { text, agency, place, date } = a.dateline;
    g.dateline = { text };
    if (agency) g.dateline.agency = agency;
    if (place) g.dateline.place = place;
    if (date) g.dateline.date = date;
  }
  if (a.byline) g.byline = a.byline;
  if (a.sourceTag) g.sourceTag = a.sourceTag;
  if (a.related.length) g.related = [...a.related];
  if (a.flags.length) g.flags = [...a.flags];
  if (a.variants.length) g.variants = [...a.variants];
  // Key order as in the gold format, for readable files.
  const order = [
    'kicker',
    'headline',
    'subheadline',
    'dateline',
    'byline',
    'body',
    'sourceTag',
    'related',
    'flags',
    'variants',
  ];
  return Object.fromEntries(
    order.filter((k) => k in g).map((k) => [k, g[k as keyof GoldArticle]]),
  ) as unknown as GoldArticle;
}

export interface PageOptions {
  id: string;
  seed: number;
  rates: Rates;
  pageNo: number;
  /** Titles of stories not on this page, for related-title boxes. */
  relatedPool: string[];
}

/** The paper's own furniture set: its first half at the head of the page, the rest at the foot. */
function addPaperFurniture(s: PageState, source: string): void {
  const lines = paperFurniture(source);
  const half = Math.ceil(lines.length / 2);
  s.blocks.unshift(...lines.slice(0, half).map((line) => furniture(s, line)));
  s.blocks.push(...lines.slice(half).map((line) => furniture(s, line)));
}

/** Compose one page dump with its gold from clean records, damaged per the rates. */
export function synthPage(records: CleanRecord[], o: PageOptions): SynthPage {
  const rng = rngFor(o.seed, o.id);
  const s: PageState = {
    rng,
    rates: o.rates,
    articles: records.map(parseRecord),
    blocks: [],
    boilerplate: [],
  };
  s.articles.forEach((a, i) => damageArticle(rng, a, o.rates, i === 0));
  if (rng.chance(o.rates.boilerplate))
    s.blocks.push(furniture(s, pageHeader(o.pageNo, records[0].date)));
  s.articles.forEach((a, i) => {
    let blocks = articleBlocks(a, i);
    if (rng.chance(o.rates.repeatBlock)) blocks = repeatBlock(s, blocks);
    if (rng.chance(o.rates.repeatLead)) blocks = repeatLead(s, a, blocks, i);
    if (rng.chance(o.rates.boilerplate)) blocks.push(furnitureAfter(s, a, o.pageNo));
    if (o.relatedPool.length > 0 && rng.chance(o.rates.related))
      blocks.push(...relatedBox(s, a, o.relatedPool));
    s.blocks.push(...blocks);
  });
  if (rng.chance(o.rates.paperFurniture)) addPaperFurniture(s, records[0].source ?? '');
  if (rng.chance(o.rates.outOfOrder)) moveOutOfOrder(s);
  const wrap = rng.chance(o.rates.hardWrap) ? rng.int(MIN_WRAP, MAX_WRAP) : undefined;
  const fullWidth = rng.chance(o.rates.fullWidth);
  const encoding = rng.chance(o.rates.gb18030) ? 'gb18030' : 'utf-8';
  let text = layout(s.blocks, wrap);
  let gold: GoldFile = {
    schema: 'newsmend-gold@1',
    id: o.id,
    articles: s.articles.map(goldArticle),
    boilerplate: [...new Set(s.boilerplate)],
  };
  if (fullWidth) {
    text = toFullWidth(text);
    gold = mapGoldText(gold, toFullWidth);
  }
  return { id: o.id, text, encoding, gold };
}

/** Apply a length-preserving text map to every text field of a gold file (not dates). */
export function mapGoldText(gold: GoldFile, f: (t: string) => string): GoldFile {
  const opt = (t: string | undefined) => (t === undefined ? undefined : f(t));
  return {
    ...gold,
    articles: gold.articles.map((a) => ({
      ...a,
      kicker: opt(a.kicker),
      headline: opt(a.headline),
      subheadline: opt(a.subheadline),
      dateline: a.dateline && {
        ...a.dateline,
        text: f(a.dateline.text),
        place: opt(a.dateline.place),
      },
      byline: opt(a.byline),
      body: a.body.map((b) => ({ ...b, text: f(b.text) })),
      sourceTag: opt(a.sourceTag),
      related: a.related?.map(f),
      variants: a.variants?.map((v) => ({ text: f(v.text), likely: f(v.likely) })),
    })),
    boilerplate: gold.boilerplate?.map(f),
  };
}
