import type { Doc } from '../model/doc.js';

/**
 * A named step of the pipeline. `run` reads and extends the document state and records every
 * decision in the ledger; it returns counts for the stats (what it kept, dropped, joined…).
 */
export interface Stage {
  name: string;
  run(doc: Doc): Record<string, number>;
}
