// Shared machinery of the malformed-workbook corpus: one generated base workbook (kept as bytes and
// re-opened per case), the CLI run in-process with captured output, and the checks every case makes.

import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { EvaluationJson } from "../../src/cli/json";
import { describeTemplate, DEMO_YEAR, demoValues } from "../../src/workbook";
import { writeSheet } from "../../src/adapters/xlsx/writer";
import { FIELDS, DEFAULT_UNITS } from "../../src/engine";

export const PERIOD = "2026-10";
/** Row of 2026-10 in a template unit sheet: title, note, header, then January in row 4. */
export const OCT_ROW = 13;
/** Columns of a template unit sheet. */
export const COL = {
  month: "A",
  ordersTotal: "B",
  manualQueued: "C",
  manualAnswered: "D",
  infoOrders: "E",
  infoInstant: "F",
  avgWaitSeconds: "G",
  transferDue: "H",
  transferOnTime: "I",
  crossCityDue: "J",
  crossCityOnTime: "K",
  reportsRequired: "R",
  reportsOnTime: "S",
  reportsLate: "T",
} as const;

/** A stack-trace line or an exception dump: never on stderr. */
const TRACE = /^\s+at\s|\bError:|\bTypeError\b|\bReferenceError\b/;
/** How a usage mistake's one line ends: where the help is (kp12328 rank --help …). */
export const USAGE_HINT = /（运行 kp12328 (\w+ )?--help 查看用法）$/;

let base: Promise<Buffer> | undefined;

/** The units of the base workbook: both classes, and 济源示范区 for its short name. */
export const BASE_UNITS = ["郑州市", "开封市", "洛阳市", "安阳市", "济源示范区", "巩义市", "兰考县", "滑县"].map((n) =>
  DEFAULT_UNITS.find((u) => u.name === n)!,
);

/**
 * The demo year's template for eight units (a 考评单位 sheet listing them), with sample values for
 * every month and no events: all eight ranked. Small, so that each case opens and ranks quickly.
 */
export function baseWorkbookBytes(): Promise<Buffer> {
  base ??= (async () => {
    const wb = new ExcelJS.Workbook();
    for (const spec of describeTemplate({ year: DEMO_YEAR, units: BASE_UNITS, values: demoValues })) writeSheet(wb, spec);
    return Buffer.from(await wb.xlsx.writeBuffer());
  })();
  return base;
}

export async function openBase(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await baseWorkbookBytes()) as unknown as ArrayBuffer);
  return wb;
}

export async function tempDir(prefix = "kp12328-"): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Writes the base workbook, changed by `edit`, to `dir/name`. */
export async function buildCase(dir: string, name: string, edit: (wb: ExcelJS.Workbook) => unknown): Promise<string> {
  const wb = await openBase();
  await edit(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date(2026, 10, 5, 9, 30) });
  return { code, out, err };
}

export async function digest(file: string): Promise<string> {
  return createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");
}

export interface RankRun extends CliRun {
  readonly json?: EvaluationJson;
  readonly outFile: string;
}

/** `rank FILE --period 2026-10 --json --out …`, checking that the input is untouched and stderr is clean. */
export async function rank(
  file: string,
  extra: string[] = [],
  outFile = path.join(path.dirname(file), `${path.basename(file)}-out.xlsx`),
): Promise<RankRun> {
  const before = await fileState(file);
  const run = await runCli(["rank", file, "--period", PERIOD, "--json", "--out", outFile, ...extra]);
  expect(await fileState(file)).toEqual(before);
  expectCleanStderr(run.err);
  const json = run.code === 0 ? (JSON.parse(run.out.join("\n")) as EvaluationJson) : undefined;
  return { ...run, json, outFile };
}

export async function validate(file: string, extra: string[] = []): Promise<CliRun> {
  const before = await fileState(file);
  const run = await runCli(["validate", file, "--period", PERIOD, ...extra]);
  expect(await fileState(file)).toEqual(before);
  expectCleanStderr(run.err);
  return run;
}

async function fileState(file: string): Promise<string> {
  try {
    const stat = await fs.stat(file);
    return stat.isDirectory() ? "directory" : await digest(file);
  } catch {
    return "absent";
  }
}

/** At most one line (a usage mistake's ends with the hint); never a stack trace. */
export function expectCleanStderr(err: readonly string[]): void {
  const lines = err.flatMap((l) => l.split("\n"));
  expect(lines.length).toBeLessThanOrEqual(1);
  for (const line of lines) expect(line).not.toMatch(TRACE);
}

/** The one stderr line of a failed run, without the "kp12328: " prefix. */
export function errorLine(run: CliRun): string {
  expect(run.err.length).toBeGreaterThanOrEqual(1);
  expect(run.err[0]).toMatch(/^kp12328: /);
  return run.err[0].replace(/^kp12328: /, "");
}

export function issuesOf(run: RankRun) {
  expect(run.json).toBeDefined();
  return run.json!.issues;
}

export function rowOf(run: RankRun, unitName: string) {
  const row = run.json!.rows.find((r) => r.unitName === unitName);
  expect(row).toBeDefined();
  return row!;
}

export interface Expected {
  severity: "error" | "warning";
  sheet: string | null;
  cell?: string | null;
  /** Every text must appear in the message. */
  says: string[];
}

/** The issue matching `e`, or a failure listing every issue there is. */
export function expectIssue(run: RankRun, e: Expected) {
  const issues = run.json!.issues;
  const match = issues.find(
    (i) =>
      i.severity === e.severity &&
      i.sheet === e.sheet &&
      (e.cell === undefined || i.cell === e.cell) &&
      e.says.every((s) => i.message.includes(s)),
  );
  if (!match)
    throw new Error(
      `no issue like ${JSON.stringify(e)}; got:\n${issues.map((i) => `${i.severity} ${i.sheet}!${i.cell} ${i.message}`).join("\n")}`,
    );
  return match;
}

/** A data problem is a result: exit 0, JSON on stdout, nothing on stderr. */
export function expectResult(run: RankRun): EvaluationJson {
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.json).toBeDefined();
  return run.json!;
}

export function totalsOf(json: EvaluationJson) {
  return json.rows.map((r) => [r.unitName, r.rank, r.total]);
}

/** Every problem located at a sheet and, for cell-level problems, a cell. */
export function expectLocated(json: EvaluationJson) {
  for (const i of json.issues) expect(i.sheet).not.toBeNull();
}

/**
 * A corpus file's shared state: a temp dir and the clean base ranking (made in beforeAll), and the
 * helpers that build and rank one case.
 */
export function corpus(prefix: string) {
  let dir = "";
  let baseline: EvaluationJson | undefined;
  beforeAll(async () => {
    dir = await tempDir(`kp12328-${prefix}-`);
    const run = await rank(await buildCase(dir, "base.xlsx", () => {}));
    expect(run.code).toBe(0);
    baseline = run.json!;
    expect(baseline.status).toBe("final");
    expect(baseline.issues).toEqual([]);
    expect(baseline.rows.every((r) => r.result === "ranked")).toBe(true);
  });
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    baseline: () => baseline!,
    /** Same ranking as the clean base workbook. */
    expectBaselineRanking(json: EvaluationJson) {
      expect(totalsOf(json)).toEqual(totalsOf(baseline!));
      expect(json.status).toBe("final");
    },
    /** Builds `name.xlsx` from the base changed by `edit`, and ranks it. */
    async rankCase(name: string, edit: (wb: ExcelJS.Workbook) => unknown, extra: string[] = []): Promise<RankRun> {
      return rank(await buildCase(dir, `${name}.xlsx`, edit), extra);
    },
    build(name: string, edit: (wb: ExcelJS.Workbook) => unknown): Promise<string> {
      return buildCase(dir, name, edit);
    },
    async rawFile(name: string, bytes: Buffer | string): Promise<string> {
      const file = path.join(dir, name);
      await fs.writeFile(file, bytes);
      return file;
    },
  };
}

/** The field headers of spec §3, in template order. */
export const HEADERS = FIELDS.map((f) => f.label);

/** A summary sheet: a 单位 column then the fields, one row per unit from the base sheets' October. */
export function summaryRows(wb: ExcelJS.Workbook, label: (unit: (typeof BASE_UNITS)[number]) => string): ExcelJS.CellValue[][] {
  return BASE_UNITS.map((u) => {
    const row = sheet(wb, u.name).getRow(OCT_ROW);
    return [label(u), ...HEADERS.map((_, c) => row.getCell(c + 1).value)];
  });
}

export function replaceUnitSheetsBySummary(
  wb: ExcelJS.Workbook,
  name: string,
  rows: ExcelJS.CellValue[][],
  above: ExcelJS.CellValue[][] = [],
  replaced = BASE_UNITS.map((u) => u.name),
) {
  const ws = wb.addWorksheet(name);
  for (const r of above) ws.addRow(r);
  ws.addRow(["单位", ...HEADERS]);
  for (const r of rows) ws.addRow(r);
  for (const u of replaced) wb.removeWorksheet(sheet(wb, u).id);
  return ws;
}

/**
 * Adds `count` rows of styled but empty cells (B and C, with the style of the sheet's B13) below the
 * data of `sheetName`, straight into the file's XML: what Excel saves after formatting whole columns.
 * Much faster than building the rows through ExcelJS.
 */
export async function injectStyledRows(file: string, sheetName: string, from: number, count: number): Promise<void> {
  // jszip comes with exceljs.

  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbookXml: string = await zip.file("xl/workbook.xml").async("string");
  const rid = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbookXml)![1];
  const rels: string = await zip.file("xl/_rels/workbook.xml.rels").async("string");
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  const sheetPath = `xl/${target.replace(/^\/?xl\//, "")}`;
  let xml: string = await zip.file(sheetPath).async("string");
  const style = /<c r="B13" s="(\d+)"/.exec(xml)![1];
  const rows: string[] = [];
  for (let r = from; r < from + count; r++)
    rows.push(`<row r="${r}" spans="2:3"><c r="B${r}" s="${style}"/><c r="C${r}" s="${style}"/></row>`);
  xml = xml
    .replace("</sheetData>", `${rows.join("")}</sheetData>`)
    .replace(/<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"\/>/, `<dimension ref="$1:$2${from + count - 1}"/>`);
  zip.file(sheetPath, xml);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}
