import { defineRules } from '../rule.js';

/** Facts of a label: the article the text went to, and the shape its line has on its own. */
export type LabelFacts = { article: string; shape: string };
/** Facts of an article boundary: where the article starts and what opens it. */
export type BoundaryFacts = { at: number; article: string };
/**
 * Facts of a decision of the page-structure model: the probability of the label it chose (its
 * marginal over every labelling of the page), the features that weighed most for it, and the
 * runner-up label.
 */
export type ModelFacts = {
  article: string;
  label: string;
  probability: number;
  features: string;
  runnerUp: string;
};
export type ModelLabelFacts = ModelFacts;
export type ModelBoundaryFacts = ModelFacts & { at: number };

/** Where the model's confidences come from. */
const MODEL =
  'the model’s own probability for the label, over every labelling of the page (data/structure-model.json.gz, trained by `npm run train` on fit pages)';

function modelEvidence(f: ModelFacts): string {
  return `${f.label} p=${f.probability} (next best ${f.runnerUp}); weighed most: ${f.features}`;
}

/** Facts of a paragraph that opens mid-sentence. */
export type OpeningFacts = { article: string };

/** Where the measured confidences come from. */
const DEV = 'measured: `npm run eval`, synthetic dev set (docs/eval.md)';
const JUDGED = 'judgement: not measured on its own by the scorer';

function label<const Id extends string>(id: Id, reason: string, confidence: number, note: string) {
  return {
    id,
    category: 'role',
    action: 'label',
    reason,
    evidence: (f: LabelFacts) => `in ${f.article}; the line alone is shaped as ${f.shape}`,
    confidence,
    confidenceNote: note,
  } as const;
}

export const RULES = defineRules('segment', {
  kicker: label(
    'segment.kicker',
    'heading line above the headline of its group (引题)',
    0.5,
    `${DEV}: kicker accuracy 0.50`,
  ),
  headline: label(
    'segment.headline',
    'heading line right above the story’s body, or the one its group marks as the headline',
    0.9,
    `${DEV}: headline exact match 0.93`,
  ),
  subheadline: label(
    'segment.subheadline',
    'heading line under the headline of its group (副题)',
    0.6,
    JUDGED,
  ),
  dateline: label(
    'segment.dateline',
    'the dateline that opens the story',
    0.75,
    `${DEV}: dateline accuracy 0.78`,
  ),
  byline: label(
    'segment.byline',
    'a byline before the story’s body',
    0.7,
    `${DEV}: byline accuracy 0.74`,
  ),
  sectionByline: label(
    'segment.section-byline',
    'a byline inside the story (a section’s reporter)',
    0.7,
    `${DEV}: byline accuracy 0.74`,
  ),
  subhead: label(
    'segment.subhead',
    'heading line inside the story: a subhead, not the headline of a new one',
    0.7,
    JUDGED,
  ),
  paragraph: label(
    'segment.paragraph',
    'running text of the story',
    0.9,
    `${DEV}: body char-bigram precision 0.92`,
  ),
  roundupItem: label(
    'segment.roundup-item',
    'a dateline inside a running story opens another item of a roundup, one paragraph with its text',
    0.8,
    JUDGED,
  ),
  caption: label(
    'segment.caption',
    'a photo caption or credit by its shape (图①：…, …摄)',
    0.85,
    JUDGED,
  ),
  photoCaption: label(
    'segment.photo-caption',
    'a short paragraph before a photo credit, or between a headline and its dateline',
    0.6,
    JUDGED,
  ),
  note: label('segment.note', 'an editor’s, author’s or credit note', 0.85, JUDGED),
  extraSourceTag: label(
    'segment.extra-source-tag',
    'a second source tag under the same story (two wires closing together), kept as a note',
    0.7,
    JUDGED,
  ),
  sourceTag: label(
    'segment.source-tag',
    'the source tag that closes the story',
    0.8,
    `${DEV}: source tag accuracy 0.81`,
  ),
  related: label(
    'segment.related',
    'a title printed with the story without a body of its own (related-title box)',
    0.85,
    `${DEV}: related titles F1 0.86`,
  ),
  modelLabel: {
    id: 'segment.model-label',
    category: 'role',
    action: 'label',
    // Short on purpose: a big dump has one entry per line, and the facts hold the evidence.
    reason: (f: ModelLabelFacts) => `model: ${f.label} p=${f.probability}`,
    confidence: (f: ModelLabelFacts) => f.probability,
    confidenceNote: MODEL,
  },
  modelBoundary: {
    id: 'segment.model-boundary',
    category: 'boundary',
    action: 'split',
    reason: (f: ModelBoundaryFacts) => `model opens ${f.article}: ${f.label} p=${f.probability}`,
    evidence: modelEvidence,
    confidence: (f: ModelBoundaryFacts) => f.probability,
    confidenceNote: MODEL,
  },
  opensWithHeadline: {
    id: 'segment.opens-with-headline',
    category: 'boundary',
    action: 'split',
    reason: 'a headline group followed by body text opens a new article',
    evidence: (f: BoundaryFacts) => `${f.article} starts at ${f.at}`,
    confidence: 0.8,
    confidenceNote: `${DEV}: gold articles matched 0.96, article count exact on 0.77 of pages`,
  },
  opensWithDateline: {
    id: 'segment.opens-with-dateline',
    category: 'boundary',
    action: 'split',
    reason: 'a dateline with no story under way opens a new article',
    evidence: (f: BoundaryFacts) => `${f.article} starts at ${f.at}`,
    confidence: 0.8,
    confidenceNote: `${DEV}: gold articles matched 0.96, article count exact on 0.77 of pages`,
  },
  opensHeadless: {
    id: 'segment.opens-headless',
    category: 'boundary',
    action: 'split',
    reason: 'text with no open article to join: a story whose start is not on this page',
    evidence: (f: BoundaryFacts) => `${f.article} starts at ${f.at}`,
    confidence: 0.6,
    confidenceNote: JUDGED,
  },
  startsMidSentence: {
    id: 'segment.starts-mid-sentence',
    category: 'lacuna',
    action: 'flag',
    reason: 'paragraph opens mid-sentence: its start was lost',
    evidence: (f: OpeningFacts) => `in ${f.article}`,
    confidence: 0.7,
    confidenceNote: JUDGED,
  },
  orphanTitle: {
    id: 'segment.orphan-title',
    category: 'residue',
    action: 'place',
    reason: 'title without a body or an article to attach to',
    confidence: 0.5,
    confidenceNote: 'judgement: nothing on the page says where the text belongs',
  },
  orphanHeading: {
    id: 'segment.orphan-heading',
    category: 'residue',
    action: 'place',
    reason: 'heading line with no article to attach to',
    confidence: 0.5,
    confidenceNote: 'judgement: nothing on the page says where the text belongs',
  },
});

/** The rules that label a piece of an article. */
export type SegmentLabelRule = (typeof RULES)[
  | 'kicker'
  | 'headline'
  | 'subheadline'
  | 'dateline'
  | 'byline'
  | 'sectionByline'
  | 'subhead'
  | 'paragraph'
  | 'roundupItem'
  | 'caption'
  | 'photoCaption'
  | 'note'
  | 'extraSourceTag'
  | 'sourceTag'
  | 'related'];
