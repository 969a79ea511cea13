import type { Stage } from '../stage.js';
import { Assembler } from './assembler.js';
import { recordSegmentation } from './record.js';
import { units } from './units.js';

/**
 * D8/D10: find where articles start (headline groups, datelines), label kicker, headline,
 * subheadline, dateline, byline, subheads, captions, notes and source tags, attach related
 * titles, and give orphan text to the article it belongs to. The assembler decides; the
 * recorder (record.ts) then writes each decision to the ledger.
 */
export const segmentStage: Stage<'segment'> = {
  name: 'segment',
  run(doc, ctx) {
    const found = units(doc);
    const assembler = new Assembler(doc, found);
    assembler.run();
    doc.articles = assembler.drafts.map((d) => d.article);
    recordSegmentation(ctx, doc.articles, found, assembler.orphans);
    return { articles: doc.articles.length };
  },
};
