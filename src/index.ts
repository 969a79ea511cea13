export { mend, STAGES } from './pipeline.js';
export { rebuild, verifyCoverage } from './model/rebuild.js';
export { decode } from './decode/index.js';
export * from './model/types.js';
