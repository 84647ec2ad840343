// The 网页版's steps as a clerk takes them, and the same steps through the command-line tool, for the
// tests that hold the page to `kp12328 rank`: the demo workbook with 郑州市's October not yet filled in,
// 郑州市's returned file imported, 2026-10 generated with a publication date, 开封市's October 工单总量
// corrected (in Excel or WPS, as the clerk would) and generated again with a reason.

import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { DEFAULT_UNITS, generationStamp } from "../../src/engine";
import {
  DEMO_EVENTS,
  DEMO_MONTH,
  DEMO_PUBLISHED,
  DEMO_YEAR,
  demoValues,
  describeTemplate,
  describeUnitFile,
  planImport,
  unitFileName,
} from "../../src/workbook";
import { workbookSheets } from "../../src/adapters/xlsx/cells";
import { applyChange, writeSheet } from "../../src/adapters/xlsx/writer";
import { main } from "../../src/cli/main";

export const PERIOD = "2026-10";
export const PUBLISHED = DEMO_PUBLISHED;
export const REASON = "开封市 10 月工单总量报错，按中心更正函更正";
/** The clock of every step (the CLI's and the page's): 2026-11-05 09:30 local time. */
export const NOW = new Date(2026, 10, 5, 9, 30);
export const INPUT_NAME = "河南12328-2026.xlsx";

const ZHENGZHOU = DEFAULT_UNITS.find((u) => u.name === "郑州市")!;
/** The corrected input: 开封市's October 工单总量 (row 13 is October on a unit sheet, B its first count). */
export const CORRECTION = { sheet: "开封市", cell: "B13", by: 100 } as const;

/** The demo year's workbook with 郑州市's October row empty (the centre has not yet sent it). */
export async function inputWithGap(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const values = (unit: (typeof DEFAULT_UNITS)[number], month: string) =>
    unit.name === ZHENGZHOU.name && month === DEMO_MONTH ? undefined : demoValues(unit, month);
  for (const spec of describeTemplate({ year: DEMO_YEAR, values, events: DEMO_EVENTS })) writeSheet(workbook, spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 郑州市's returned per-unit file, October filled in. */
export async function returnedFile(): Promise<{ name: string; buffer: Buffer }> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of describeUnitFile(ZHENGZHOU, DEMO_YEAR, demoValues)) writeSheet(workbook, spec);
  return { name: unitFileName(ZHENGZHOU, DEMO_YEAR), buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** The clerk's correction in Excel or WPS: the cell's number raised by CORRECTION.by, the file saved. */
export async function correctInput(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cell = workbook.getWorksheet(CORRECTION.sheet)!.getCell(CORRECTION.cell);
  cell.value = Number(cell.value) + CORRECTION.by;
  await workbook.xlsx.writeFile(file);
}

async function cli(argv: string[]): Promise<void> {
  const err: string[] = [];
  const code = await main(argv, { out: () => undefined, err: (l) => err.push(l), now: () => NOW });
  if (code !== 0) throw new Error(`kp12328 ${argv.join(" ")}: ${err.join("\n")}`);
}

/**
 * The same steps on files: the import (the workbook layer's planImport, as the pane plans it; the CLI
 * has no import command), `kp12328 rank` into the period's ledger, the correction made in that ledger
 * (which holds the inputs too, as the page's saved workbook does), `rank` of the ledger with the reason.
 * Returns the ledger after each rank.
 */
export async function referenceSteps(dir: string): Promise<{ first: string; second: string }> {
  const input = path.join(dir, INPUT_NAME);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await inputWithGap()) as unknown as ArrayBuffer);
  const returned = await returnedFile();
  const unitFile = new ExcelJS.Workbook();
  await unitFile.xlsx.load(returned.buffer as unknown as ArrayBuffer);
  const plan = planImport(
    [{ name: returned.name, sheets: workbookSheets(unitFile) }],
    { sheets: workbookSheets(workbook), names: workbook.worksheets.map((ws) => ws.name) },
    generationStamp(NOW),
  );
  if (!plan.change || plan.problems.some((p) => p.severity === "error")) throw new Error("the import planned no change");
  applyChange(workbook, plan.change);
  await workbook.xlsx.writeFile(input);
  const first = path.join(dir, "reference-1.xlsx");
  await cli(["rank", input, "--period", PERIOD, "--published", PUBLISHED, "--out", first]);
  const corrected = path.join(dir, "reference-1-corrected.xlsx");
  await fs.copyFile(first, corrected);
  await correctInput(corrected);
  const second = path.join(dir, "reference-2.xlsx");
  await cli(["rank", corrected, "--period", PERIOD, "--reason", REASON, "--out", second]);
  return { first, second };
}

/** Where two plain values first differ ("sheets.3.cells.B13.value: 1 ≠ 2"), or null: a short failure message for large workbooks. */
export function firstDifference(a: unknown, b: unknown, at = ""): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b))
    return `${at || "(top)"}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], at ? `${at}.${key}` : key);
    if (found) return found;
  }
  return null;
}
