/** The worker `run`'s pool (piscina) starts on each core: one document per task. */
import { processDocument } from './document.js';
import { warmLexicon } from '../lexicon/warm.js';

// The word tables and jieba's dictionary load as the worker starts, while the main thread
// still reads the inputs (the furniture pass), not when the first document arrives.
warmLexicon();

export default processDocument;
