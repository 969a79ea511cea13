/**
 * Saves the word tables in their loaded form (src/lexicon/table-file.ts) under data/tables/,
 * so each process reads them instead of parsing jieba's dictionary, the character-pair
 * list and the character language model. Run by `npm run build`; the files are derived (not committed) and a missing or stale
 * one only costs start-up time.
 *
 * Usage: node dist/scripts/build-tables.js   (or: node --import tsx scripts/build-tables.ts)
 */
import { buildWordTable, jiebaDictionary, WORD_TABLE } from '../src/lexicon/index.js';
import { buildPairTable, PAIR_TABLE, pairListFile } from '../src/lexicon/pairs.js';
import { buildLmTable, LM_TABLE, lmListFile } from '../src/lexicon/char-lm.js';
import { digestOf, tablePath, writeTable } from '../src/lexicon/table-file.js';

const sources = [
  { name: WORD_TABLE, source: jiebaDictionary(), build: buildWordTable },
  { name: PAIR_TABLE, source: pairListFile(), build: buildPairTable },
  { name: LM_TABLE, source: lmListFile(), build: buildLmTable },
];
for (const { name, source, build } of sources) {
  const path = tablePath(name);
  writeTable(path, digestOf(source), build(source));
  console.log(`newsmend: saved ${path}`);
}
