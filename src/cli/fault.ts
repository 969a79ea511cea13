import { createHash } from 'node:crypto';
import { STAGES } from '../pipeline.js';
import type { Stage } from '../stages/stage.js';

/**
 * A test seam, not a feature: `NEWSMEND_TEST_FAULT=<stage>:<sha256>` makes that stage throw
 * on the one source whose bytes have that sha256, so a test can show `ingest` going on past a
 * file that fails. It takes both a stage name and the exact hash of one file, so it cannot
 * fire by accident; any other value is ignored. Not in any --help.
 */
export const FAULT_ENV = 'NEWSMEND_TEST_FAULT';

const SPEC = /^([a-z]+):([0-9a-f]{64})$/;

function failing(name: Stage['name']): Stage {
  return {
    name,
    run() {
      throw new Error(`fault injected by ${FAULT_ENV}`);
    },
  };
}

/** The stages to mend `bytes` with: the pipeline's, with one failing if the test seam says so. */
export function stagesFor(bytes: Uint8Array): readonly Stage[] {
  const m = SPEC.exec(process.env[FAULT_ENV] ?? '');
  if (!m || !STAGES.some((s) => s.name === m[1])) return STAGES;
  if (createHash('sha256').update(bytes).digest('hex') !== m[2]) return STAGES;
  return STAGES.map((s) => (s.name === m[1] ? failing(s.name) : s));
}
