// `functions` — the custom functions as they ship: dist/functions.js of a production build of the
// current sources (build.ts), loaded in a fresh V8 context (node:vm) with a CustomFunctions stand-in that
// captures what the bundle associates, and the in-memory Excel host's globals (Excel, Office) so that any
// Excel call it made would be counted. The arguments are the template's own: every KAOPING.SCORE formula
// of a full year's workbook (describeTemplate, 28 units × 12 months × 11 indicators = 3,696 cells),
// its references resolved to the values Excel hands over (ranges as 2-D arrays, each call its own copy).
//
// Printed: the cell values a full recalculation hands to KAOPING.* (counted from the formulas by
// test/support/function-load.ts, and checked here against the arguments actually passed; goal ≤ 40,000);
// cold — every SCORE call of the workbook in a fresh context right after loading the bundle (median of 5
// contexts); warm — the same calls again in a context that has run them (median of 7 passes); goal for a
// full recalculation: under 50 ms warm, judged on CPU time (wall-clock time is shown beside).
// And the Excel calls the bundle made while loading and calculating (goal 0).

import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { CellValue, DEFAULT_UNITS, parseCellAddress } from "../src/engine";
import { DEMO_EVENTS, FUNCTION_NAMESPACE, SheetSpec, demoValues, describeTemplate } from "../src/workbook";
import { callArguments, formulasOf, functionLoad } from "../test/support/function-load";
import { ERROR_CODES, ShimError } from "../test/support/custom-functions-shim";
import { MemoryExcel, installGlobals } from "../test/support/memory-excel";
import { productionBuild, verdict } from "./build";

const VALUES_GOAL = 40_000;
const WARM_GOAL_MS = 50;
const COLD_CONTEXTS = 5;
const WARM_PASSES = 7;

type Arg = CellValue | CellValue[][] | null;
type Call = readonly Arg[];

/** A full year's workbook as the template writes it, every month filled. */
function fullYear(): SheetSpec[] {
  return describeTemplate({ year: 2026, values: demoValues, events: DEMO_EVENTS });
}

function cellOf(spec: SheetSpec, row: number, column: number): CellValue {
  const v = spec.rows[row - 1]?.[column - 1]?.value;
  return v === undefined || v === null ? "" : v;
}

/** A reference ("D13", "D13:E13", "'评分规则'!$B$3:$H$3", "'开封市'!B13") as Excel hands it: one value, or rows of values. */
function resolve(ref: string, from: SheetSpec, byName: ReadonlyMap<string, SheetSpec>): CellValue | CellValue[][] {
  const m = /^(?:'((?:[^']|'')+)'!)?(.+)$/.exec(ref.trim())!;
  const spec = m[1] ? byName.get(m[1].replace(/''/g, "'"))! : from;
  const [a, b] = m[2]
    .replace(/\$/g, "")
    .split(":")
    .map((x) => parseCellAddress(x)!);
  if (!b) return cellOf(spec, a.row, a.column);
  const rows: CellValue[][] = [];
  for (let r = a.row; r <= b.row; r++) {
    const row: CellValue[] = [];
    for (let c = a.column; c <= b.column; c++) row.push(cellOf(spec, r, c));
    rows.push(row);
  }
  return rows;
}

/** An argument's text as the value passed: a string or number literal, a reference, or MEDIAN(…) of references. */
function argument(text: string, from: SheetSpec, byName: ReadonlyMap<string, SheetSpec>): CellValue | CellValue[][] | null {
  const s = text.trim();
  if (s === "") return null;
  if (s.startsWith('"')) return s.slice(1, -1).replace(/""/g, '"');
  if (/^-?\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (/^MEDIAN\(/i.test(s)) {
    const numbers = callArguments(s, s.indexOf("("))
      .flatMap((a) => [resolve(a, from, byName)].flat(2))
      .filter((v): v is number => typeof v === "number")
      .sort((x, y) => x - y);
    const mid = numbers.length >> 1;
    return numbers.length % 2 ? numbers[mid] : (numbers[mid - 1] + numbers[mid]) / 2;
  }
  return resolve(s, from, byName);
}

/** Every KAOPING.SCORE call of the workbook with its arguments (value and rules as 2-D arrays, as declared). */
function scoreCalls(sheets: readonly SheetSpec[]): Call[] {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const head = `${FUNCTION_NAMESPACE}.SCORE(`;
  const calls: Call[] = [];
  for (const f of formulasOf(sheets)) {
    const at = f.formula.indexOf(head);
    if (at < 0) continue;
    const from = byName.get(f.sheet)!;
    const [indicator, value, denominator, rules] = callArguments(f.formula, at + head.length - 1).map((a) => argument(a, from, byName));
    const grid = (v: Arg): Arg => (v === null || Array.isArray(v) ? v : [[v]]);
    calls.push([indicator, grid(value), denominator ?? null, grid(rules ?? null)]);
  }
  return calls;
}

/** How many cell values a call hands over: a range its cells, anything else one value (omitted: none). */
function valuesIn(call: Call): number {
  return call.reduce<number>((n, a) => n + (a === null ? 0 : Array.isArray(a) ? a.reduce((m, row) => m + row.length, 0) : 1), 0);
}

/** A deep copy: Excel hands every call arrays of its own. */
const copy = (calls: readonly Call[]): Call[] => calls.map((c) => c.map((a) => (Array.isArray(a) ? a.map((row) => [...row]) : a)));

interface Loaded {
  readonly score: (...args: Arg[]) => unknown;
  readonly associated: string[];
  readonly host: MemoryExcel;
  readonly loadMs: number;
}

/** dist/functions.js in a fresh context, as the shared runtime loads it. */
function loadBundle(source: vm.Script): Loaded {
  const host = new MemoryExcel();
  const functions = new Map<string, (...args: Arg[]) => unknown>();
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    // webpack's runtime takes its public path from the script element that loaded the bundle.
    document: { currentScript: { src: "https://addin.invalid/functions.js", tagName: "SCRIPT" } },
    CustomFunctions: {
      Error: ShimError,
      ErrorCode: ERROR_CODES,
      associate(id: string | Record<string, (...args: Arg[]) => unknown>, fn?: (...args: Arg[]) => unknown) {
        if (typeof id === "string") functions.set(id, fn!);
        else for (const [k, f] of Object.entries(id)) functions.set(k, f);
      },
    },
  };
  sandbox.self = sandbox.window = sandbox.globalThis = sandbox;
  installGlobals(host, {}, sandbox);
  const context = vm.createContext(sandbox);
  const start = performance.now();
  source.runInContext(context);
  const loadMs = performance.now() - start;
  const score = functions.get("SCORE");
  if (!score) throw new Error(`dist/functions.js associated no SCORE (it associated: ${[...functions.keys()].join(", ")})`);
  return { score, associated: [...functions.keys()], host, loadMs };
}

/** One pass over the calls: wall-clock ms and the process's CPU ms (which other processes on a shared machine inflate less). */
function pass(score: Loaded["score"], calls: readonly Call[]): { ms: number; cpuMs: number; sink: number; errors: number } {
  let sink = 0;
  let errors = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const c of calls) {
    try {
      const v = score(...c);
      if (typeof v === "number") sink += v;
    } catch {
      errors++; // an Excel error value (#N/A …), thrown as CustomFunctions.Error
    }
  }
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, sink, errors };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function benchFunctions(): Promise<void> {
  console.log(
    `\nfunctions — the shipped dist/functions.js in a fresh V8 context, with the template's own ${FUNCTION_NAMESPACE}.SCORE arguments`,
  );
  const dist = await productionBuild();
  const file = path.join(dist, "functions.js");
  const source = new vm.Script(fs.readFileSync(file, "utf8"), { filename: file });

  const sheets = fullYear();
  const load = functionLoad(sheets);
  const calls = scoreCalls(sheets);
  const passed = calls.reduce((n, c) => n + valuesIn(c), 0);
  console.log(
    `  a full year's workbook (${DEFAULT_UNITS.length} units × 12 months): ${load.calls.toLocaleString("en")} ${FUNCTION_NAMESPACE}.* calls, ` +
      `${load.values.toLocaleString("en")} cell values handed over on a full recalculation ` +
      `(the ${calls.length.toLocaleString("en")} SCORE calls resolved here pass ${passed.toLocaleString("en")}, ` +
      `the indicator literals ${load.literals.toLocaleString("en")} included)`,
  );
  console.log(
    verdict(
      "cell values per full recalculation",
      load.values.toLocaleString("en"),
      `≤ ${VALUES_GOAL.toLocaleString("en")}`,
      load.values <= VALUES_GOAL,
    ),
  );

  const cold: number[] = [];
  const coldCpu: number[] = [];
  const loads: number[] = [];
  let excelCalls = 0;
  let associated: string[] = [];
  for (let i = 0; i < COLD_CONTEXTS; i++) {
    const bundle = loadBundle(source);
    const run = copy(calls);
    const p = pass(bundle.score, run);
    cold.push(p.ms);
    coldCpu.push(p.cpuMs);
    loads.push(bundle.loadMs);
    excelCalls += bundle.host.runs + bundle.host.syncCalls;
    associated = bundle.associated;
  }
  const bundle = loadBundle(source);
  const first = pass(bundle.score, copy(calls));
  const warm: number[] = [];
  const warmCpu: number[] = [];
  for (let i = 0; i < WARM_PASSES; i++) {
    const p = pass(bundle.score, copy(calls));
    warm.push(p.ms);
    warmCpu.push(p.cpuMs);
  }
  excelCalls += bundle.host.runs + bundle.host.syncCalls;

  console.log(`  associated: ${associated.join(", ")}; loading the bundle ${ms(median(loads))} (median of ${COLD_CONTEXTS})`);
  console.log(
    `  ${calls.length} × SCORE cold (fresh context, first calls): CPU ${ms(median(coldCpu))}, wall ${ms(median(cold))} (median of ${COLD_CONTEXTS}); ` +
      `warm: CPU ${ms(median(warmCpu))}, wall ${ms(median(warm))} (median of ${WARM_PASSES} passes), ` +
      `${((median(warmCpu) * 1000) / calls.length).toFixed(2)} µs a call`,
  );
  console.log(
    `  results: ${calls.length - first.errors} numbers, ${first.errors} Excel errors (sum of the scores ${first.sink.toFixed(2)})`,
  );
  const warmMs = median(warmCpu);
  console.log(verdict("a full recalculation of SCORE, warm (CPU time)", ms(warmMs), `< ${WARM_GOAL_MS} ms`, warmMs < WARM_GOAL_MS));
  console.log(verdict("Excel calls by the functions bundle (load + every call)", String(excelCalls), "0", excelCalls === 0));
}
