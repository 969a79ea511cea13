import type { GoldArticle } from '../../eval/gold.js';
import { norm, normOffset } from '../../eval/text.js';
import type { GramCounts } from '../../lexicon/char-lm.js';
import type { Doc } from '../../model/doc.js';
import {
  rulesDecide,
  type JunctionCall,
  type JunctionDecider,
  type SeamView,
} from '../../stages/rejoin/decide.js';
import { junctionFeatures, seamScores } from '../../stages/rejoin/junction-features.js';
import {
  JUNCTION_LABELS,
  lossShare,
  type JunctionLabel,
} from '../../stages/rejoin/junction-model.js';

/** Characters of each side of a break looked up in the gold (enough to be unique on a page). */
const PROBE = 8;

/**
 * What the gold says happened at a break between `before` and `after`: the two run on in one
 * gold paragraph (`join`, or `lacuna` where the gold marks lost text at that point), or
 * `before` ends a gold paragraph (`tail` when the gold marks its end as lost, else `end`).
 * Undefined when the gold holds neither (the engine cut a block the gold does not have).
 */
export function goldCall(
  articles: readonly GoldArticle[],
  before: string,
  after: string,
): JunctionLabel | undefined {
  const tail = norm(before).slice(-PROBE);
  const head = norm(after).slice(0, PROBE);
  if (tail.length < 2 || head.length < 2) return undefined;
  const items = articles.flatMap((a) => a.body);
  for (const item of items) {
    const at = norm(item.text).indexOf(tail + head);
    if (at < 0) continue;
    const seam = at + tail.length;
    const lost = (item.lacunae ?? []).some((l) => normOffset(item.text, l.at) === seam);
    return lost ? 'lacuna' : 'join';
  }
  for (const item of items)
    if (norm(item.text).endsWith(tail)) return item.lacunaAfter ? 'tail' : 'end';
  return undefined;
}

/** One break of a training page: the features the model sees at run time, and its gold call. */
export interface JunctionExample {
  features: string[];
  label: number;
  /** What the hand rules would have called: the baseline the hold-out compares with. */
  rules: JunctionCall;
  /** The break is before a stopper: only a lost tail or a paragraph end can be called. */
  stopped: boolean;
}

/**
 * A decider for training: it records each break it is asked about (features read with the
 * fold's language model) with the gold call, and answers with the gold call, so the blocks
 * after a break are what a right decision leaves (the rules' call where the gold is silent).
 */
export function recordingDecider(
  lm: GramCounts,
  articles: readonly GoldArticle[],
  into: JunctionExample[],
): JunctionDecider {
  return (doc: Doc, live) => {
    const share = lossShare(doc, live, lm);
    return (seam: SeamView) => {
      const rules = rulesDecide(seam);
      const gold = goldCall(articles, seam.cut.text, seam.next.text);
      if (!gold) return rules;
      const scores = seamScores(lm, seam.cut.text, seam.next.text);
      const features = junctionFeatures(seam, scores, share);
      const label = JUNCTION_LABELS.indexOf(gold);
      into.push({ features, label, rules: rules.call, stopped: seam.stop !== undefined });
      return { call: gold };
    };
  };
}
