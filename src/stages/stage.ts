import type { Doc } from '../model/doc.js';
import type { StageContext } from './context.js';

/** The stages of the pipeline, by name (src/pipeline.ts runs them in this order). */
export type StageName =
  'blocks' | 'boilerplate' | 'dedupe' | 'dateline' | 'rejoin' | 'segment' | 'variants' | 'metadata';

/**
 * A named step of the pipeline. `run` reads and extends the document state and records every
 * decision through `ctx`, which is bound to the stage and only takes rules from the stage's own
 * table (`rules.ts` in its folder). It returns counts for the stats (kept, dropped, joined…).
 */
export interface Stage<S extends StageName = StageName> {
  name: S;
  run(doc: Doc, ctx: StageContext<S>): Record<string, number>;
}
