import { gzipSync } from 'node:zlib';
import { splitPages, SPLITS } from '../../eval/splits.js';
import { newDoc, runStage, STAGES } from '../../pipeline.js';
import type { Doc } from '../../model/doc.js';
import { PROFILE_NAMES } from '../../synth/rates.js';
import type { StructureWeights } from '../../stages/segment/structure/model.js';
import { DEFAULT_FIT, fitCrf, type TrainingPage } from './fit.js';
import { pageExamples } from './examples.js';
import type { Stage } from '../../stages/stage.js';

/**
 * Seeds of the damage the training pages get. Not the evaluation's seeds, so the fit column
 * of `npm run eval` scores fit pages the model saw with other damage.
 */
export const TRAIN_SEEDS = [101, 202];

/**
 * The stages before segment, on a page's bytes: the state the model reads at run time. `rejoin`
 * replaces the shipped rejoin stage (training gives it the junction model just trained).
 */
export function prepare(bytes: Uint8Array, rejoin?: Stage<'rejoin'>): Doc {
  const doc = newDoc(bytes);
  for (const stage of STAGES) {
    if (stage.name === 'segment') break;
    runStage(doc, stage.name === 'rejoin' && rejoin ? rejoin : stage);
  }
  return doc;
}

export interface TrainReport {
  pages: number;
  skipped: number;
  units: number;
  unmatched: number;
  weights: StructureWeights;
}

/**
 * Train the page-structure model on *fit* pages only (every profile, every training seed) and
 * return its weights. Deterministic: the same pages and options give the same bytes.
 */
export function trainStructure(
  sharedEval: string,
  progress: (done: number, total: number) => void = () => {},
  maxPages?: number,
  rejoin?: Stage<'rejoin'>,
): TrainReport {
  const pages: TrainingPage[] = [];
  const transitions = new Set<string>();
  const report = { pages: 0, skipped: 0, units: 0, unmatched: 0 };
  const runs = TRAIN_SEEDS.flatMap((seed) => PROFILE_NAMES.map((profile) => ({ seed, profile })));
  runs.forEach(({ seed, profile }, k) => {
    for (const page of splitPages(sharedEval, 'fit', seed, profile, maxPages)) {
      const got = pageExamples(page, (bytes) => prepare(bytes, rejoin));
      report.pages++;
      report.units += got.unitCount;
      report.unmatched += got.unmatched;
      if (got.skipped) report.skipped++;
      if (!got.skipped) pages.push(got.units);
      for (const t of got.transitions) transitions.add(t);
    }
    progress(k + 1, runs.length);
  });
  const weights = fitCrf(
    pages,
    [...transitions],
    {
      split: 'fit',
      what: SPLITS.fit.what,
      seeds: TRAIN_SEEDS,
      profiles: PROFILE_NAMES,
      pages: report.pages,
      ...(maxPages !== undefined ? { maxPages } : {}),
    },
    DEFAULT_FIT,
  );
  return { ...report, weights };
}

/** The weights file's bytes: JSON, gzipped without a timestamp, so retraining gives the same bytes. */
export function weightsBytes(weights: StructureWeights): Buffer {
  return gzipSync(JSON.stringify(weights), { level: 9 });
}
