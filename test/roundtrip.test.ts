// Template → filled by the test → rank → result sheets read back: values, fills, notes, versions.
// Every expected number is worked out by hand from spec §4 in the comments.

import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { MeasureId } from "../src/engine/catalogue";
import { parsePeriod } from "../src/engine/period";
import { Unit } from "../src/engine/units";
import { rankWorkbook } from "../src/workbook/pipeline";
import { describeTemplate } from "../src/workbook/template";
import { FILLS } from "../src/workbook/layout";
import { loadWorkbook, saveWorkbook } from "../src/adapters/xlsx/file";
import { workbookSheets } from "../src/adapters/xlsx/cells";
import { applyChange, writeSheet } from "../src/adapters/xlsx/writer";

const UNITS: Unit[] = [
  { code: "900001", name: "甲市", unitClass: "省辖市" },
  { code: "900002", name: "乙市", unitClass: "省辖市" },
  { code: "900003", name: "丙市", unitClass: "省辖市" },
  { code: "900004", name: "丁县", unitClass: "省直管县" },
];

// Every indicator at full points: 96% connected (≥ 95%), 98% instant answers, 15 s wait, all on time,
// 98% satisfied, 50% revisited, all reports on time, no findings → 67.
const FULL: Record<MeasureId, number> = {
  ordersTotal: 1000,
  manualQueued: 1000,
  manualAnswered: 960,
  infoOrders: 900,
  infoInstant: 882,
  avgWaitSeconds: 15,
  transferDue: 100,
  transferOnTime: 100,
  crossCityDue: 10,
  crossCityOnTime: 10,
  instantRated: 100,
  instantSatisfied: 98,
  transferClosed: 100,
  revisited: 50,
  revisitRated: 50,
  revisitSatisfied: 49,
  reportsRequired: 4,
  reportsOnTime: 4,
  reportsLate: 0,
  inspectionMinor: 0,
  inspectionMajor: 0,
};

const OCTOBER: Record<string, Partial<Record<MeasureId, number>>> = {
  甲市: {},
  // A2: 850/1000 = 85% → 10 × (85 − 75) / 20 = 5.00 → total 62.00
  乙市: { manualAnswered: 850 },
  // A1: 500 ÷ median(1000, 1000, 500) = 0.5 → 1.50 → total 65.50
  丙市: { ordersTotal: 500, infoOrders: 450, infoInstant: 441 },
  // A4: 18.2 s → 4 started seconds above 15 → 6 − 0.8 = 5.20; B2: no cross-city orders → full → 66.20
  丁县: { avgWaitSeconds: 18.2, crossCityDue: 0, crossCityOnTime: 0 },
};

function values(overrides: Record<string, Partial<Record<MeasureId, number>>>) {
  return (unit: Unit, month: string) => (month === "2026-10" ? { ...FULL, ...overrides[unit.name] } : undefined);
}

const dir = mkdtempSync(path.join(tmpdir(), "kp-roundtrip-"));

async function buildWorkbook(file: string, overrides = OCTOBER): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // 甲市 gets a 省级 honour in October: +1.00 → 68.00.
  const events = [["2026-10-08", "甲市", "荣誉奖励", "省级", "月度", null, "表彰"]];
  for (const spec of describeTemplate({ year: 2026, units: UNITS, values: values(overrides), events })) writeSheet(wb, spec);
  const mine = wb.addWorksheet("我的笔记");
  mine.getCell("A1").value = "十月份要跟进的事";
  mine.getCell("B2").value = 42;
  mine.getCell("C3").value = { formula: "B2*2", result: 84 };
  await saveWorkbook(wb, file);
}

async function rankFile(input: string, output: string, published?: string, reason?: string) {
  const wb = await loadWorkbook(input);
  const run = rankWorkbook(workbookSheets(wb), { period: parsePeriod("2026-10")!, published, reason, generated: "2026-11-05 09:00" });
  await applyChange(wb, run.change);
  await saveWorkbook(wb, output);
  return { run, result: await loadWorkbook(output) };
}

function tableOf(ws: ExcelJS.Worksheet): { headers: string[]; rows: ExcelJS.Row[] } {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === "名次") headerRow = n;
  });
  const headers = (ws.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: ExcelJS.Row[] = [];
  for (let n = headerRow + 1; ws.getRow(n).getCell(2).value; n++) rows.push(ws.getRow(n));
  return { headers, rows };
}

function cellOf(table: ReturnType<typeof tableOf>, row: ExcelJS.Row, header: string): ExcelJS.Cell {
  const i = table.headers.indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return row.getCell(i + 1);
}

describe("a month ranked from a filled template", () => {
  const input = path.join(dir, "input.xlsx");
  const output = path.join(dir, "output.xlsx");
  let result: ExcelJS.Workbook;

  beforeAll(async () => {
    await buildWorkbook(input);
    const before = readFileSync(input);
    ({ result } = await rankFile(input, output, "2026-11-05"));
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("writes the units in rank order with the hand-computed totals", () => {
    const ws = result.getWorksheet("2026年10月 考评结果")!;
    const table = tableOf(ws);
    const got = table.rows.map((r) => [cellOf(table, r, "名次").value, cellOf(table, r, "单位").value, cellOf(table, r, "总分").value]);
    expect(got).toEqual([
      [1, "甲市", 68],
      [2, "丁县", 66.2],
      [3, "丙市", 65.5],
      [4, "乙市", 62],
    ]);
  });

  it("shows each indicator's rate as a percentage and its score with two decimals", () => {
    const ws = result.getWorksheet("2026年10月 考评结果")!;
    const table = tableOf(ws);
    const yi = table.rows.find((r) => cellOf(table, r, "单位").value === "乙市")!;
    expect(cellOf(table, yi, "A2 人工接通率").value).toBeCloseTo(0.85, 12);
    expect(cellOf(table, yi, "A2 人工接通率").numFmt).toBe("0.00%");
    expect(cellOf(table, yi, "A2 得分").value).toBe(5);
    expect(cellOf(table, yi, "A2 得分").numFmt).toBe("0.00");
    const bing = table.rows.find((r) => cellOf(table, r, "单位").value === "丙市")!;
    expect(cellOf(table, bing, "A1 工单数量 得分").value).toBe(1.5);
    const jia = table.rows.find((r) => cellOf(table, r, "单位").value === "甲市")!;
    expect(cellOf(table, jia, "加分").value).toBe(1);
    expect(cellOf(table, jia, "基本分").value).toBe(67);
  });

  it("marks a zero denominator with a dash and a note, and gives the full points", () => {
    const ws = result.getWorksheet("2026年10月 考评结果")!;
    const table = tableOf(ws);
    const ding = table.rows.find((r) => cellOf(table, r, "单位").value === "丁县")!;
    const rate = cellOf(table, ding, "B2 跨市（直管县）工单办结率");
    expect(rate.value).toBe("—");
    expect(String(rate.note)).toContain("分母为 0");
    expect(cellOf(table, ding, "B2 得分").value).toBe(4);
    expect(cellOf(table, ding, "A4 平均等待时长 得分").value).toBe(5.2);
  });

  it("states the status, the publication date and the 公示期 end in the header block", () => {
    const ws = result.getWorksheet("2026年10月 考评结果")!;
    // Rows 2 and 3: period, state and version; then the publication date and the 公示期's end.
    const texts = [2, 3].flatMap((r) => (ws.getRow(r).values as unknown[]).map((v) => (v === undefined ? "" : String(v))));
    // Generated on the publication day: the 公示期 runs.
    expect(texts).toContain("公示中");
    expect(texts).toContain("2026-11-05");
    // 11-05 is a Thursday: 11-06, 11-09, 11-10, 11-11, 11-12 → the fifth working day is 11-12.
    expect(texts).toContain("2026-11-12");
  });

  it("adds a 数据校验 sheet and leaves the user's own sheet exactly as it was", () => {
    expect(result.getWorksheet("数据校验")).toBeDefined();
    const mine = result.getWorksheet("我的笔记")!;
    expect(mine.getCell("A1").value).toBe("十月份要跟进的事");
    expect(mine.getCell("B2").value).toBe(42);
    expect(mine.getCell("C3").value).toEqual({ formula: "B2*2", result: 84 });
  });

  it("records the sheets it made in a very hidden registry sheet", () => {
    const registry = result.getWorksheet("_kp12328")!;
    expect(registry.state).toBe("veryHidden");
    const names: unknown[] = [];
    registry.eachRow((row) => names.push(row.getCell(1).value));
    expect(names).toEqual(expect.arrayContaining(["2026年10月 考评结果", "数据校验"]));
  });
});

describe("regenerating a published period", () => {
  it("keeps the published version under a versioned name, marked superseded, and writes what changed to 修正记录", async () => {
    const first = path.join(dir, "v1.xlsx");
    await buildWorkbook(path.join(dir, "v0.xlsx"));
    await rankFile(path.join(dir, "v0.xlsx"), first, "2026-11-02");

    // 乙市 corrects its 人工接听量 from 850 to 900: 90% → 10 × 15 / 20 = 7.50 → total 64.50, still 4th.
    const corrected = await loadWorkbook(first);
    corrected.getWorksheet("乙市")!.getRow(13).getCell(4).value = 900;
    const second = path.join(dir, "v2-in.xlsx");
    await saveWorkbook(corrected, second);
    const { result, run } = await rankFile(second, path.join(dir, "v2.xlsx"), undefined, "公示期内乙市提出异议，核实后更正");
    expect(run.lifecycle).toMatchObject({ kind: "corrected", version: 2, state: "corrected", published: "2026-11-02" });

    const names = result.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["2026年10月 考评结果", "2026年10月 考评结果 v1", "修正记录"]));
    const old = tableOf(result.getWorksheet("2026年10月 考评结果 v1")!);
    expect(old.rows.map((r) => cellOf(old, r, "总分").value)).toEqual([68, 66.2, 65.5, 62]);
    expect(String(result.getWorksheet("2026年10月 考评结果 v1")!.getCell("C5").text)).toContain("已被替代：本版已被第 2 版替代");
    const now = tableOf(result.getWorksheet("2026年10月 考评结果")!);
    expect(now.rows.map((r) => cellOf(now, r, "总分").value)).toEqual([68, 66.2, 65.5, 64.5]);

    const log = result.getWorksheet("修正记录")!;
    expect(log.getCell("A1").value).toBe("修正记录");
    const rows: unknown[][] = [];
    log.eachRow((row, n) => {
      if (n > 3) rows.push(Array.from({ length: 10 }, (_, i) => row.getCell(i + 1).value ?? null));
    });
    const reason = "公示期内乙市提出异议，核实后更正";
    const head = [2, "2026-11-05 09:00", "2026年10月", "乙市"];
    const text = (v: unknown) => (v && typeof v === "object" && "text" in v ? (v as { text: string }).text : v);
    expect(rows.map((r) => r.map(text))).toEqual([
      [...head, "输入数据", "乙市!D13", "人工接听量", 850, 900, reason],
      [...head, "得分", null, "A2 人工接通率", 0.85, 0.9, reason],
      [...head, "得分", null, "A2 得分", 5, 7.5, reason],
      [...head, "得分", null, "基本分", 62, 64.5, reason],
      [...head, "总分", null, "总分", 62, 64.5, reason],
      // The tie-break column repeats A2's rate, and it changed too.
      [...head, "得分", null, "人工接通率", 0.85, 0.9, reason],
    ]);
    expect(log.getRow(5).getCell(8).numFmt).toBe("0.00%");
    expect(log.getRow(6).getCell(9).numFmt).toBe("0.00");
  });
});

describe("text from the input", () => {
  it("is written as text, so a unit named like a formula never becomes one", async () => {
    const units: Unit[] = [...UNITS.slice(0, 3), { code: "900004", name: "=1+2", unitClass: "省直管县" }];
    const wb = new ExcelJS.Workbook();
    for (const spec of describeTemplate({ year: 2026, units, values: (u, m) => (m === "2026-10" ? FULL : undefined) }))
      writeSheet(wb, spec);
    const file = path.join(dir, "formula-name.xlsx");
    await saveWorkbook(wb, file);
    const { result } = await rankFile(file, path.join(dir, "formula-name-out.xlsx"));
    const table = tableOf(result.getWorksheet("2026年10月 考评结果")!);
    const cell = table.rows.map((r) => cellOf(table, r, "单位")).find((c) => c.value === "=1+2")!;
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });
});

describe("tie-break highlighting", () => {
  it("fills a row ordered by 人工接通率 in one colour and notes both rates", async () => {
    // 甲市 and 乙市 both at 67.00 (no honour this time): 960/1000 = 96.00% against 970/1000 = 97.00%.
    const wb = new ExcelJS.Workbook();
    const overrides = {
      甲市: {},
      乙市: { manualAnswered: 970 },
      丙市: { ordersTotal: 500, infoOrders: 450, infoInstant: 441 },
      丁县: { avgWaitSeconds: 18.2 },
    };
    for (const spec of describeTemplate({ year: 2026, units: UNITS, values: values(overrides) })) writeSheet(wb, spec);
    const file = path.join(dir, "tie.xlsx");
    await saveWorkbook(wb, file);
    const { result } = await rankFile(file, path.join(dir, "tie-out.xlsx"));
    const table = tableOf(result.getWorksheet("2026年10月 考评结果")!);
    const first = table.rows[0];
    expect(cellOf(table, first, "单位").value).toBe("乙市");
    expect(cellOf(table, first, "备注").value).toBe("与 甲市 同为 67.00 分，人工接通率 97.00% > 96.00%");
    const fill = cellOf(table, first, "总分").fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe(`FF${FILLS.resolved.color.slice(1)}`);
  });
});
