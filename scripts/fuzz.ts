/**
 * `npm run fuzz -- --n 100000 --seed 1`: a fuzz campaign against mend (see docs/eval.md,
 * "Fuzz campaign"). Exit 0 when every counter is 0, 1 when a check failed, 2 on a bad flag.
 */
import { mend } from '../src/index.js';
import { HELP, parseFuzzArgs, UsageError, type FuzzArgs } from './fuzz/args.js';
import { runCampaign } from './fuzz/campaign.js';
import { FailureWriter, progressLine, summaryLines } from './fuzz/report.js';

function main(argv: string[]): number {
  let args: FuzzArgs;
  try {
    args = parseFuzzArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`fuzz: ${error.message}\nTry: npm run fuzz -- --help\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  mend('标题\n\n正文。'); // load the page-structure model first: case timings are then the cases'
  const writer = new FailureWriter(args.out);
  const report = runCampaign({
    n: args.n,
    seed: args.seed,
    determinismEvery: args.determinismEvery,
    only: args.only,
    onFailure: (c, result) => {
      writer.save(c, result);
      for (const f of result.findings) {
        const what = `${f.counter}: ${f.detail.split('\n')[0]}`;
        process.stderr.write(`fuzz: case ${c.index} (${c.kind}, ${c.form}): ${what}\n`);
      }
    },
    onProgress: (r) => process.stderr.write(`${progressLine(r)}\n`),
  });
  process.stdout.write(
    `${summaryLines(report, writer.written > 0 ? writer.dir : undefined).join('\n')}\n`,
  );
  return report.failedCases > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
