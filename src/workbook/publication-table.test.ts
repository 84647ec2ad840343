// The 公示表 of the demo year's October and fourth quarter, planned with the result sheet.

import { generationStamp, parsePeriod } from "../engine";
import { DEMO_EVENTS, DEMO_PUBLISHED, DEMO_YEAR, demoValues } from "./demo-data";
import { FILLS } from "./layout";
import { rankWorkbook } from "./pipeline";
import { SheetSpec } from "./sheet-spec";
import { describeTemplate } from "./template";

const STAMP = generationStamp(new Date(2026, 10, 5, 9, 30));
const sheets = describeTemplate({ year: DEMO_YEAR, values: demoValues, events: DEMO_EVENTS }).map((s) => ({
  name: s.name,
  cells: s.rows.map((row) => row.map((c) => c?.value ?? null)),
}));

function generation(period: string, published: string) {
  return rankWorkbook(sheets, { period: parsePeriod(period)!, published, generated: STAMP }).change;
}

const change = generation("2026-10", DEMO_PUBLISHED);
const table: SheetSpec = change.sheets.find((s) => s.role === "publication")!;
const values = (r: number) => table.rows[r].map((c) => c?.value ?? null);
const rowOf = (unit: string) => table.rows.findIndex((r) => r[1]?.value === unit);

describe("the 公示表 of October", () => {
  test("is written beside the result sheet and listed in the registry with its period", () => {
    expect(change.sheets.map((s) => s.name).slice(0, 2)).toEqual(["2026年10月 考评结果", "2026年10月 公示表"]);
    expect(change.registry.find((e) => e.role === "publication")).toMatchObject({ name: "2026年10月 公示表", period: "2026-10" });
  });

  test("has the notice's columns: 名次, 单位, the three group subtotals, 基本分, 加分, 减分, 总分, 人工接通率, 排名变化 (against September), 备注", () => {
    expect(values(2)).toEqual([
      "名次",
      "单位",
      "业务受理\nA1–A4",
      "业务办理\nB1–B5",
      "运行管理\nC1–C2",
      "基本分",
      "加分",
      "减分",
      "总分",
      "人工接通率",
      "排名变化",
      "备注",
    ]);
  });

  test("滑县's subtotals add its indicator points: 2.88 + 10.00 + 5.10 + 5.20 = 23.18, 7.81 + 4.00 + 5.00 + 6.00 + 8.94 = 31.75, 4.00 + 3.00 = 7.00", () => {
    const huaxian = values(rowOf("滑县"));
    expect(huaxian.slice(0, 6)).toEqual([1, "滑县", 23.18, 31.75, 7, 61.93]);
    // No bonus, no deduction: blank, as in the detailed sheet.
    expect(huaxian.slice(6, 8)).toEqual([null, null]);
  });

  test("ties and 不合格 are marked as in the detailed sheet: 巩义市 and 兰考县 share 7th; 周口市 不合格 with its whole note", () => {
    expect(values(rowOf("巩义市"))[0]).toBe(7);
    expect(values(rowOf("兰考县"))[0]).toBe(7);
    expect(table.rows[rowOf("兰考县")][0]?.fill).toBe(FILLS.shared.color);
    const zhoukou = values(rowOf("周口市"));
    expect([zhoukou[0], zhoukou[8]]).toEqual(["不合格", "不合格"]);
    expect(String(zhoukou[11])).toMatch(/考评结果不合格$/);
  });

  test("prints on one A4 portrait page within narrow margins: 12 columns of 105 characters (all that 0.3 in margins leave)", () => {
    expect(table.print).toMatchObject({ orientation: "portrait", fitToWidth: 1, fitToHeight: 1 });
    expect(table.print?.margins).toMatchObject({ left: 0.3, right: 0.3 });
    expect(table.columnWidths!.reduce((a, b) => a + b, 0)).toBe(105);
    // Header row 3, 28 units in rows 4–31.
    expect(table.borders).toEqual(["A3:L31"]);
  });
});

test("the quarter's 公示表 has 月均得分 and no 加分 / 减分, as its detailed sheet", () => {
  const quarter = generation("2026-Q4", "2027-01-05").sheets.find((s) => s.role === "publication")!;
  expect(quarter.name).toBe("2026年第4季度 公示表");
  expect(quarter.rows[2].map((c) => c?.value)).toEqual(expect.arrayContaining(["月均得分", "总分", "人工接通率（合计）"]));
  expect(quarter.rows[2].map((c) => c?.value)).not.toContain("加分");
});
