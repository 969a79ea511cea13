/**
 * Big inputs through the real CLI, kept out of `npm test` (together they take about as long as
 * the rest of the suite): `npm run test:big`, which `.ci/run` also runs. Each must finish, exit
 * 0 and rebuild. Files are generated in os.tmpdir() at test time. (Speed is measured by
 * `npm run bench`, not here.)
 */
import { after, test } from 'node:test';
import { bigDump, fixtureDir, longLine } from '../fixtures/bad/make.js';
import { mendBig, TIMEOUT_MS } from '../cli/mend-big.js';

const files = fixtureDir();
after(files.cleanup);
const MB = 1e6;

test('a 5 MB dump finishes and rebuilds', { timeout: TIMEOUT_MS }, () =>
  mendBig(files, '5mb.txt', bigDump(5 * MB)),
);

test('one 10 MB line finishes and rebuilds', { timeout: TIMEOUT_MS }, () =>
  mendBig(files, 'line.txt', longLine(10 * MB)),
);

test('a 50 MB dump finishes and rebuilds', { timeout: TIMEOUT_MS }, () =>
  mendBig(files, '50mb.txt', bigDump(50 * MB)),
);
