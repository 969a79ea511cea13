/**
 * The cross-document duplicate set: fit pages as printed, and "reprint" pages in which some of
 * their stories appear again — unchanged, re-headlined, a paragraph cut, a dateline added, the
 * lead's first sentence dropped — beside stories printed nowhere else, every page damaged
 * with its own seed. Pages come in a shuffled order, so a reprint may come before its original.
 * Each mended article is traced to the story it holds by its shingles; the run's verdicts are
 * scored at article level: a verdict is right when the article and the one it names hold the
 * same story (a reprint, or a story the paper itself printed twice: clean texts with Jaccard
 * ≥ SAME_STORY_JACCARD).
 */
import { mend } from '../pipeline.js';
import { corpusRecords } from '../render/jsonl.js';
import { CrossDuplicates, DUPLICATE_JACCARD } from '../run/dedup/cross.js';
import { signature } from '../run/dedup/minhash.js';
import { pageBytes, synthPlans, type PagePlan } from '../synth/index.js';
import type { CleanRecord } from '../synth/model.js';
import { hashString, Rng } from '../synth/prng.js';
import { PROFILES } from '../synth/rates.js';
import { samplePlans, splitPlans } from './splits.js';

/** Share of a page's stories reprinted. */
const REPRINT_SHARE = 0.5;
/** Stories printed once, added to each reprint page. */
const FILLERS_PER_PAGE = 2;
/**
 * Clean texts this alike are one story printed twice by the paper itself (a wire story on two
 * pages, one a shortened version): the kind of copy the finder is for, so it counts as one.
 */
const SAME_STORY_JACCARD = 0.5;
/**
 * An article comes from a story when at least this share of its shingles are the story's, and
 * holds it when it also has this share of the story's shingles. A copy (what recall counts) is
 * an article holding a story an earlier article holds; a verdict is right when the article and
 * the one it names come from the same story (a fragment of a story flagged as a copy of the
 * whole is duplicated text all the same).
 */
const HOLD_MIN_SHARE = 0.5;
const SHINGLE = 5;

export type Edit = 'unchanged' | 'headline' | 'paragraph-cut' | 'dateline' | 'lead';
const EDITS: readonly Edit[] = ['unchanged', 'headline', 'paragraph-cut', 'dateline', 'lead'];

/** A story of the set: where it was first printed. */
type Story = string;

interface SetPage {
  id: string;
  bytes: Uint8Array;
  /** The stories printed on it, with their clean text. */
  stories: { story: Story; text: string }[];
}

function edited(record: CleanRecord, edit: Edit): CleanRecord {
  const paragraphs = record.content.split('\n').filter((p) => p.trim() !== '');
  switch (edit) {
    case 'unchanged':
      return record;
    case 'headline': {
      const lead = paragraphs[0] ?? record.title;
      const clause = lead.split(/[，。；！？]/u)[0].slice(0, 24);
      return {
        ...record,
        title: clause || `${record.title}（转载）`,
        kicker: null,
        subtitle: null,
      };
    }
    case 'paragraph-cut':
      if (paragraphs.length < 3) return record;
      return { ...record, content: paragraphs.filter((_, i) => i !== 1).join('\n') };
    case 'dateline':
      return { ...record, content: `新华社北京电　${record.content}` };
    case 'lead': {
      const first = paragraphs[0] ?? '';
      const cut = first.indexOf('。');
      if (cut < 0 || cut === first.length - 1) return record;
      return { ...record, content: [first.slice(cut + 1), ...paragraphs.slice(1)].join('\n') };
    }
  }
}

const storyText = (r: CleanRecord) => `${r.title}\n${r.content}`;

export interface DedupSet {
  pages: SetPage[];
  /** Reprints made, by edit. */
  reprints: Record<Edit, number>;
}

/** The set from `pages` fit pages (a fixed sample), damaged with `seed`. */
export function dedupSet(sharedEval: string, pages: number, seed: number): DedupSet {
  const plans = splitPlans(sharedEval, 'fit', seed);
  const chosen = samplePlans(plans, pages);
  const inSet = new Set(chosen);
  const fillers = plans.filter((p) => !inSet.has(p)).flatMap((p) => p.records);
  const rng = new Rng(hashString(`dedup:${seed}`));
  const reprints = Object.fromEntries(EDITS.map((e) => [e, 0])) as Record<Edit, number>;
  const storyOf = new Map<CleanRecord, Story>();
  const reprintPlans: PagePlan[] = [];
  let filler = 0;
  for (const plan of chosen) {
    plan.records.forEach((r, i) => storyOf.set(r, `${plan.id}#${i}`));
    const again = plan.records.filter(() => rng.chance(REPRINT_SHARE));
    if (again.length === 0) continue;
    const records = again.map((r) => {
      const edit = rng.pick(EDITS);
      reprints[edit]++;
      const copy = edited(r, edit);
      storyOf.set(copy, storyOf.get(r)!);
      return copy;
    });
    for (let k = 0; k < FILLERS_PER_PAGE && filler < fillers.length; k++) {
      const r = fillers[filler++];
      storyOf.set(r, `filler#${filler}`);
      records.splice(rng.int(0, records.length), 0, r);
    }
    reprintPlans.push({ id: `${plan.id}-reprint`, pageNo: plan.pageNo, records });
  }
  const damaged = [
    ...synthPlans(chosen, seed, PROFILES.dev, plans),
    ...synthPlans(reprintPlans, seed + 1, PROFILES.dev, plans),
  ];
  const byId = new Map([...chosen, ...reprintPlans].map((p) => [p.id, p]));
  const setPages = damaged.map((page) => ({
    id: page.id,
    bytes: pageBytes(page).bytes,
    stories: byId
      .get(page.id)!
      .records.map((r) => ({ story: storyOf.get(r)!, text: storyText(r) })),
  }));
  setPages.sort((a, b) => hashString(`order:${a.id}`) - hashString(`order:${b.id}`));
  return { pages: setPages, reprints };
}

/** The hashed 5-character shingles of a text's letters, digits and CJK characters. */
function shingles(text: string): Set<number> {
  const kept = text.replace(/[^\p{L}\p{N}]/gu, '');
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= kept.length; i++) out.add(hashString(kept.slice(i, i + SHINGLE)));
  return out;
}

function shared(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Stories the paper printed twice itself (clean texts nearly the same): one story. */
function sameStories(pages: SetPage[]): (a: Story, b: Story) => boolean {
  const texts = new Map<Story, Set<number>>();
  for (const p of pages)
    for (const s of p.stories) if (!texts.has(s.story)) texts.set(s.story, shingles(s.text));
  const postings = new Map<number, Story[]>();
  for (const [story, set] of texts)
    for (const x of set) {
      const list = postings.get(x);
      if (list) list.push(story);
      else postings.set(x, [story]);
    }
  const overlap = new Map<string, number>();
  for (const list of postings.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const key = [list[i], list[j]].sort().join('|');
        overlap.set(key, (overlap.get(key) ?? 0) + 1);
      }
  const twins = new Set<string>();
  for (const [key, n] of overlap) {
    const [a, b] = key.split('|');
    const union = texts.get(a)!.size + texts.get(b)!.size - n;
    if (n / union >= SAME_STORY_JACCARD) twins.add(key);
  }
  return (a, b) => a === b || twins.has([a, b].sort().join('|'));
}

export interface DedupScore {
  pages: number;
  articles: number;
  /** Articles holding a story an earlier article of the run holds (traced through the gold). */
  copies: number;
  /** Articles the run called copies; those that named an article of their story; copies found. */
  flagged: number;
  right: number;
  found: number;
  precision: number;
  recall: number;
  notJudged: number;
  reprints: Record<Edit, number>;
  bytesPerArticle: number;
}

/**
 * The story an article comes from (most of its shingles are the story's), and whether it holds
 * that story (it also has most of the story's shingles; a fragment does not).
 */
function traceStory(
  own: Set<number>,
  stories: { story: Story; set: Set<number> }[],
): { story: Story | null; holds: boolean } {
  let best: { story: Story; set: Set<number>; n: number } | undefined;
  for (const s of stories) {
    const n = shared(own, s.set);
    if (!best || n > best.n) best = { ...s, n };
  }
  if (!best || own.size === 0 || best.n / own.size < HOLD_MIN_SHARE)
    return { story: null, holds: false };
  return {
    story: best.story,
    holds: best.set.size > 0 && best.n / best.set.size >= HOLD_MIN_SHARE,
  };
}

/** Mend every page in order, judge each article as `newsmend run` does, and score it. */
export function scoreDedup(set: DedupSet, threshold = DUPLICATE_JACCARD): DedupScore {
  const same = sameStories(set.pages);
  const duplicates = new CrossDuplicates('mark', threshold);
  const storyOfId = new Map<string, Story | null>();
  /** Stories held by an article so far. */
  const held: Story[] = [];
  let articles = 0;
  let copies = 0;
  let flagged = 0;
  let right = 0;
  let found = 0;
  let notJudged = 0;
  for (const page of set.pages) {
    const stories = page.stories.map((s) => ({ story: s.story, set: shingles(s.text) }));
    const edition = mend(page.bytes, { name: page.id });
    for (const record of corpusRecords(edition)) {
      articles++;
      const { story, holds } = traceStory(shingles(record.text), stories);
      storyOfId.set(record.id, story);
      const isCopy = holds && held.some((s) => same(s, story!));
      if (isCopy) copies++;
      const sig = signature(record.text);
      if (!sig) notJudged++;
      const verdict = duplicates.judge(record.id, sig && Buffer.from(sig).toString('base64'));
      if (verdict) {
        flagged++;
        const head = storyOfId.get(verdict.of);
        if (story !== null && head !== null && head !== undefined && same(head, story)) {
          right++;
          if (isCopy) found++;
        }
      }
      if (holds) held.push(story!);
    }
  }
  return {
    pages: set.pages.length,
    articles,
    copies,
    flagged,
    right,
    found,
    precision: flagged === 0 ? 1 : right / flagged,
    recall: copies === 0 ? 1 : found / copies,
    notJudged,
    reprints: set.reprints,
    bytesPerArticle: CrossDuplicates.BYTES_PER_ARTICLE,
  };
}
