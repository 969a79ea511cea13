import { defineRules } from '../rule.js';

/**
 * Why a block counted as cut: running text that stops without ending its sentence, or a
 * heading-shaped piece that the dump shows to be the head of a broken sentence.
 */
export type CutKind = 'running-text' | 'heading-shaped';

/** What makes the next block unable to carry on the sentence (a lost tail). */
export type Stopper = 'labelled' | 'credit' | 'enumeration' | 'heading';

export type JoinFacts = { cut: CutKind };
export type WordJoinFacts = JoinFacts & { word: string };
export type LacunaJoinFacts = JoinFacts & { lacuna: string; confidence: number };
export type RestorationFacts = {
  missing: string;
  before: string;
  after: string;
  /** How often before·missing·after occurs in the dump, and before·after with nothing between. */
  count: number;
  directCount: number;
};
export type PairFacts = { pair: string; count: number; expected: number };
export type OrphanFacts = { orphan: string; side: 'before' | 'after' };
export type StopFacts = JoinFacts & { next: Stopper };
/** A break the junction model decided: its probability and the features that weighed most. */
export type ModelJunctionFacts = JoinFacts & { probability: number; features: string };
/** A lost tail before a sentence opener, with the lacuna evidence at the seam if there was any. */
export type OpensFacts = JoinFacts & {
  lacuna?: 'unseen-pair' | 'rare-pair' | 'orphan';
} & Partial<PairFacts> &
  Partial<OrphanFacts>;

const STOPPERS: Record<Stopper, string> = {
  labelled: 'a dateline or source tag',
  credit: 'a byline, credit or note',
  enumeration: 'an enumeration or bullet',
  heading: 'a heading no word runs into',
};

function pairEvidence(f: PairFacts): string {
  return f.count === 0
    ? `“${f.pair}” never stands side by side in the reference corpus`
    : `“${f.pair}” stands side by side only ${f.count}× in the reference corpus, far below chance (${f.expected.toFixed(1)})`;
}

function orphanEvidence(f: OrphanFacts): string {
  return `“${f.orphan}” is left without its word at the break`;
}

const LACUNA_NOTE =
  'judgement near what the dev set measures: lacuna precision 0.54, recall 0.46 over all detectors (docs/eval.md)';
const TAIL_NOTE =
  'judgement: a paragraph stopping mid-sentence is unambiguous; that text was lost rather than misplaced is not checked';

function modelEvidence(f: ModelJunctionFacts): string {
  return `junction model p=${f.probability}; weighed most: ${f.features}`;
}
const MODEL_NOTE =
  'the junction model’s probability (multinomial logistic regression over the break, trained by `npm run train` on fit pages; docs/architecture.md)';

export const RULES = defineRules('rejoin', {
  midSentence: {
    id: 'rejoin.mid-sentence',
    category: 'join',
    action: 'join',
    reason: 'paragraph split mid-sentence at a column break',
    evidence: (f: JoinFacts) =>
      f.cut === 'running-text'
        ? 'the first block stops mid-sentence'
        : 'a heading-shaped piece continues into the next block',
    confidence: 0.75,
    confidenceNote:
      'judgement, checked on the dev set: paragraph-boundary precision 0.91 counts these joins with the rest',
  },
  crossingWord: {
    id: 'rejoin.crossing-word',
    category: 'join',
    action: 'join',
    reason: 'paragraph split mid-word at a column break',
    evidence: (f: WordJoinFacts) => `the word “${f.word}” runs across the break`,
    confidence: 0.95,
    confidenceNote: 'judgement: a dictionary word of 2+ characters spans the seam',
  },
  acrossLacuna: {
    id: 'rejoin.across-lacuna',
    category: 'join',
    action: 'join',
    reason: 'paragraph split at a break where text was lost',
    evidence: (f: LacunaJoinFacts) => `the next entry (${f.lacuna}) says what was lost`,
    confidence: (f: LacunaJoinFacts) => f.confidence,
    confidenceNote: 'that of the lacuna found at the seam',
  },
  restoration: {
    id: 'rejoin.restoration',
    category: 'restoration',
    action: 'suggest',
    reason: (f: RestorationFacts) => `text lost at the break; “${f.missing}” restores it`,
    evidence: (f: RestorationFacts) =>
      `“${f.before}${f.missing}${f.after}” occurs ${f.count}× in this dump`,
    confidence: (f: RestorationFacts) => Math.min(0.95, 0.6 + 0.1 * f.count),
    confidenceNote:
      'judgement: 0.6 plus 0.1 per attestation in the dump, at most 0.95; only when the attested form outnumbers the seam as printed',
  },
  unseenPair: {
    id: 'rejoin.unseen-pair',
    category: 'lacuna',
    action: 'flag',
    reason: 'text lost at the break',
    evidence: pairEvidence,
    confidence: 0.6,
    confidenceNote: `${LACUNA_NOTE}; an unseen pair with ≥0.2 expected flags 38% of lost-text seams and under 6% of clean ones`,
  },
  rarePair: {
    id: 'rejoin.rare-pair',
    category: 'lacuna',
    action: 'flag',
    reason: 'text lost at the break',
    evidence: pairEvidence,
    confidence: 0.6,
    confidenceNote: `${LACUNA_NOTE}; adding rare pairs raised recall 0.43→0.47 at unchanged precision`,
  },
  orphan: {
    id: 'rejoin.orphan',
    category: 'lacuna',
    action: 'flag',
    reason: 'text lost at the break',
    evidence: orphanEvidence,
    confidence: 0.6,
    confidenceNote: LACUNA_NOTE,
  },
  lastBlock: {
    id: 'rejoin.lost-tail-last',
    category: 'lacuna',
    action: 'flag',
    reason: 'paragraph stops mid-sentence at the end of the dump',
    confidence: 0.7,
    confidenceNote: TAIL_NOTE,
  },
  noContinuation: {
    id: 'rejoin.lost-tail-stopped',
    category: 'lacuna',
    action: 'flag',
    reason: 'paragraph stops mid-sentence and nothing here continues it',
    evidence: (f: StopFacts) => `the next block is ${STOPPERS[f.next]}`,
    confidence: 0.7,
    confidenceNote: TAIL_NOTE,
  },
  teaser: {
    id: 'rejoin.lost-tail-teaser',
    category: 'lacuna',
    action: 'flag',
    reason: 'paragraph stops mid-sentence and nothing here continues it',
    evidence: () =>
      'every copy of this repeated block stops at the same place: a teaser, not a column break',
    confidence: 0.7,
    confidenceNote: TAIL_NOTE,
  },
  opensSentence: {
    id: 'rejoin.lost-tail-new-sentence',
    category: 'lacuna',
    action: 'flag',
    reason: 'paragraph stops mid-sentence and the next block opens a sentence of its own',
    evidence: (f: OpensFacts) =>
      f.pair !== undefined
        ? pairEvidence(f as PairFacts)
        : f.orphan !== undefined
          ? orphanEvidence(f as OrphanFacts)
          : undefined,
    confidence: 0.7,
    confidenceNote: TAIL_NOTE,
  },
  modelJoin: {
    id: 'rejoin.model-join',
    category: 'join',
    action: 'join',
    reason: 'paragraph split mid-sentence at a column break (junction model)',
    evidence: modelEvidence,
    confidence: (f: ModelJunctionFacts) => f.probability,
    confidenceNote: MODEL_NOTE,
  },
  modelLacuna: {
    id: 'rejoin.model-lacuna',
    category: 'lacuna',
    action: 'flag',
    reason: 'text lost at the break (junction model)',
    evidence: modelEvidence,
    confidence: (f: ModelJunctionFacts) => f.probability,
    confidenceNote: MODEL_NOTE,
  },
  modelTail: {
    id: 'rejoin.model-lost-tail',
    category: 'lacuna',
    action: 'flag',
    reason:
      'paragraph stops mid-sentence and the next block opens a paragraph of its own (junction model)',
    evidence: modelEvidence,
    confidence: (f: ModelJunctionFacts) => f.probability,
    confidenceNote: MODEL_NOTE,
  },
});
