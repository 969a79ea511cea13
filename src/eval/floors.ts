import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { HIGHER_IS_BETTER, MUST_BE_ZERO, type Metrics } from './metrics.js';
import type { SetReport } from './run.js';

export const FLOORS_SCHEMA = 'newsmend-floors@1';

/** Floors keep this many decimals, rounded down so the measured run itself passes. */
const FLOOR_DECIMALS = 2;

export interface FloorsFile {
  schema: string;
  note?: string;
  /** `<set>.<metric>` → lowest allowed value. */
  floors: Record<string, number>;
  /** `<set>.<metric>` → highest allowed value (crashes and rebuild failures: 0). */
  ceilings: Record<string, number>;
}

/** Every measured value a floor or ceiling can apply to, keyed `<set>.<metric>`. */
export function measured(
  sets: SetReport[],
  extra: Record<string, number> = {},
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) {
    for (const key of [...HIGHER_IS_BETTER, ...MUST_BE_ZERO] as (keyof Metrics)[]) {
      const v = s.metrics[key];
      if (v !== undefined) out[`${s.set}.${key}`] = v;
    }
  }
  return { ...out, ...extra };
}

export function readFloors(path: string): FloorsFile | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as FloorsFile;
}

export interface GateFailure {
  key: string;
  value: number | undefined;
  limit: number;
  kind: 'floor' | 'ceiling';
}

/** Every pinned metric that is below its floor or above its ceiling (or no longer measured). */
export function checkGate(floors: FloorsFile, values: Record<string, number>): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const [key, limit] of Object.entries(floors.floors).sort()) {
    const value = values[key];
    // A ratio with nothing to measure (e.g. no lacunae predicted) is n/a, not a failure:
    // the paired recall/precision metric still guards it.
    if (value !== undefined && value + ROUNDING_SLACK < limit)
      failures.push({ key, value, limit, kind: 'floor' });
  }
  for (const [key, limit] of Object.entries(floors.ceilings).sort()) {
    const value = values[key];
    if (value === undefined || value > limit) failures.push({ key, value, limit, kind: 'ceiling' });
  }
  return failures;
}

/**
 * Float error a metric may carry (2PR/(P+R) gives 0.7499999999999999 for P=1, R=0.6): a floor
 * pinned from a value passes that value, so pinning and checking allow the same slack.
 */
const ROUNDING_SLACK = 1e-9;

function roundDown(v: number): number {
  const scale = 10 ** FLOOR_DECIMALS;
  return Math.floor(v * scale + ROUNDING_SLACK) / scale;
}

export interface FloorUpdate {
  next: FloorsFile;
  raised: string[];
  lowered: { key: string; from: number; to: number }[];
  added: string[];
  /** Floors and ceilings of sets this run no longer measures at all (e.g. a renamed set). */
  retired: string[];
}

/** The set part of a `<set>.<metric>` key (`test.dev` of `test.dev.body_f1`). */
const setOf = (key: string) => key.slice(0, key.lastIndexOf('.'));

/**
 * New floors at the measured values (rounded down); lists what would go down. A metric not
 * measured this run keeps its floor; the limits of a set not measured at all are retired (and,
 * like a lowered floor, need --allow-lower).
 */
export function updateFloors(
  old: FloorsFile | undefined,
  values: Record<string, number>,
): FloorUpdate {
  const sets = new Set(Object.keys(values).map(setOf));
  const live = ([key]: [string, number]) => sets.has(setOf(key));
  const retired = [...Object.keys(old?.floors ?? {}), ...Object.keys(old?.ceilings ?? {})]
    .filter((key) => !sets.has(setOf(key)))
    .sort();
  const floors: Record<string, number> = {};
  const ceilings: Record<string, number> = Object.fromEntries(
    Object.entries(old?.ceilings ?? {}).filter(live),
  );
  const raised: string[] = [];
  const added: string[] = [];
  const lowered: FloorUpdate['lowered'] = [];
  const zeroKeys = new Set<string>(MUST_BE_ZERO);
  for (const key of Object.keys(values).sort()) {
    const metric = key.slice(key.lastIndexOf('.') + 1);
    if (zeroKeys.has(metric)) {
      ceilings[key] = 0;
      continue;
    }
    const to = roundDown(values[key]);
    const from = old?.floors[key];
    if (from === undefined) added.push(key);
    else if (to > from) raised.push(key);
    else if (to < from) lowered.push({ key, from, to });
    floors[key] = to;
  }
  // A metric not measured this run (n/a) keeps its floor.
  for (const [key, v] of Object.entries(old?.floors ?? {}).filter(live))
    if (!(key in floors)) floors[key] = v;
  return {
    next: {
      schema: FLOORS_SCHEMA,
      note:
        old?.note ??
        'Quality floors for `newsmend eval --gate`: the test split (mean over the fixed seeds, per rate profile: test.<profile>.<metric>), the real cases (real.<metric>) and the robustness sweep; crashes and rebuild failures of every split are capped at 0. Refresh with `newsmend eval --write-floors`; a floor is never lowered or retired without --allow-lower and a reason in the commit.',
      floors: Object.fromEntries(Object.entries(floors).sort()),
      ceilings: Object.fromEntries(Object.entries(ceilings).sort()),
    },
    raised,
    lowered,
    added,
    retired,
  };
}

export function writeFloors(path: string, floors: FloorsFile): void {
  writeFileSync(path, JSON.stringify(floors, null, 2) + '\n');
}
