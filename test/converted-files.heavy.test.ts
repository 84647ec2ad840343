// Files as centres send them back, made here by LibreOffice from the demo workbook: an .xls, the same
// BIFF under WPS's name (.et), an .ods, and a .csv of the summary layout. `rank` converts each through
// LibreOffice (or reads the .csv itself) and ranks exactly as from the .xlsx they were made from.
// Without `soffice`: skipped with a message locally, a failure under CI.

import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { EvaluationJson } from "../src/cli/json";
import { DEFAULT_UNITS, FIELDS, monthKey } from "../src/engine";
import { DEMO_EVENTS, DEMO_YEAR, demoValues, describeTemplate } from "../src/workbook";
import { writeSheet } from "../src/adapters/xlsx/writer";
import { findSoffice } from "../src/adapters/convert/libreoffice";
import { runCli, tempDir } from "./support/cli-harness";

jest.setTimeout(600_000);

const soffice = findSoffice();
if (!soffice && !process.env.CI)
  console.warn("test/converted-files.heavy.test.ts skipped: LibreOffice (soffice) is not installed (apt-get install libreoffice-calc).");
const suite = soffice || process.env.CI ? describe : describe.skip;

/** LibreOffice's own conversion of `file` to `target`, in `dir`, with the test's profile. */
async function libreOffice(dir: string, file: string, target: string): Promise<void> {
  await promisify(execFile)(
    soffice!,
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      target,
      "--outdir",
      dir,
      file,
    ],
    { timeout: 300_000, env: { ...process.env, HOME: dir } },
  );
}

async function rankJson(file: string, dir: string): Promise<EvaluationJson> {
  const run = await runCli(["rank", file, "--period", "2026-10", "--json", "--out", path.join(dir, `${path.basename(file)}-out.xlsx`)]);
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
  return JSON.parse(run.out.join("\n"));
}

const ranking = (json: EvaluationJson) => json.rows.map((r) => [r.unitName, r.rank, r.total, r.result]);

suite("files converted from the demo workbook rank as the .xlsx does", () => {
  let dir = "";
  let demo = "";
  let expected: EvaluationJson;

  beforeAll(async () => {
    dir = await tempDir("kp12328-converted-");
    demo = path.join(dir, "demo.xlsx");
    const workbook = new ExcelJS.Workbook();
    for (const spec of describeTemplate({ year: DEMO_YEAR, values: demoValues, events: DEMO_EVENTS })) writeSheet(workbook, spec);
    await workbook.xlsx.writeFile(demo);
    await libreOffice(dir, demo, "xls");
    await libreOffice(dir, demo, "ods");
    await fs.copyFile(path.join(dir, "demo.xls"), path.join(dir, "demo.et"));
    expected = await rankJson(demo, dir);
    expect(expected.rows.filter((r) => r.rank !== null).length).toBeGreaterThan(20);
  });

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it.each(["xls", "et", "ods"])("ranks the .%s as the .xlsx", async (ext) => {
    const json = await rankJson(path.join(dir, `demo.${ext}`), dir);
    expect(ranking(json)).toEqual(ranking(expected));
    expect(json.issues).toEqual(expected.issues);
  });

  it("ranks a .csv of the summary layout (one row per unit and month, a 单位 column) as the .xlsx it was saved from", async () => {
    const summary = path.join(dir, "汇总.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("汇总");
    sheet.addRow(["单位", ...FIELDS.map((f) => f.label)]);
    for (const unit of DEFAULT_UNITS)
      for (let m = 1; m <= 12; m++) {
        const month = monthKey(DEMO_YEAR, m);
        const values = demoValues(unit, month) as Record<string, unknown>;
        sheet.addRow([unit.name, ...FIELDS.map((f) => (f.id === "month" ? month : (values[f.id] ?? null)))] as ExcelJS.CellValue[]);
      }
    await workbook.xlsx.writeFile(summary);
    // UTF-8 (76), comma-separated (44), quoted with " (34).
    await libreOffice(dir, summary, "csv:Text - txt - csv (StarCalc):44,34,76");
    const fromXlsx = await rankJson(summary, dir);
    expect(fromXlsx.rows.filter((r) => r.rank !== null).length).toBeGreaterThan(20);
    const fromCsv = await rankJson(path.join(dir, "汇总.csv"), dir);
    expect(ranking(fromCsv)).toEqual(ranking(fromXlsx));
    expect(fromCsv.issues).toEqual(fromXlsx.issues);
  });
});
