// `rank` end to end on the demo workbook and on a workbook with 10 years of history, split into
// reading the file, the engine (read cells → evaluate → describe) and writing the file.

import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { parsePeriod, DEFAULT_UNITS } from "../src/engine";
import {
  rankWorkbook,
  describeTemplate,
  describeUnitSheet,
  DEMO_EVENTS,
  DEMO_MONTH,
  DEMO_PUBLISHED,
  demoValues,
  sampleMonth,
} from "../src/workbook";
import { workbookSheets } from "../src/adapters/xlsx/cells";
import { applyChange, writeSheet } from "../src/adapters/xlsx/writer";
import { verdict } from "./build";

const PROCESS_RUNS = 5;
const PROCESS_GOAL_MS = 2000;

async function demoBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of describeTemplate({ year: 2026, values: demoValues, events: DEMO_EVENTS })) writeSheet(wb, spec);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 28 unit sheets with 120 monthly rows each (2017–2026), the newest year last. */
async function historyBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of describeTemplate({ year: 2026, values: demoValues, events: DEMO_EVENTS }).filter((s) => s.role !== "unitInput"))
    writeSheet(wb, spec);
  for (const unit of DEFAULT_UNITS) {
    const years = Array.from({ length: 10 }, (_, i) => 2017 + i).map((year) =>
      describeUnitSheet(unit, year, (u, m) => (year === 2026 ? demoValues(u, m) : sampleMonth(u, year, Number(m.slice(5))))),
    );
    const [first, ...rest] = years;
    // Score formulas point at their own year's rows; the stacked history keeps values only.
    const rows = [...first.rows, ...rest.flatMap((s) => s.rows.slice(3))].map((row) =>
      row.map((c) => (c?.formula ? { ...c, formula: undefined } : c)),
    );
    writeSheet(wb, { ...first, rows, validations: [] });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Split {
  read: number;
  engine: number;
  write: number;
}

async function rankOnce(bytes: Buffer, period: string): Promise<Split> {
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = workbookSheets(wb);
  const t1 = performance.now();
  // A year is published after its last day: no publication date for it here.
  const published = period.length === 7 ? DEMO_PUBLISHED : undefined;
  const run = rankWorkbook(sheets, { period: parsePeriod(period)!, published, generated: "2026-11-05 09:00" });
  const t2 = performance.now();
  applyChange(wb, run.change);
  await wb.xlsx.writeBuffer();
  const t3 = performance.now();
  return { read: t1 - t0, engine: t2 - t1, write: t3 - t2 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function measure(label: string, bytes: Buffer, period: string, runs: number): Promise<void> {
  await rankOnce(bytes, period); // warm-up
  const splits: Split[] = [];
  for (let i = 0; i < runs; i++) splits.push(await rankOnce(bytes, period));
  const read = median(splits.map((s) => s.read));
  const engine = median(splits.map((s) => s.engine));
  const write = median(splits.map((s) => s.write));
  const total = read + engine + write;
  const ms = (v: number, width: number, digits = 0) => `${v.toFixed(digits).padStart(width)} ms`;
  const size = `${(bytes.length / 1024).toFixed(0).padStart(6)} KB`;
  const share = `(${((engine / total) * 100).toFixed(1)}%)`;
  console.log(
    `  ${label.padEnd(34)} ${size}  total ${ms(total, 5)}  read ${ms(read, 5)}  engine ${ms(engine, 6, 1)} ${share}  write ${ms(write, 5)}`,
  );
}

export async function benchRank(): Promise<void> {
  console.log("\nrank on .xlsx (in process, median of runs; engine = read cells → evaluate → describe result)");
  const demo = await demoBytes();
  await measure(`demo workbook, ${DEMO_MONTH}`, demo, DEMO_MONTH, 5);
  const history = await historyBytes();
  await measure("10 years of history, 2026-10", history, "2026-10", 3);
  await measure("10 years of history, 2026", history, "2026", 3);

  // The command a clerk runs, as a process: Node's start, loading the tool (one bundled file, exceljs
  // included: bin/kp12328.js runs dist-cli/main.js), reading, ranking and writing the file.
  const dir = mkdtempSync(path.join(tmpdir(), "kp-bench-"));
  const file = path.join(dir, "demo.xlsx");
  writeFileSync(file, demo);
  const bin = path.join(__dirname, "..", "bin", "kp12328.js");
  // What ships: `npm run build:cli` as npm ci runs it, from the sources as they are now.
  execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "--silent", "build:cli"], {
    cwd: path.join(__dirname, ".."),
    stdio: "ignore",
  });
  const runOnce = (i: number) => {
    const t0 = performance.now();
    execFileSync(
      process.execPath,
      [bin, "rank", file, "--period", DEMO_MONTH, "--published", DEMO_PUBLISHED, "--out", path.join(dir, `out${i}.xlsx`)],
      { stdio: "ignore" },
    );
    return performance.now() - t0;
  };
  runOnce(-1); // warm-up: the file system's cache
  const times = Array.from({ length: PROCESS_RUNS }, (_, i) => runOnce(i));
  const whole = median(times);
  console.log(`  kp12328 rank demo.xlsx, whole process: median ${whole.toFixed(0)} ms of ${PROCESS_RUNS} runs after a warm-up`);
  console.log(verdict("demo rank, whole process", `${whole.toFixed(0)} ms`, `< ${PROCESS_GOAL_MS} ms`, whole < PROCESS_GOAL_MS));
}
