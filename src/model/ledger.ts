import type { Edit } from './types.js';

/** The append-only list of decisions. Ids are sequential so output stays deterministic. */
export class Ledger {
  readonly edits: Edit[] = [];

  add(edit: Omit<Edit, 'id'>): Edit {
    const full: Edit = { id: `e${this.edits.length + 1}`, ...edit };
    this.edits.push(full);
    return full;
  }
}
