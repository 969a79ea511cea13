/**
 * Throughput benchmark (a script, not a test): `npm run bench [-- --quick] [-- --real]`.
 *
 * Builds a synthetic corpus of made-up page dumps (~50 MB, or ~5 MB with --quick) in a temp
 * folder, then measures in one run, each case in its own child process so peak RSS is per case:
 *   floor        read + decode (TextDecoder) + split lines of every page file
 *   decode       read + newsmend's decode() (BOM, detection, sha256, mojibake check)
 *   mend         read + mend() of every page file, as a user runs it on many dumps
 *   mend rules   the same with the hand rules deciding structure (no page-structure model)
 *   mend+json    the same plus rendering the JSON edition
 *   jieba cut    read + decode + a bare jieba cut of the text (what word segmentation alone costs)
 *   run 1 / run 2  `newsmend run` (runCorpus) over the page files with 1 and 2 worker threads,
 *                starting the workers included; their ratio is what the second core gives
 *   big floor    the floor on all pages joined into one dump
 *   big mend     mend() of that one big dump (--big-mb N to size it, 0 to skip)
 *   big run      `newsmend run` of that dump with 1 worker: window by window, bounded memory
 *   mend ×2      two mend processes at once (not in the table): what two cores give this work
 *                on this machine, the ceiling for run 2 / run 1; the same for an arithmetic
 *                loop (no memory traffic), what they give work that shares nothing
 * and, apart (alone with --cli), the whole-process cost of the built CLI (`npm run build` first) on one 7 KB page:
 *   cli 7 KB     `node dist/src/cli/main.js mend page.txt`, wall time and peak RSS, median of 5
 * --real builds the pages from ../shared/eval/pages/*.jsonl when present (never copied here).
 * --rounds N then runs mend and mend rules N more times, alternating, and prints the median of
 * their ratio (the page-structure model's cost): on a machine whose speed drifts from minute to
 * minute, one pair of runs can be off by a third.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus } from '../test/property/newspaper.js';

/** Corpus size of a full run: big enough that per-file overhead and warm-up are noise. */
const FULL_MB = 50;
/** Corpus size with --quick: a run of a few seconds for a quick comparison. */
const QUICK_MB = 5;
/** Seed of the synthetic corpus, fixed so runs compare. */
const SEED = 20250509;
const MB = 1e6;
/** The page the CLI start-up case mends, and how many times (the median is reported). */
const CLI_PAGE_BYTES = 7000;
const CLI_RUNS = 5;
/** Steps of the arithmetic loop timed alone and two at once (a few seconds here). */
const SPIN_STEPS = 4e8;
const REAL_PAGES = fileURLToPath(new URL('../../shared/eval/pages/', import.meta.url));

type CaseName =
  | 'floor'
  | 'decode'
  | 'mend'
  | 'mend rules'
  | 'mend+json'
  | 'jieba cut'
  | 'run 1'
  | 'run 2'
  | 'big floor'
  | 'big mend'
  | 'big run'
  | 'spin';
interface Measure {
  bytes: number;
  ms: number;
  rssMb: number;
  note?: string;
}

function flag(name: string): boolean {
  return process.argv.includes(name);
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Pages from the shared People's Daily / CCTV jsonl, grouped by source, date and page. */
function realPages(bytes: number): string[] {
  const files = existsSync(REAL_PAGES)
    ? readdirSync(REAL_PAGES).filter((f) => f.endsWith('.jsonl'))
    : [];
  const groups = new Map<string, string[]>();
  let total = 0;
  for (const file of files.sort()) {
    for (const line of readFileSync(join(REAL_PAGES, file), 'utf8').split('\n')) {
      if (!line.trim() || total >= bytes) continue;
      const r = JSON.parse(line) as {
        source?: string;
        date?: string;
        page?: string;
        title?: string;
        content?: string;
      };
      const key = `${r.source}/${r.date}/${r.page}`;
      const text = `${r.title ?? ''}\n\n${r.content ?? ''}\n`;
      groups.set(key, [...(groups.get(key) ?? []), text]);
      total += Buffer.byteLength(text);
    }
  }
  return [...groups.values()].map((g) => g.join('\n'));
}

/** Write the corpus pages to a temp folder; returns the folder. */
function writeCorpus(
  mb: number,
  real: boolean,
): { dir: string; files: number; bytes: number; source: string } {
  let pages = real ? realPages(mb * MB) : [];
  const source = pages.length > 0 ? 'shared eval pages (real text)' : 'synthetic page dumps';
  if (pages.length === 0) pages = makeCorpus(SEED, mb * MB);
  const dir = mkdtempSync(join(tmpdir(), 'newsmend-bench-'));
  let bytes = 0;
  pages.forEach((page, i) => {
    const data = Buffer.from(page, 'utf8');
    bytes += data.length;
    writeFileSync(join(dir, `page-${String(i).padStart(6, '0')}.txt`), data);
  });
  writeFileSync(join(dir, 'big.dump'), pages.join('\n'));
  return { dir, files: pages.length, bytes, source };
}

/** The work of one case on one file's bytes. */
async function caseWork(name: CaseName): Promise<(bytes: Uint8Array) => void> {
  const { mend } = await import('../src/pipeline.js');
  const { decode } = await import('../src/decode/index.js');
  const { renderJson } = await import('../src/render/json.js');
  const floor = (bytes: Uint8Array) =>
    void new TextDecoder('utf-8').decode(bytes).split(/\r\n|\n|\r/u);
  switch (name) {
    case 'floor':
    case 'big floor':
      return floor;
    case 'decode':
      return (bytes) => void decode(bytes);
    case 'mend':
    case 'big mend':
      return (bytes) => void mend(bytes);
    case 'mend rules':
      // The hand rules alone decide structure: the page-structure model's cost is the difference.
      return (bytes) => void mend(bytes, { structure: 'rules' });
    case 'mend+json':
      return (bytes) => void renderJson(mend(bytes));
    case 'jieba cut': {
      const { cut } = await import('../src/lexicon/index.js');
      return (bytes) => void cut(decode(bytes).text);
    }
    default:
      throw new Error(`no per-file work for ${name}`);
  }
}

/** `newsmend run` over the files matching `pattern` with `workers` threads, into a temp folder. */
async function runWorkers(workers: number, dir: string, pattern = '*.txt'): Promise<Measure> {
  const { runCorpus } = await import('../src/run/run.js');
  const { RUN_DEFAULTS } = await import('../src/run/defaults.js');
  const out = mkdtempSync(join(tmpdir(), 'newsmend-bench-run-'));
  const started = performance.now();
  try {
    await runCorpus({
      inputs: [join(dir, pattern)],
      out: join(out, 'run'),
      workers,
      ...RUN_DEFAULTS,
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const ms = performance.now() - started;
  const bytes = readdirSync(dir)
    .filter((f) => (pattern === '*.txt' ? f.endsWith('.txt') : f === pattern))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  return { bytes, ms, rssMb: process.resourceUsage().maxRSS / 1024 };
}

/** A page dump of about 7 KB (whole lines of the synthetic pages), as a user mends one. */
function sevenKbPage(): string {
  const lines = makeCorpus(SEED, CLI_PAGE_BYTES * 4)
    .join('\n')
    .split('\n');
  const kept: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    if (bytes + Buffer.byteLength(line) + 1 > CLI_PAGE_BYTES) break;
    kept.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  return kept.join('\n') + '\n';
}

/** The built CLI mending one 7 KB page in a fresh process: median wall time, highest peak RSS. */
function cliStart(dir: string): string {
  const built = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
  if (!existsSync(built)) return 'cli 7 KB: not measured: the CLI is not built (npm run build)';
  const page = join(dir, 'cli-page.txt');
  writeFileSync(page, sevenKbPage());
  const rssFile = join(dir, 'cli-rss');
  const preload = fileURLToPath(new URL('./report-peak-rss.mjs', import.meta.url));
  const walls: number[] = [];
  let rssKb = 0;
  for (let i = 0; i < CLI_RUNS; i++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--import', preload, built, 'mend', page], {
      env: { ...process.env, NEWSMEND_PEAK_RSS_FILE: rssFile },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    walls.push(performance.now() - started);
    if (child.status !== 0) return `cli 7 KB: failed (${child.stderr.trim().split('\n')[0]})`;
    rssKb = Math.max(rssKb, Number(readFileSync(rssFile, 'utf8')));
  }
  walls.sort((a, b) => a - b);
  const median = walls[Math.floor(walls.length / 2)];
  // Node's own start, in the same minutes: this machine's speed drifts, so the ratio is the steadier figure.
  const bare: number[] = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - started);
  }
  bare.sort((a, b) => a - b);
  const node = bare[Math.floor(bare.length / 2)];
  return (
    `cli 7 KB: newsmend mend of a ${(statSync(page).size / 1000).toFixed(1)} KB page, whole process: ` +
    `${(median / 1000).toFixed(2)} s wall (median of ${CLI_RUNS}; range ${(walls[0] / 1000).toFixed(2)}–` +
    `${(walls[walls.length - 1] / 1000).toFixed(2)}; node -e 0 alone: ${(node / 1000).toFixed(2)} s), ` +
    `peak RSS ${(rssKb / 1024).toFixed(0)} MiB (goal < 0.5 s, < 150 MiB)`
  );
}

/** Child side: run one case over the folder and print its measure as JSON. */
async function runCase(name: CaseName, dir: string): Promise<void> {
  if (name === 'run 1' || name === 'run 2') {
    process.stdout.write(JSON.stringify(await runWorkers(name === 'run 1' ? 1 : 2, dir)));
    return;
  }
  if (name === 'spin') {
    // Arithmetic only, no memory traffic: what two cores give work that shares nothing.
    const started = performance.now();
    let x = 0;
    for (let i = 0; i < SPIN_STEPS; i++) x = (x + i * 7) % 1000003;
    const ms = performance.now() - started;
    process.stdout.write(JSON.stringify({ bytes: x, ms, rssMb: 0 } satisfies Measure));
    return;
  }
  if (name === 'big run') {
    process.stdout.write(JSON.stringify(await runWorkers(1, dir, 'big.dump')));
    return;
  }
  const work = await caseWork(name);
  const files = name.startsWith('big')
    ? ['big.dump']
    : readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort();
  let bytes = 0;
  const started = performance.now();
  for (const file of files) {
    const data = new Uint8Array(readFileSync(join(dir, file)));
    bytes += data.length;
    work(data);
  }
  const ms = performance.now() - started;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ bytes, ms, rssMb } satisfies Measure));
}

const caseArgs = (name: CaseName, dir: string) => [
  '--max-old-space-size=8192',
  '--import',
  'tsx',
  fileURLToPath(import.meta.url),
  '--case',
  name,
  '--dir',
  dir,
];

/** Parent side: run a case in a fresh process (clean heap, its own peak RSS). */
function measure(name: CaseName, dir: string): Measure {
  const child = spawnSync(process.execPath, caseArgs(name, dir), {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) {
    const reason = child.stderr.trim().split('\n').slice(-1)[0] ?? `exit ${child.status}`;
    return { bytes: 0, ms: 0, rssMb: 0, note: `failed: ${reason}` };
  }
  return JSON.parse(child.stdout) as Measure;
}

/** Two processes of a case at once: the slower one's time (what two cores give this work). */
async function measurePair(name: CaseName, dir: string): Promise<number> {
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, caseArgs(name, dir));
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve((JSON.parse(out) as Measure).ms) : reject(new Error(`exit ${code}`)),
      );
    });
  const both = await Promise.all([one(), one()]);
  return Math.max(...both);
}

function table(rows: [CaseName, Measure][], floorRate: number, bigFloorRate: number): string {
  const header = ['case', 'MB', 'seconds', 'MB/s', 'x floor', 'peak RSS MB'];
  const lines = rows.map(([name, m]) => {
    if (m.note) return [name, '-', '-', '-', '-', m.note];
    const rate = m.bytes / MB / (m.ms / 1000);
    const floor = name.startsWith('big') ? bigFloorRate : floorRate;
    return [
      name,
      (m.bytes / MB).toFixed(1),
      (m.ms / 1000).toFixed(2),
      rate.toFixed(2),
      (rate / floor).toFixed(4),
      m.rssMb.toFixed(0),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n');
}

/** mend / mend rules over `rounds` alternating pairs of runs: median and range. */
function modelCost(dir: string, rounds: number): string {
  const ratios: number[] = [];
  for (let r = 1; r <= rounds; r++) {
    process.stderr.write(`  round ${r}/${rounds}: mend, mend rules…\n`);
    const model = measure('mend', dir);
    const rules = measure('mend rules', dir);
    if (model.note || rules.note) return `model cost: a run failed (${model.note ?? rules.note})`;
    ratios.push(model.ms / rules.ms);
  }
  ratios.sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)];
  return (
    `model cost: mend / mend rules = ${median.toFixed(2)}x (median of ${rounds} alternating ` +
    `rounds; range ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)})`
  );
}

async function main(): Promise<void> {
  const child = option('--case');
  if (child) return runCase(child as CaseName, option('--dir')!);
  if (flag('--cli')) {
    const dir = mkdtempSync(join(tmpdir(), 'newsmend-bench-'));
    try {
      console.log(cliStart(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const mb = flag('--quick') ? QUICK_MB : FULL_MB;
  const bigMb = Number(option('--big-mb') ?? mb);
  const corpus = writeCorpus(mb, flag('--real'));
  console.log(
    `newsmend throughput — ${corpus.files} pages, ${(corpus.bytes / MB).toFixed(1)} MB (${corpus.source}), node ${process.version}`,
  );
  try {
    const cases: CaseName[] = [
      'floor',
      'decode',
      'mend',
      'mend rules',
      'mend+json',
      'jieba cut',
      'run 1',
      'run 2',
      'big floor',
    ];
    if (bigMb > 0) {
      if (bigMb < mb)
        writeFileSync(
          join(corpus.dir, 'big.dump'),
          readFileSync(join(corpus.dir, 'big.dump')).subarray(0, bigMb * MB),
        );
      cases.push('big mend', 'big run');
    }
    const rows: [CaseName, Measure][] = [];
    for (const name of cases) {
      process.stderr.write(`  running ${name}…\n`);
      rows.push([name, measure(name, corpus.dir)]);
    }
    const rate = (name: CaseName) => {
      const m = rows.find(([n]) => n === name)![1];
      return m.bytes / MB / (m.ms / 1000);
    };
    console.log(table(rows, rate('floor'), rate('big floor')));
    console.log(
      'x floor = MB/s of the case / MB/s of the floor on the same bytes (big rows: the big floor).',
    );
    process.stderr.write('  running mend twice at once, and an arithmetic loop once and twice…\n');
    const pair = await measurePair('mend', corpus.dir);
    const alone = rows.find(([n]) => n === 'mend')![1].ms;
    const spinAlone = measure('spin', corpus.dir).ms;
    const spinPair = await measurePair('spin', corpus.dir);
    console.log(
      `mend per core: ${rate('mend').toFixed(2)} MB/s = ${(rate('mend') / rate('jieba cut')).toFixed(3)}x a bare jieba cut; ` +
        `run with 2 workers / 1 worker: ${(rate('run 2') / rate('run 1')).toFixed(2)}x; ` +
        `two mend processes at once / one: ${((2 * alone) / pair).toFixed(2)}x (what this machine's two cores give the same work); ` +
        `an arithmetic loop, two at once / one: ${((2 * spinAlone) / spinPair).toFixed(2)}x`,
    );
    process.stderr.write('  running cli 7 KB…\n');
    console.log(cliStart(corpus.dir));
    const rounds = Number(option('--rounds') ?? 0);
    if (rounds > 0) console.log(modelCost(corpus.dir, rounds));
  } finally {
    rmSync(corpus.dir, { recursive: true, force: true });
  }
}

await main();
