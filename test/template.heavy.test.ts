// The templates in another spreadsheet program: LibreOffice Calc (headless) opens each, recalculates
// every formula on load (its profile says so: OOXMLRecalcMode 0 = always), and exports every sheet as CSV.
// - The centres' template and a per-unit file (empty, and filled in by a centre) show no error value
//   (#NAME?, #VALUE!, #REF!, #DIV/0!, #N/A, #NUM!, Err:…) in any cell: they hold no function of the add-in.
// - The province's own workbook shows #NAME? in its KAOPING score columns — expected there, and only there
//   (docs/functions.md): LibreOffice has no KAOPING functions.
// - The per-unit file printed to PDF carries every line of 填报说明 whole (pdftotext): wrapped, not cut.
// Without soffice: skipped with a message locally, a failure under CI.

import { execFile, spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { writeSheet } from "../src/adapters/xlsx/writer";
import { describeInstructionsSheet, describeTemplate, demoValues, unitFileName } from "../src/workbook";
import { tempDir } from "./support/cli-harness";
import { parseCsv } from "./support/csv";

const TIMEOUT = 180_000;
const CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
const ERROR_VALUE = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!|Err:\d+)$/;

function which(command: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim().split("\n")[0] : undefined;
}

const soffice = which("soffice") ?? which("libreoffice");
const pdftotext = which("pdftotext");
if (!soffice && !process.env.CI) {
  console.warn("test/template.heavy.test.ts skipped: LibreOffice (soffice) is not installed (apt-get install libreoffice-calc).");
}

/** A LibreOffice profile that recalculates every formula of an .xlsx on load, instead of showing the cached values. */
async function recalculatingProfile(dir: string): Promise<string> {
  const profile = path.join(dir, "lo-profile");
  await fs.mkdir(path.join(profile, "user"), { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  await fs.writeFile(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ` +
      `xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
      `${item("OOXMLRecalcMode")}\n${item("ODFRecalcMode")}\n</oor:items>\n`,
  );
  return profile;
}

let dir = "";
let profile = "";

async function convert(file: string, format: string, outDir: string): Promise<void> {
  await fs.mkdir(outDir, { recursive: true });
  await promisify(execFile)(
    soffice!,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, file],
    { timeout: TIMEOUT - 20_000, env: { ...process.env, HOME: dir } },
  );
}

/** Every cell of every sheet of `file` as Calc shows it after recalculation: "sheet!row,column" → text. */
async function cellsAsShown(file: string): Promise<Map<string, string>> {
  const out = path.join(dir, `csv-${path.basename(file, ".xlsx")}`);
  await convert(file, CSV, out);
  const base = path.basename(file, ".xlsx");
  const cells = new Map<string, string>();
  for (const name of await fs.readdir(out)) {
    const sheet = name.slice(base.length + 1, -".csv".length);
    parseCsv(await fs.readFile(path.join(out, name), "utf8")).forEach((row, r) =>
      row.forEach((v, c) => v && cells.set(`${sheet}!${r + 1},${c + 1}`, v)),
    );
  }
  return cells;
}

const errorsIn = (cells: Map<string, string>) => [...cells].filter(([, v]) => ERROR_VALUE.test(v.trim())).map(([at, v]) => `${at} ${v}`);

const io = { out: () => undefined, err: (line: string) => console.error(line), now: () => new Date(2027, 0, 5, 9, 0) };
const suite = soffice || process.env.CI ? describe : describe.skip;

suite("the templates in LibreOffice Calc, recalculated", () => {
  beforeAll(async () => {
    if (!soffice) return;
    dir = await tempDir("kp12328-template-lo-");
    profile = await recalculatingProfile(dir);
    expect(await main(["template", "--out", path.join(dir, "centres.xlsx"), "--year", "2027", "--for-centres"], io)).toBe(0);
    expect(await main(["template", "--per-unit", path.join(dir, "units"), "--year", "2027"], io)).toBe(0);
  }, TIMEOUT);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("is installed (required under CI)", () => {
    if (!soffice) throw new Error("LibreOffice (soffice) is not installed, and CI requires this check");
  });

  it(
    "the centres' template shows no error value in any cell of any sheet",
    async () => {
      const cells = await cellsAsShown(path.join(dir, "centres.xlsx"));
      expect(cells.get("填报说明!1,1")).toBe("2027年 12328 电话系统运行服务质量考评 填报说明");
      expect(cells.get("郑州市!3,2")).toBe("工单总量");
      expect(errorsIn(cells)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "a per-unit file, empty and filled in by its centre, shows no error value",
    async () => {
      const file = path.join(dir, "units", unitFileName({ code: "410100", name: "郑州市", unitClass: "省辖市" }, 2027));
      expect(errorsIn(await cellsAsShown(file))).toEqual([]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const values = demoValues({ code: "410100", name: "郑州市", unitClass: "省辖市" }, "2026-03")!;
      const ws = wb.getWorksheet("郑州市")!;
      // March (row 6), every field in template order from column B.
      Object.values(values).forEach((v, i) => (ws.getCell(6, i + 2).value = typeof v === "number" ? v : null));
      const filled = path.join(dir, "filled.xlsx");
      await wb.xlsx.writeFile(filled);
      const cells = await cellsAsShown(filled);
      expect(cells.get("郑州市!6,2")).toBe(String(values.ordersTotal));
      expect(errorsIn(cells)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "the province's workbook shows #NAME? in its KAOPING score columns only — expected without the add-in",
    async () => {
      const wb = new ExcelJS.Workbook();
      const year = 2026;
      for (const spec of describeTemplate({ year, values: demoValues })) writeSheet(wb, spec);
      const file = path.join(dir, "province.xlsx");
      await wb.xlsx.writeFile(file);
      const errors = errorsIn(await cellsAsShown(file));
      // 28 units × 12 filled months × (11 indicator scores + the base), and nothing else.
      expect(errors).toHaveLength(28 * 12 * 12);
      expect(errors.every((e) => / #NAME\?$/.test(e) && Number(/,(\d+) /.exec(e)![1]) >= 23)).toBe(true);
    },
    TIMEOUT,
  );

  const pdfIt = pdftotext ? it : it.skip;
  pdfIt(
    "printed to PDF, the per-unit file carries every line of 填报说明 whole: wrapped, not cut at the page edge",
    async () => {
      const file = path.join(dir, "units", unitFileName({ code: "410100", name: "郑州市", unitClass: "省辖市" }, 2027));
      await convert(file, "pdf", path.join(dir, "pdf"));
      const pdf = path.join(dir, "pdf", path.basename(file, ".xlsx") + ".pdf");
      const { stdout } = await promisify(execFile)(pdftotext!, ["-enc", "UTF-8", pdf, "-"]);
      const printed = stdout.replace(/\s+/g, "");
      const lines = describeInstructionsSheet(2027, "unit").rows.map((row) => String(row[0]?.value).replace(/\s+/g, ""));
      expect(lines.filter((line) => !printed.includes(line))).toEqual([]);
    },
    TIMEOUT,
  );
});
