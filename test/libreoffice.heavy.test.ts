// The result workbook in another spreadsheet program: LibreOffice Calc (headless) opens the demo's
// ranked copy, and the ranking survives: unit order, ranks and totals of the result sheet, both as
// Calc shows them (CSV export of every sheet) and after Calc saves the workbook as .xlsx again.
// Without `soffice`: skipped with a message locally, a failure under CI.

import { execFile, spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";
import { EvaluationJson } from "../src/cli/json";
import { DEMO_PUBLISHED } from "../src/workbook/demo-data";
import { runCli, tempDir } from "./support/cli-harness";
import { parseCsv } from "./support/csv";

const TIMEOUT = 120_000;
const RESULT_SHEET = "2026年10月 考评结果";

function findSoffice(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim().split("\n")[0] : undefined;
}

const soffice = findSoffice();
if (!soffice && !process.env.CI) {
  console.warn(
    "test/libreoffice.test.ts skipped: LibreOffice (soffice) is not installed; install it (apt-get install libreoffice-calc) to run this check.",
  );
}

/** The result table of a result sheet given as rows of text: name, rank text, total. */
function resultTable(rows: string[][]): { name: string; rank: string; total: number | string | null }[] {
  const h = rows.findIndex((r) => r[0] === "名次" && r[1] === "单位");
  expect(h).toBeGreaterThanOrEqual(0);
  const total = rows[h].indexOf("总分");
  const out: { name: string; rank: string; total: number | string | null }[] = [];
  for (const r of rows.slice(h + 1)) {
    if (!r[1]) break;
    // Calc exports the stored value (55.6), not the 0.00 display (55.60).
    // A 不合格 row's 总分 reads 不合格.
    const cell = r[total];
    out.push({ name: r[1], rank: r[0], total: cell === "" ? null : cell === "不合格" ? cell : Number(cell) });
  }
  return out;
}

function expected(json: EvaluationJson) {
  return json.rows.map((r) => ({
    name: r.unitName,
    rank: r.rank === null ? "不合格" : String(r.rank),
    total: r.result === "disqualified" ? "不合格" : r.total,
  }));
}

async function convert(dir: string, file: string, format: string, outDir: string): Promise<void> {
  await fs.mkdir(outDir, { recursive: true });
  await promisify(execFile)(
    soffice!,
    [
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      file,
    ],
    {
      timeout: TIMEOUT - 10_000,
      env: { ...process.env, HOME: dir },
    },
  );
}

const suite = soffice ? describe : process.env.CI ? describe : describe.skip;

suite("LibreOffice Calc opens the ranked workbook", () => {
  let dir = "";
  let json: EvaluationJson;
  let result = "";

  beforeAll(async () => {
    if (!soffice) return;
    dir = await tempDir("kp12328-lo-");
    expect((await runCli(["demo", "--out", dir])).code).toBe(0);
    result = path.join(dir, "ranked.xlsx");
    const run = await runCli([
      "rank",
      path.join(dir, "kp12328-demo-2026.xlsx"),
      "--period",
      "2026-10",
      "--json",
      "--published",
      DEMO_PUBLISHED,
      "--out",
      result,
    ]);
    expect(run.code).toBe(0);
    json = JSON.parse(run.out.join("\n"));
  }, TIMEOUT);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("is installed (required under CI)", () => {
    if (!soffice)
      throw new Error("LibreOffice (soffice) is not installed, and CI requires this check: install libreoffice-calc in .ci/run");
  });

  it(
    "shows the same unit order, ranks and totals in the result sheet (CSV of every sheet)",
    async () => {
      const out = path.join(dir, "csv");
      await convert(dir, result, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", out);
      const files = await fs.readdir(out);
      const sheetFile = files.find((f) => f.endsWith(`-${RESULT_SHEET}.csv`));
      expect(sheetFile).toBeDefined();
      const rows = parseCsv(await fs.readFile(path.join(out, sheetFile!), "utf8"));
      expect(resultTable(rows)).toEqual(expected(json));
      // The status rows: period, state and version, then the publication date and the 公示期's end.
      const status = rows
        .slice(rows.findIndex((r) => r.includes("考评期间")))
        .slice(0, 2)
        .flat();
      expect(status).toEqual(expect.arrayContaining(["公示中", "2026-11-05", "2026-11-12"]));
      // The zero denominator's "—" and the tie notes come through as text.
      const xincai = rows.find((r) => r[1] === "新蔡县")!;
      expect(xincai).toContain("—");
      expect(rows.find((r) => r[1] === "开封市")!.join(",")).toContain("人工接通率");
    },
    TIMEOUT,
  );

  it(
    "keeps the ranking when Calc saves the workbook as .xlsx, and ranks that file the same",
    async () => {
      const out = path.join(dir, "xlsx");
      await convert(dir, result, "xlsx:Calc MS Excel 2007 XML", out);
      const saved = path.join(out, "ranked.xlsx");
      const csv = path.join(dir, "csv2");
      await convert(dir, saved, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", csv);
      const sheetFile = (await fs.readdir(csv)).find((f) => f.endsWith(`-${RESULT_SHEET}.csv`))!;
      expect(resultTable(parseCsv(await fs.readFile(path.join(csv, sheetFile), "utf8")))).toEqual(expected(json));
      // The input sheets Calc wrote still rank to the same result.
      const again = await runCli([
        "rank",
        saved,
        "--period",
        "2026-10",
        "--json",
        "--published",
        DEMO_PUBLISHED,
        "--out",
        path.join(dir, "again.xlsx"),
      ]);
      expect(again.err).toEqual([]);
      expect(again.code).toBe(0);
      const second: EvaluationJson = JSON.parse(again.out.join("\n"));
      expect(expected(second)).toEqual(expected(json));
      expect(second.issues).toEqual([]);
    },
    TIMEOUT,
  );
});
