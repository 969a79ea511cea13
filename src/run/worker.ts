/** The worker `run`'s pool (piscina) starts on each core: one document per task. */
import { processDocument } from './document.js';

export default processDocument;
