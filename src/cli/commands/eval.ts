import { join } from 'node:path';
import { loadCases } from '../../eval/cases.js';
import { checkGate, readFloors, updateFloors, writeFloors } from '../../eval/floors.js';
import { floorsPath, sharedEvalDir } from '../../eval/paths.js';
import { renderJsonReport, renderTable } from '../../eval/report.js';
import {
  renderRobustness,
  robustnessSweep,
  robustnessValues,
  type RobustnessReport,
} from '../../eval/robustness.js';
import { runCase, summarize, type CaseResult } from '../../eval/run.js';
import { SPLIT_NAMES, type SplitName } from '../../eval/splits.js';
import { renderSuiteJson, renderSuiteTable } from '../../eval/suite-report.js';
import {
  EVAL_SEEDS,
  gateValues,
  OPEN_SPLITS,
  runSuite,
  type SuiteReport,
} from '../../eval/suite.js';
import { renderCaseLines, renderWorst } from '../../eval/verbose.js';
import { PROFILE_NAMES, type ProfileName } from '../../synth/index.js';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type Command } from '../command.js';
import { parseCommandArgs } from '../args.js';
import { writeOutput } from '../io.js';

/** Worst articles shown by --verbose unless --worst says otherwise. */
const DEFAULT_WORST = 10;
/** Split names --split takes: the synthetic splits and the real cases. */
const SPLIT_CHOICES = [...SPLIT_NAMES, 'real'];

const HELP = `newsmend eval — measure reconstruction quality against gold

Usage: newsmend eval [--split <name>]… [--profile <name>] [--seed <n>] [options]
       newsmend eval --gate | --write-floors [--allow-lower]
       newsmend eval --robustness
       newsmend eval <dir…> [options]

Without case folders, eval runs the standard protocol (docs/eval.md): synthetic pages with gold
made from ../shared/eval/pages and split by date — fit (2019-02, 2019-10, 2020-01: the only
pages rules may be fitted to), test (2020-02, 2020-05), test-other (the old dev set, tuned on by
hand before), cross (evening-news transcripts of 2024, a source never fitted on) — each damaged
under every rate profile (dev, extractor) and fixed seed (${EVAL_SEEDS.join(', ')}), plus the
real cases in ../shared/eval/real. One table: mean ± sd over seeds per split, and the fit–test
gap. Each <dir> is instead a case (input.txt + gold.json, newsmend-gold@1) or a folder of cases.

Metrics: articles matched to gold (one-to-one, in reading order), article count, headline exact
match, kicker / dateline / source-tag / byline accuracy, body character-bigram P/R/F1, page text
trigram P/R/F1 and article-start P/R/F1 (both need no article pairing), paragraph-boundary F1,
lacuna P/R, dropped boilerplate P/R, related titles, variants, and the rebuild check.

Options:
  --dev               the standard protocol (what runs when no case folder is given)
  --split <name>      only this split: ${SPLIT_CHOICES.join(', ')} (repeatable)
  --profile <name>    only this rate profile: ${PROFILE_NAMES.join(', ')}
  --seed <n>          only this seed (default: the fixed seeds)
  --gate              compare with eval/floors.json (test split means, real cases, robustness
                      sweep); exit 1 and name every metric out of bounds
  --write-floors      pin floors at the measured values (rounded down); refuses to lower or
                      retire a floor unless --allow-lower is given
  --allow-lower       let --write-floors lower or retire floors (say why in the commit)
  --robustness        run the engine over every record in ../shared/eval/noisy and report
                      crashes, rebuild failures and suspicious output
  --json              print the full JSON report instead of the table
  -o, --output <file> write the report to a file
  -v, --verbose       per-page lines and the worst articles, gold beside prediction; only for
                      --split fit or --split real (test pages are read in aggregate only)
  --worst <n>         how many worst articles --verbose shows (default ${DEFAULT_WORST})
  -h, --help          this help

The protocol takes ~5 minutes on two cores; progress goes to stderr.
../shared is found next to the repository root; NEWSMEND_SHARED overrides it.
Exit codes: 0 ok, 1 gate failed or a case could not be read, 2 misuse.
`;

function parse(argv: string[]) {
  return parseCommandArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dev: { type: 'boolean', default: false },
      split: { type: 'string', multiple: true },
      profile: { type: 'string' },
      seed: { type: 'string' },
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

function wholeNumber(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`${flag} wants a whole number, got '${raw}'`);
  return n;
}

/** What to run, checked: the protocol (all or some of it), case folders, or only the sweep. */
interface Plan {
  suite: boolean;
  splits: SplitName[];
  real: boolean;
  profiles: ProfileName[];
  seeds: number[];
  sweep: boolean;
  gate: boolean;
  worst: number;
}

function plan(values: Values, positionals: string[]): Plan {
  const worst = wholeNumber(values.worst, '--worst') ?? DEFAULT_WORST;
  const gate = values.gate || values['write-floors'];
  const chosen = values.split ?? [];
  for (const s of chosen)
    if (!SPLIT_CHOICES.includes(s))
      throw new UsageError(`unknown split '${s}'; known: ${SPLIT_CHOICES.join(', ')}`);
  if (values.profile !== undefined && !(PROFILE_NAMES as string[]).includes(values.profile))
    throw new UsageError(`unknown profile '${values.profile}'; known: ${PROFILE_NAMES.join(', ')}`);
  const seed = wholeNumber(values.seed, '--seed');
  const narrowed = chosen.length > 0 || values.profile !== undefined || seed !== undefined;
  if (gate && narrowed)
    throw new UsageError(
      '--gate and --write-floors need the whole protocol; drop --split, --profile and --seed',
    );
  const onlySweep = values.robustness && !values.dev && !narrowed && !gate;
  const suite = positionals.length === 0 && !onlySweep;
  if (positionals.length > 0 && (values.dev || narrowed || gate))
    throw new UsageError(
      'give case folders or run the protocol (--dev, --split, --gate), not both',
    );
  if (values.verbose && suite) {
    const closed = (chosen.length > 0 ? chosen : SPLIT_CHOICES).filter((s) => !OPEN_SPLITS.has(s));
    if (closed.length > 0)
      throw new UsageError(
        `--verbose shows pages one by one, and ${closed.join(', ')} pages are read in aggregate only (so no rule is fitted to them); use --verbose with --split fit or --split real`,
      );
  }
  return {
    suite,
    splits: (chosen.length > 0 ? chosen : SPLIT_NAMES).filter((s): s is SplitName => s !== 'real'),
    real: chosen.length === 0 || chosen.includes('real'),
    profiles: values.profile ? [values.profile as ProfileName] : [...PROFILE_NAMES],
    seeds: seed !== undefined ? [seed] : [...EVAL_SEEDS],
    sweep: values.robustness || gate,
    gate,
    worst,
  };
}

function gateFloors(values: Values, scores: Record<string, number>): number {
  const path = floorsPath();
  const floors = readFloors(path);
  if (values['write-floors']) {
    const update = updateFloors(floors, scores);
    const down = update.lowered.length + update.retired.length;
    if (down > 0 && !values['allow-lower']) {
      say(
        'newsmend eval: --write-floors would lower or retire these floors (re-run with --allow-lower and say why in the commit):',
      );
      for (const l of update.lowered) say(`  ${l.key}: ${l.from} → ${l.to}`);
      for (const key of update.retired) say(`  ${key}: retired (its set is no longer measured)`);
      return EXIT_BAD_INPUT;
    }
    writeFloors(path, update.next);
    say(
      `floors written to ${path}: ${update.added.length} added, ${update.raised.length} raised, ${update.lowered.length} lowered, ${update.retired.length} retired`,
    );
    for (const l of update.lowered) say(`  lowered ${l.key}: ${l.from} → ${l.to}`);
    return EXIT_OK;
  }
  if (!values.gate) return EXIT_OK;
  if (!floors) {
    say(`quality gate: no floors at ${path}; run 'newsmend eval --write-floors'`);
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

/** Case folders given on the command line: the per-set table of before. */
function runFolders(values: Values, dirs: string[], worst: number): string {
  const results = dirs.flatMap((d) => loadCases(d)).map(runCase);
  const sets = summarize(results);
  if (values.json) return renderJsonReport(sets, results);
  const out = [renderTable(sets)];
  if (values.verbose)
    out.push('\n' + renderCaseLines(results) + '\n' + renderWorst(results, worst));
  return out.join('');
}

/** Per-page results of the open splits, for --verbose. */
function openResults(r: SuiteReport): CaseResult[] {
  const synthetic = r.splits.flatMap((s) =>
    s.seeds.flatMap((x) =>
      (x.results ?? []).map((c) => ({ ...c, set: `${s.split}/${s.profile}/${x.seed}` })),
    ),
  );
  return [...synthetic, ...(r.real?.results ?? [])];
}

export const evalCommand: Command = {
  name: 'eval',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse(argv);
    const p = plan(values, positionals);
    if (positionals.length > 0) {
      writeOutput(runFolders(values, positionals, p.worst), values.output);
      return EXIT_OK;
    }
    const shared = sharedEvalDir();
    if (!shared) {
      say(
        p.gate
          ? 'quality gate skipped: ../shared/eval not found (set NEWSMEND_SHARED to point at it)'
          : 'newsmend eval: ../shared/eval not found; the evaluation data lives there (set NEWSMEND_SHARED)',
      );
      return EXIT_OK;
    }
    const suite = p.suite
      ? runSuite(shared, {
          splits: p.splits,
          real: p.real,
          profiles: p.profiles,
          seeds: p.seeds,
          keepCases: values.verbose || values.json,
          progress: say,
        })
      : undefined;
    const sweep: RobustnessReport | undefined = p.sweep
      ? robustnessSweep(join(shared, 'noisy'))
      : undefined;
    const out: string[] = [];
    if (values.json && suite) out.push(renderSuiteJson(suite, sweep ? { robustness: sweep } : {}));
    else if (values.json && sweep) out.push(JSON.stringify({ robustness: sweep }, null, 2) + '\n');
    else {
      if (suite) out.push(renderSuiteTable(suite));
      if (sweep) out.push((suite ? '\n' : '') + renderRobustness(sweep));
      if (values.verbose && suite) {
        const results = openResults(suite);
        out.push('\n' + renderCaseLines(results) + '\n' + renderWorst(results, p.worst));
      }
    }
    writeOutput(out.join(''), values.output);
    if (!p.gate || !suite) return EXIT_OK;
    return gateFloors(values, { ...gateValues(suite), ...(sweep ? robustnessValues(sweep) : {}) });
  },
};
