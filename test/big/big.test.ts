/**
 * The biggest input through the real CLI, kept out of `npm test` (it alone takes about as long
 * as the rest of the suite): `npm run test:big`, which `.ci/run` also runs. It must finish, exit
 * 0 and rebuild. (Speed is measured by `npm run bench`, not here.)
 */
import { after, test } from 'node:test';
import { bigDump, fixtureDir } from '../fixtures/bad/make.js';
import { mendBig, TIMEOUT_MS } from '../cli/mend-big.js';

const files = fixtureDir();
after(files.cleanup);

test('a 50 MB dump finishes and rebuilds', { timeout: TIMEOUT_MS }, () =>
  mendBig(files, '50mb.txt', bigDump(50e6)),
);
