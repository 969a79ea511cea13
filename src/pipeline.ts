import { decode } from './decode/index.js';
import { fold } from './decode/fold.js';
import type { Doc } from './model/doc.js';
import { toEdition } from './model/finalize.js';
import { Ledger } from './model/ledger.js';
import type { Edition, LearnedFurniture, MendOptions } from './model/types.js';
import { blocksStage } from './stages/blocks/index.js';
import { boilerplateStage } from './stages/boilerplate/index.js';
import { datelineStage } from './stages/dateline/index.js';
import { dedupeStage } from './stages/dedupe/index.js';
import { rejoinStage } from './stages/rejoin/index.js';
import { metadataStage } from './stages/metadata/index.js';
import { segmentStage } from './stages/segment/index.js';
import { variantsStage } from './stages/variants/index.js';
import { StageContext } from './stages/context.js';
import type { Stage } from './stages/stage.js';

/** The stages in the order they run. Each one only sees what the previous ones left. */
export const STAGES: readonly Stage[] = [
  blocksStage,
  boilerplateStage,
  dedupeStage,
  datelineStage,
  rejoinStage,
  segmentStage,
  variantsStage,
  metadataStage,
];

function furnitureSummary(f: LearnedFurniture) {
  return { source: f.source, documents: f.documents, lines: Object.keys(f.lines).length };
}

/** The document state before any stage ran: decoded text, its folded copy, nothing decided. */
export function newDoc(input: string | Uint8Array, options: MendOptions = {}): Doc {
  const decoded = decode(input, options.encoding);
  return {
    source: {
      name: options.name ?? (typeof input === 'string' ? 'text' : 'input'),
      sha256: decoded.sha256,
      bytes: decoded.bytes,
      encoding: decoded.encoding,
      encodingConfidence: decoded.confidence,
      chars: decoded.text.length,
    },
    text: decoded.text,
    folded: fold(decoded.text),
    blocks: [],
    ledger: new Ledger(),
    messages: [...decoded.messages],
    articles: [],
    residue: [],
    options: {
      encoding: options.encoding,
      editionDate: options.editionDate,
      ...(options.structure === 'rules' ? { structure: 'rules' as const } : {}),
      ...(options.furniture ? { learnedFurniture: furnitureSummary(options.furniture) } : {}),
    },
    ...(options.furniture ? { furniture: options.furniture } : {}),
    ...(options.layout ? { layout: options.layout } : {}),
    stats: [],
  };
}

/** Binary input is not mended: its text is kept whole in the residue so nothing is lost. */
function keepWhole(doc: Doc): void {
  if (doc.text.length === 0) return;
  doc.residue.push({
    id: 'r1',
    text: doc.text,
    spans: [{ start: 0, end: doc.text.length }],
    reason: 'binary input',
  });
}

/** Milliseconds, to one decimal, since `started`. */
function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

/**
 * Run one stage on the doc with a context bound to it. A stage that throws does not stop the
 * pipeline: its failure becomes an error message naming it, the stages after it run on what
 * it left, and finalize's coverage guard puts any text no one placed in the residue, so the
 * edition still rebuilds the source.
 */
export function runStage(doc: Doc, stage: Stage, options: MendOptions = {}): void {
  const started = options.timings ? performance.now() : 0;
  let counts: Record<string, number>;
  try {
    counts = stage.run(doc, new StageContext(doc, stage.name));
  } catch (error) {
    doc.messages.push({
      severity: 'error',
      code: 'stage-failed',
      text: `stage ${stage.name} failed: ${(error as Error)?.message ?? String(error)}`,
    });
    counts = { failed: 1 };
  }
  const ms = options.timings ? elapsed(started) : 0;
  doc.stats.push({ stage: stage.name, ms, ...counts });
}

/**
 * `mend` with a given list of stages: for tests that need a stage to fail, and for tools that
 * run part of the pipeline. Same guarantees as `mend`.
 */
export function mendWith(
  stages: readonly Stage[],
  input: string | Uint8Array,
  options: MendOptions = {},
): Edition {
  const doc = newDoc(input, options);
  if (doc.messages.some((m) => m.code === 'binary-input')) {
    keepWhole(doc);
    return toEdition(doc);
  }
  if (doc.text.trim().length === 0) {
    doc.messages.push({ severity: 'warning', code: 'empty-input', text: 'input has no text' });
  }
  for (const stage of stages) runStage(doc, stage, options);
  return toEdition(doc);
}

/**
 * Rebuild the articles of a page dump. Pure: same input and options → the same Edition.
 * Never throws on bad data; problems are reported in `edition.messages`, and a stage that
 * fails is reported there too (`stage-failed`) while the rest of the pipeline goes on.
 */
export function mend(input: string | Uint8Array, options: MendOptions = {}): Edition {
  return mendWith(STAGES, input, options);
}
