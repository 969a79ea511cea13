export { mend, STAGES } from './pipeline.js';
export { mendInput } from './mend-input.js';
export { mendPdf } from './pdf/index.js';
export { rebuild, verifyCoverage } from './model/rebuild.js';
export { decode } from './decode/index.js';
export * from './model/types.js';
