// kp12328 end to end (spec §9): the JSON of rank, the demo's October with every rule at work, the
// template, validate, exit codes, and one run of the real binary without a build.

import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { EvaluationJson, evaluationJson } from "../src/cli/json";
import { INDICATOR_IDS } from "../src/engine/catalogue";
import { parsePeriod } from "../src/engine/period";
import { DEFAULT_UNITS } from "../src/engine/units";
import { rankWorkbook } from "../src/workbook/pipeline";
import { noticeFacts } from "../src/workbook/notice-facts";
import { readWorkbook } from "../src/workbook/read";
import { FILLS } from "../src/workbook/layout";
import { loadWorkbook } from "../src/adapters/xlsx/file";
import { workbookSheets } from "../src/adapters/xlsx/cells";
import { DEMO_CASES, DEMO_PUBLISHED } from "../src/workbook/demo-data";
import { digest, expectCleanStderr, runCli, tempDir } from "./support/cli-harness";

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, "..");
let dir = "";
let demoInput = "";
let demoResult = "";
let json: EvaluationJson;

beforeAll(async () => {
  dir = await tempDir("kp12328-cli-");
  const run = await runCli(["demo", "--out", dir]);
  expect(run.code).toBe(0);
  expect(run.err).toEqual([]);
  demoInput = path.join(dir, "kp12328-demo-2026.xlsx");
  demoResult = path.join(dir, "kp12328-demo-2026-2026-10-考评结果.xlsx");
  const ranked = await runCli([
    "rank",
    demoInput,
    "--period",
    "2026-10",
    "--json",
    "--published",
    DEMO_PUBLISHED,
    "--out",
    path.join(dir, "ranked.xlsx"),
  ]);
  expect(ranked.code).toBe(0);
  expect(ranked.err).toEqual([]);
  json = JSON.parse(ranked.out.join("\n"));
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const row = (name: string) => json.rows.find((r) => r.unitName === name)!;

describe("rank --json", () => {
  it("prints exactly the keys and types of spec §9", () => {
    // Spec §9's keys, and the lifecycle's (docs/lifecycle.md): state, its label, the version, the date, what the run did.
    expect(Object.keys(json).sort()).toEqual(
      [
        "generation",
        "honourLists",
        "issues",
        "period",
        "published",
        "publicityEnd",
        "rows",
        "state",
        "stateLabel",
        "status",
        "version",
      ].sort(),
    );
    expect(json.period).toBe("2026-10");
    // Published on 11-05 and ranked that day: the 公示期 runs.
    expect(json).toMatchObject({ status: "publicity", state: "publicity", stateLabel: "公示中", version: 1, published: "2026-11-05" });
    expect(json.generation).toBe("created");
    expect(json.publicityEnd).toBe("2026-11-12"); // 2026-11-05 (Thu) + 5 working days
    expect(json.rows).toHaveLength(28);
    for (const r of json.rows) {
      expect(Object.keys(r).sort()).toEqual(
        [
          "base",
          "bonus",
          "connectRate",
          "deduction",
          "losses",
          "note",
          "rank",
          "rankChange",
          "rankChangeLabel",
          "result",
          "scores",
          "tieBreak",
          "total",
          "unitCode",
          "unitName",
        ].sort(),
      );
      expect(r.rank === null || Number.isInteger(r.rank)).toBe(true);
      expect(r.unitCode).toMatch(/^\d{6}$/);
      expect(typeof r.unitName).toBe("string");
      for (const k of ["total", "base"] as const) expect(r[k] === null || typeof r[k] === "number").toBe(true);
      expect(typeof r.bonus).toBe("number");
      expect(typeof r.deduction).toBe("number");
      expect(r.connectRate === null || (r.connectRate >= 0 && r.connectRate <= 1)).toBe(true);
      expect(Object.keys(r.scores)).toEqual([...INDICATOR_IDS]);
      for (const id of INDICATOR_IDS) expect(r.scores[id] === null || typeof r.scores[id] === "number").toBe(true);
      expect(["none", "resolved", "shared"]).toContain(r.tieBreak);
      expect(["ranked", "disqualified", "pending", "missing"]).toContain(r.result);
      expect(typeof r.note).toBe("string");
      expect(r.rankChange === null || Number.isInteger(r.rankChange)).toBe(true);
      expect(r.rankChangeLabel).toMatch(/^(↑\d+|↓\d+|持平|新|上期(不合格|数据待核|缺报)|—)$/);
    }
    expect(json.issues).toEqual([]);
    expect(new Set(json.rows.map((r) => r.unitCode))).toEqual(new Set(DEFAULT_UNITS.map((u) => u.code)));
  });

  it("lists rows in published order: ranks ascending with competition gaps, then the unranked", () => {
    const ranked = json.rows.filter((r) => r.result === "ranked");
    const firstUnranked = json.rows.findIndex((r) => r.result !== "ranked");
    expect(json.rows.slice(firstUnranked).every((r) => r.result !== "ranked" && r.rank === null)).toBe(true);
    ranked.forEach((r, i) => {
      if (i === 0) return expect(r.rank).toBe(1);
      const prev = ranked[i - 1];
      expect(r.total! <= prev.total!).toBe(true);
      expect(r.rank).toBe(r.tieBreak === "shared" && prev.total === r.total && prev.tieBreak === "shared" ? prev.rank : i + 1);
    });
  });

  it("is the pipeline's evaluation as the JSON of spec §9", async () => {
    const wb = await loadWorkbook(demoInput);
    const run = rankWorkbook(workbookSheets(wb), {
      period: parsePeriod("2026-10")!,
      published: DEMO_PUBLISHED,
      generated: "2026-11-05 09:30",
    });
    const facts = noticeFacts(run.input, run.evaluation);
    expect(json).toEqual(JSON.parse(JSON.stringify(evaluationJson(run.evaluation, run.lifecycle, facts))));
  });

  it("shows every rule of the demo's October", () => {
    const [a, b] = DEMO_CASES.resolvedTie.map(row);
    expect(a.total).toBe(b.total);
    expect([a.tieBreak, b.tieBreak]).toEqual(["resolved", "resolved"]);
    expect(b.rank).toBe(a.rank! + 1);
    expect(a.connectRate!).toBeGreaterThan(b.connectRate!);
    expect(a.note).toContain(b.unitName);

    const [c, d] = DEMO_CASES.sharedTie.map(row);
    expect([c.tieBreak, d.tieBreak]).toEqual(["shared", "shared"]);
    expect(c.rank).toBe(d.rank);
    const after = json.rows[json.rows.indexOf(d) + 1];
    expect(after.rank).toBe(d.rank! + 2);
    expect(c.note).toContain(`并列第 ${c.rank} 名`);

    expect(row(DEMO_CASES.bonus).bonus).toBeGreaterThan(0);
    expect(row(DEMO_CASES.bonus).total).toBeCloseTo(row(DEMO_CASES.bonus).base! + row(DEMO_CASES.bonus).bonus, 2);
    expect(row(DEMO_CASES.deduction).deduction).toBeGreaterThan(0);
    expect(row(DEMO_CASES.deduction).total).toBeCloseTo(row(DEMO_CASES.deduction).base! - row(DEMO_CASES.deduction).deduction, 2);

    const fake = row(DEMO_CASES.disqualified);
    expect(fake).toMatchObject({ rank: null, result: "disqualified" });
    expect(fake.note).toContain("弄虚作假");
    expect(json.rows[json.rows.length - 1]).toBe(fake);

    const zero = row(DEMO_CASES.zeroDenominator);
    expect(zero.result).toBe("ranked");
    expect(zero.scores.B2).toBe(4);
    expect(zero.note).toContain("分母为 0");
  });

  it("never writes into its input, and refuses --out equal to the input", async () => {
    const before = await digest(demoInput);
    const stat = await fs.stat(demoInput);
    const run = await runCli(["rank", demoInput, "--period", "2026-10", "--out", demoInput]);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([expect.stringMatching(/--out 不能与输入文件相同.*（运行 kp12328 rank --help 查看用法）$/)]);
    expect(await digest(demoInput)).toBe(before);
    expect((await fs.stat(demoInput)).mtimeMs).toBe(stat.mtimeMs);
    // The default output is a new file beside the input.
    const def = await runCli(["rank", demoInput, "--period", "2026-Q4"]);
    expect(def.code).toBe(0);
    expect(def.out[def.out.length - 1]).toContain("kp12328-demo-2026-2026-Q4-考评结果.xlsx");
    expect(await digest(demoInput)).toBe(before);
  });

  it("prints a readable summary without --json", async () => {
    const run = await runCli([
      "rank",
      demoInput,
      "--period",
      "2026-10",
      "--out",
      path.join(dir, "summary.xlsx"),
      "--published",
      DEMO_PUBLISHED,
    ]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe("2026年10月 考评结果（公示中，第 1 版）");
    expect(run.out[1]).toContain("公示期截止 2026-11-12");
    expect(run.out.join("\n")).toContain("[并列]");
    expect(run.out[run.out.length - 1]).toBe(`结果已写入：${path.join(dir, "summary.xlsx")}`);
  });
});

describe("demo --out DIR", () => {
  it("writes the input workbook and the ranked copy", async () => {
    const input = await loadWorkbook(demoInput);
    expect(input.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["评分规则", "考评单位", "考评事件", ...DEFAULT_UNITS.map((u) => u.name)]),
    );
    expect(input.getWorksheet("2026年10月 考评结果")).toBeUndefined();
    const result = await loadWorkbook(demoResult);
    expect(result.getWorksheet("2026年10月 考评结果")).toBeDefined();
    expect(result.getWorksheet("数据校验")).toBeDefined();
  });

  it('has a result sheet in the JSON\'s order, with tie fills and a "—" rate with a note for the zero denominator', async () => {
    const wb = await loadWorkbook(demoResult);
    const ws = wb.getWorksheet("2026年10月 考评结果")!;
    // Row 3: the dates, each label spanning two cells (公示期截止 → 2026-11-12).
    const status = ws.getRow(3).values as ExcelJS.CellValue[];
    expect(status[status.indexOf("公示期截止") + 2]).toBe("2026-11-12");
    const header = ws.getRow(6).values as ExcelJS.CellValue[];
    const col = (h: string) => header.indexOf(h);
    const names: string[] = [];
    for (let r = 7; r < 7 + 28; r++) names.push(String(ws.getCell(r, 2).value));
    expect(names).toEqual(json.rows.map((r) => r.unitName));
    const line = (name: string) => ws.getRow(7 + names.indexOf(name));

    const zero = line(DEMO_CASES.zeroDenominator);
    const rate = zero.getCell(col("B2 跨市（直管县）工单办结率"));
    expect(rate.value).toBe("—");
    expect(String(typeof rate.note === "string" ? rate.note : JSON.stringify(rate.note))).toContain("分母为 0");
    expect(zero.getCell(col("B2 得分")).value).toBe(4);

    const fill = (name: string) => ((line(name).getCell(2).fill as ExcelJS.FillPattern).fgColor?.argb ?? "").slice(2);
    const hex = (c: string) => c.replace("#", "").toUpperCase();
    for (const n of DEMO_CASES.resolvedTie) expect(fill(n)).toBe(hex(FILLS.resolved.color));
    for (const n of DEMO_CASES.sharedTie) expect(fill(n)).toBe(hex(FILLS.shared.color));
    expect(fill(DEMO_CASES.disqualified)).toBe(hex(FILLS.unranked.color));
    expect(line(DEMO_CASES.disqualified).getCell(1).value).toBe("不合格");
    // A 不合格 row's 总分 reads 不合格: its scores stay for the record, never a total beside the ranked units'.
    const totals = json.rows.map((r) => (r.result === "disqualified" ? "不合格" : r.total));
    expect(names.map((n) => line(n).getCell(col("总分")).value)).toEqual(totals);
  });
});

describe("template", () => {
  it("writes a workbook that reads with no errors and has the 28 unit sheets", async () => {
    const out = path.join(dir, "template.xlsx");
    const run = await runCli(["template", "--out", out, "--year", "2027"]);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    const wb = await loadWorkbook(out);
    const input = readWorkbook(workbookSheets(wb), 2027);
    expect(input.problems.filter((p) => p.severity === "error")).toEqual([]);
    const unitSheets = input.indicatorSheets.filter((s) => s.layout === "unit");
    expect(unitSheets).toHaveLength(28);
    expect(new Set(unitSheets.map((s) => s.name))).toEqual(new Set(DEFAULT_UNITS.map((u) => u.name)));
    expect(input.rules).toBeDefined();
    expect(input.rules).not.toBeNull();
    expect(input.units).toHaveLength(28);
    expect(wb.getWorksheet("郑州市")!.getCell("A4").value).toBe("2027-01");
  });

  it("requires --out", async () => {
    const run = await runCli(["template"]);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([expect.stringMatching(/缺少 --out.*（运行 kp12328 template --help 查看用法）$/)]);
  });
});

describe("validate", () => {
  it("prints problems only, and writes nothing", async () => {
    const before = (await fs.readdir(dir)).sort();
    const clean = await runCli(["validate", demoInput, "--period", "2026-10"]);
    expect(clean.code).toBe(0);
    expect(clean.err).toEqual([]);
    expect(clean.out).toEqual(["2026年10月：未发现问题", "共 0 个错误，0 个提醒"]);

    const broken = path.join(dir, "broken.xlsx");
    const wb = await loadWorkbook(demoInput);
    wb.getWorksheet("开封市")!.getCell("C13").value = -1;
    await wb.xlsx.writeFile(broken);
    const run = await runCli(["validate", broken, "--period", "2026-10"]);
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(2);
    expect(run.out[0].split("\t")).toEqual(["错误", "开封市!C13", expect.stringContaining("不能为负数"), expect.any(String)]);
    expect(run.out[1]).toBe("共 1 个错误，0 个提醒");
    const jsonRun = await runCli(["validate", broken, "--period", "2026-10", "--json"]);
    expect(JSON.parse(jsonRun.out.join("\n"))).toEqual([
      { severity: "error", sheet: "开封市", cell: "C13", message: expect.stringContaining("开封市!C13") },
    ]);
    expect((await fs.readdir(dir)).sort()).toEqual([...before, "broken.xlsx"].sort());
  });
});

describe("exit codes", () => {
  it("0 for a completed run, 2 for usage mistakes and unreadable files, never a trace", async () => {
    const cases: [string[], number][] = [
      [["rank", demoInput, "--period", "2026", "--json", "--out", path.join(dir, "year.xlsx")], 0],
      [["rank", demoInput], 2],
      [["rank", path.join(dir, "missing.xlsx"), "--period", "2026-10"], 2],
      [["frobnicate"], 2],
      [["demo", "--bogus"], 2],
      [["--help"], 0],
    ];
    for (const [argv, code] of cases) {
      const run = await runCli(argv);
      expect([argv.join(" "), run.code]).toEqual([argv.join(" "), code]);
      expectCleanStderr(run.err);
      if (code === 2) expect(run.err.length).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("the real binary", () => {
  it("runs bin/kp12328.js on the bundle npm ci builds", async () => {
    // The bundle as `npm ci` builds it (its prepare script), from the sources as they are now.
    await promisify(execFile)(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "--silent", "build:cli"], { cwd: ROOT });
    const out = path.join(dir, "binary.xlsx");
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, "bin", "kp12328.js"),
        "rank",
        demoInput,
        "--period",
        "2026-10",
        "--json",
        "--published",
        DEMO_PUBLISHED,
        "--out",
        out,
      ],
      {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    expect(stderr).toBe("");
    // Run today, long after the 公示期 of 2026-11-05: 正式 rather than 公示中; everything else the same.
    expect(JSON.parse(stdout)).toEqual({ ...json, status: "final", state: "final", stateLabel: "正式" });
    await expect(fs.stat(out)).resolves.toBeDefined();
  }, 120_000);

  it("says how to build the tool where the bundle is missing, and runs nothing else", async () => {
    // The script alone in a folder without dist-cli/ beside it.
    const bin = path.join(dir, "alone", "bin", "kp12328.js");
    await fs.mkdir(path.dirname(bin), { recursive: true });
    await fs.copyFile(path.join(ROOT, "bin", "kp12328.js"), bin);
    const run = await promisify(execFile)(process.execPath, [bin, "rank", demoInput], { cwd: dir }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `kp12328：找不到 ${path.join("alone", "dist-cli", "main.js")}。请先运行 npm ci 或 npm run build:cli 构建命令行工具。\n`,
    );
  });
});
