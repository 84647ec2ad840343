// Benchmark of the scoring engine (src/engine): evaluate() = read and check records → score → rank.
// The targets are the users': a 28-unit month and a year well under 50 ms (one Office.js round trip
// costs more); 100,000 unit-months under 3 s (batch use). Each figure is the median of several runs
// after warm-up. The verdict is on CPU time (the process's, garbage collection included): on a shared
// machine wall-clock time also counts the other processes' turns; it is shown beside it.

import { random } from "../src/workbook";
import { MeasureId, evaluate, EvaluationInput, ScoringEvent, monthsOf, Period, RawRecord, DEFAULT_UNITS, Unit } from "../src/engine";

const YEAR = 2026;

// ---------------------------------------------------------------------------------------------
// Synthetic data around the published typical values (../shared/data/typical-values.md)

function monthValues(unit: Unit, rand: () => number): Record<MeasureId, number> {
  const between = (lo: number, hi: number) => lo + (hi - lo) * rand();
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const part = (whole: number, lo: number, hi: number) => Math.min(whole, Math.round(whole * between(lo, hi)));
  const city = unit.unitClass === "省辖市";
  const ordersTotal = city ? int(1000, 30000) : int(100, 3000);
  const manualQueued = Math.round(ordersTotal * between(0.8, 1.2));
  const infoOrders = part(ordersTotal, 0.92, 0.95);
  const transferDue = Math.round(ordersTotal * between(0.03, 0.07));
  const transferClosed = part(transferDue, 0.9, 1);
  const revisited = part(transferClosed, 0.3, 0.6);
  const revisitRated = part(revisited, 0.8, 1);
  const instantRated = Math.round(infoOrders * between(0.1, 0.3));
  const crossCityDue = int(0, 20);
  const reportsRequired = int(0, 6);
  const reportsOnTime = int(0, reportsRequired);
  return {
    ordersTotal,
    manualQueued,
    manualAnswered: part(manualQueued, 0.85, 1),
    infoOrders,
    infoInstant: part(infoOrders, 0.9, 1),
    avgWaitSeconds: Math.round(between(10, 40) * 10) / 10,
    transferDue,
    transferOnTime: part(transferDue, 0.8, 1),
    crossCityDue,
    crossCityOnTime: part(crossCityDue, 0.8, 1),
    instantRated,
    instantSatisfied: part(instantRated, 0.9, 1),
    transferClosed,
    revisited,
    revisitRated,
    revisitSatisfied: part(revisitRated, 0.9, 1),
    reportsRequired,
    reportsOnTime,
    reportsLate: int(0, reportsRequired - reportsOnTime),
    inspectionMinor: rand() < 0.7 ? 0 : int(1, 3),
    inspectionMajor: rand() < 0.95 ? 0 : 1,
  };
}

export function syntheticUnits(n: number): Unit[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `U${String(i + 1).padStart(7, "0")}`,
    name: `单位${i + 1}`,
    unitClass: i % 3 === 2 ? "省直管县" : "省辖市",
  }));
}

export function scenario(units: readonly Unit[], period: Period, seed: number): EvaluationInput {
  const rand = random(seed);
  const months = monthsOf(period);
  const records: RawRecord[] = [];
  for (const unit of units) for (const month of months) records.push({ unitCode: unit.code, month, values: monthValues(unit, rand) });
  // About one unit in fifty has an event in a month of the period.
  const events: ScoringEvent[] = [];
  for (const unit of units) {
    if (rand() >= 0.02) continue;
    const month = months[Math.floor(rand() * months.length)];
    events.push({
      date: `${month}-10`,
      unitCode: unit.code,
      type: rand() < 0.6 ? "honour" : "criticism",
      level: rand() < 0.3 ? "provincial" : "city",
      scope: rand() < 0.8 ? "monthly" : "annual",
    });
  }
  return { period, units, records, events };
}

// ---------------------------------------------------------------------------------------------

interface Timing {
  readonly cpuMs: number;
  readonly wallMs: number;
}

/** Median CPU and wall-clock ms of `runs` runs after `warmup` untimed ones. */
function measure(f: () => unknown, runs: number, warmup: number): Timing {
  for (let i = 0; i < warmup; i++) f();
  const timings = Array.from({ length: runs }, () => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    f();
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { cpuMs: (used.user + used.system) / 1000, wallMs };
  });
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(runs / 2)];
  return { cpuMs: median(timings.map((t) => t.cpuMs)), wallMs: median(timings.map((t) => t.wallMs)) };
}

interface Case {
  readonly label: string;
  readonly goalMs: number;
  readonly input: () => EvaluationInput;
  readonly runs: number;
  readonly warmup: number;
}

const month: Period = { kind: "month", year: YEAR, month: 10 };
const year: Period = { kind: "year", year: YEAR };

const CASES: readonly Case[] = [
  { label: "1 month × 28 units", goalMs: 50, input: () => scenario(DEFAULT_UNITS, month, 1), runs: 51, warmup: 20 },
  { label: "year × 28 units (336 unit-months)", goalMs: 50, input: () => scenario(DEFAULT_UNITS, year, 2), runs: 21, warmup: 5 },
  { label: "1 month × 100,000 units", goalMs: 3000, input: () => scenario(syntheticUnits(100_000), month, 3), runs: 5, warmup: 1 },
  {
    label: "year × 8,334 units (100,008 unit-months)",
    goalMs: 3000,
    input: () => scenario(syntheticUnits(8_334), year, 4),
    runs: 5,
    warmup: 1,
  },
];

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

export function benchEngine(): void {
  console.log("\nScoring engine (src/engine): evaluate(), median of runs after warm-up; the verdict is on CPU time");
  console.log(`  ${"case".padEnd(42)} ${"goal".padStart(10)} ${"CPU".padStart(10)} ${"wall".padStart(10)}  verdict`);
  for (const c of CASES) {
    const input = c.input();
    const t = measure(() => evaluate(input), c.runs, c.warmup);
    const verdict = t.cpuMs < c.goalMs ? "ok" : "MISSED";
    console.log(
      `  ${c.label.padEnd(42)} ${`< ${c.goalMs} ms`.padStart(10)} ${ms(t.cpuMs).padStart(10)} ${ms(t.wallMs).padStart(10)}  ${verdict}`,
    );
  }
}
