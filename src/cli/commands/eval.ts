import { join } from 'node:path';
import { loadCases, type EvalCase } from '../../eval/cases.js';
import { devCases } from '../../eval/dev.js';
import { checkGate, measured, readFloors, updateFloors, writeFloors } from '../../eval/floors.js';
import { floorsPath, sharedEvalDir } from '../../eval/paths.js';
import { renderJsonReport, renderTable } from '../../eval/report.js';
import {
  renderRobustness,
  robustnessSweep,
  robustnessValues,
  type RobustnessReport,
} from '../../eval/robustness.js';
import { runCase, summarize } from '../../eval/run.js';
import { renderCaseLines, renderWorst } from '../../eval/verbose.js';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type Command } from '../command.js';
import { parseCommandArgs } from '../args.js';
import { writeOutput } from '../io.js';

/** Worst articles shown by --verbose unless --worst says otherwise. */
const DEFAULT_WORST = 10;

const HELP = `newsmend eval — measure reconstruction quality against gold

Usage: newsmend eval <dir…> [options]
       newsmend eval --dev [--gate | --write-floors [--allow-lower]]
       newsmend eval --robustness

Each <dir> is a case (input.txt + gold.json, format newsmend-gold@1) or a folder of cases.
The engine runs on every input and is scored per set and overall: articles matched to gold
(one-to-one, in reading order), article count, headline exact match, kicker / dateline /
source-tag / byline accuracy, body character-bigram precision / recall / F1, paragraph-boundary
F1, lacuna precision / recall, dropped-boilerplate precision / recall, related titles, variants,
and the rebuild check. See docs/eval.md for the definitions.

Options:
  --dev               the standard dev set: synthetic pages from ../shared/eval/pages (seed
                      fixed, built in memory) plus the real cases in ../shared/eval/real
  --gate              compare with eval/floors.json (dev set + robustness sweep); exit 1 and
                      name every metric below its floor
  --write-floors      pin floors at the measured values (rounded down); refuses to lower a
                      floor unless --allow-lower is given
  --allow-lower       let --write-floors lower floors (say why in the commit)
  --robustness        run the engine over every record in ../shared/eval/noisy and report
                      crashes, rebuild failures and suspicious output
  --json              print the JSON report instead of the table
  -o, --output <file> write the report to a file
  -v, --verbose       per-case lines and the worst articles, gold beside prediction
  --worst <n>         how many worst articles --verbose shows (default ${DEFAULT_WORST})
  -h, --help          this help

../shared is found next to the repository root; NEWSMEND_SHARED overrides it.
Exit codes: 0 ok, 1 gate failed or a case could not be read, 2 misuse.
`;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dev: { type: 'boolean', default: false },
      gate: { type: 'boolean', default: false },
      'write-floors': { type: 'boolean', default: false },
      'allow-lower': { type: 'boolean', default: false },
      robustness: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
      verbose: { type: 'boolean', short: 'v', default: false },
      worst: { type: 'string' },
    },
  });
}

type Values = ReturnType<typeof parse>['values'];

function say(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

function gateFloors(values: Values, scores: Record<string, number>): number {
  const path = floorsPath();
  const floors = readFloors(path);
  if (values['write-floors']) {
    const update = updateFloors(floors, scores);
    if (update.lowered.length > 0 && !values['allow-lower']) {
      say(
        'newsmend eval: --write-floors would lower these floors (re-run with --allow-lower and say why in the commit):',
      );
      for (const l of update.lowered) say(`  ${l.key}: ${l.from} → ${l.to}`);
      return EXIT_BAD_INPUT;
    }
    writeFloors(path, update.next);
    say(
      `floors written to ${path}: ${update.added.length} added, ${update.raised.length} raised, ${update.lowered.length} lowered`,
    );
    for (const l of update.lowered) say(`  lowered ${l.key}: ${l.from} → ${l.to}`);
    return EXIT_OK;
  }
  if (!values.gate) return EXIT_OK;
  if (!floors) {
    say(`quality gate: no floors at ${path}; run 'newsmend eval --dev --write-floors'`);
    return EXIT_BAD_INPUT;
  }
  const failures = checkGate(floors, scores);
  if (failures.length === 0) {
    say(
      `quality gate passed: ${Object.keys(floors.floors).length} floors, ${Object.keys(floors.ceilings).length} ceilings`,
    );
    return EXIT_OK;
  }
  say(`quality gate FAILED: ${failures.length} metric(s) out of bounds`);
  for (const f of failures) {
    const v = f.value === undefined ? 'not measured' : f.value.toFixed(4);
    say(`  ${f.key} = ${v} ${f.kind === 'floor' ? 'below floor' : 'above ceiling'} ${f.limit}`);
  }
  return EXIT_BAD_INPUT;
}

function casesFrom(values: Values, dirs: string[], shared: string | undefined): EvalCase[] {
  const cases = dirs.flatMap((d) => loadCases(d));
  if (values.dev && shared) cases.push(...devCases(shared));
  return cases;
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score the engine against gold cases (dev set, floors gate, robustness sweep)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv);
    const worst = values.worst === undefined ? DEFAULT_WORST : Number(values.worst);
    if (!Number.isInteger(worst) || worst < 0)
      throw new UsageError(`--worst wants a whole number, got '${values.worst}'`);
    const needsDev = values.gate || values['write-floors'];
    if (needsDev) values.dev = true;
    if (!values.dev && !values.robustness && positionals.length === 0)
      throw new UsageError('give case folders, or --dev, or --robustness');
    const shared = sharedEvalDir();
    if ((values.dev || values.robustness) && !shared) {
      say(
        needsDev
          ? 'quality gate skipped: ../shared/eval not found (set NEWSMEND_SHARED to point at it)'
          : 'newsmend eval: ../shared/eval not found; the dev set and the noisy records live there (set NEWSMEND_SHARED)',
      );
      if (positionals.length === 0) return EXIT_OK;
    }
    const cases = casesFrom(values, positionals, shared);
    const results = cases.map(runCase);
    const sets = summarize(results);
    let sweep: RobustnessReport | undefined;
    if (shared && (values.robustness || needsDev)) sweep = robustnessSweep(join(shared, 'noisy'));
    const out: string[] = [];
    if (values.json) out.push(renderJsonReport(sets, results, sweep ? { robustness: sweep } : {}));
    else {
      if (results.length > 0) out.push(renderTable(sets));
      if (sweep) out.push('\n' + renderRobustness(sweep));
      if (values.verbose && results.length > 0)
        out.push('\n' + renderCaseLines(results) + '\n' + renderWorst(results, worst));
    }
    writeOutput(out.join(''), values.output);
    const scores = measured(sets, sweep ? robustnessValues(sweep) : {});
    return gateFloors(values, scores);
  },
};
