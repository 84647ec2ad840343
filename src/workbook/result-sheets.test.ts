// The result sheet as an official table (issue 11): what it prints like, from the demo year's October
// and its fourth quarter, planned from the template's cells as a generation plans them.

import { generationStamp, parsePeriod } from "../engine";
import { DEMO_EVENTS, DEMO_PUBLISHED, DEMO_YEAR, demoValues } from "./demo-data";
import { rankWorkbook } from "./pipeline";
import { BODY_SIZE, columnTextPoints, linesHeight } from "./print-style";
import { SheetSpec } from "./sheet-spec";
import { describeTemplate } from "./template";

const STAMP = generationStamp(new Date(2026, 10, 5, 9, 30));
const sheets = describeTemplate({ year: DEMO_YEAR, values: demoValues, events: DEMO_EVENTS }).map((s) => ({
  name: s.name,
  cells: s.rows.map((row) => row.map((c) => c?.value ?? null)),
}));

function resultSheet(period: string, published = DEMO_PUBLISHED): SheetSpec {
  const run = rankWorkbook(sheets, { period: parsePeriod(period)!, published, generated: STAMP });
  return run.change.sheets.find((s) => s.role === "result")!;
}

const october = resultSheet("2026-10");
const header = october.rows[5].map((c) => String(c?.value ?? ""));
const column = (name: string) => header.indexOf(name);
const rowOf = (unit: string) => october.rows.findIndex((r) => r[1]?.value === unit);

describe("the month's result sheet prints as an official table", () => {
  test("two A4 landscape pages wide at 100 %: the 29 columns' widths (排名变化 and 最大失分 among them) add up to less than two pages less 名次/单位", () => {
    expect(october.print).toMatchObject({ orientation: "landscape", fitToWidth: 2, printTitleRows: "6:6", printTitleColumns: "A:B" });
    // A4 landscape is 842 points; Excel's normal margins 0.7 in (50.4 points) each side leave 741.2 points a page.
    const points = (w: number) => 7 * w * 0.75;
    const total = october.columnWidths!.reduce((a, w) => a + points(w), 0);
    const repeated = points(october.columnWidths![0]) + points(october.columnWidths![1]);
    expect(header).toHaveLength(29);
    expect(total).toBeLessThan(2 * 741.2 - repeated);
  });

  test("every cell of the table has a border, the sheet's font is 等线 10 pt", () => {
    expect(october.font).toEqual({ name: "等线", size: BODY_SIZE });
    // Header row 6, 28 units in rows 7–34, 29 columns A–AC.
    expect(october.borders).toEqual(["A6:AC34"]);
  });

  test("最大失分 names the indicator that lost most: 三门峡市's B1 232/271 = 85.61% → 10 × (85.61 − 80)/20 = 2.80, lost 7.20", () => {
    expect(october.rows[rowOf("三门峡市")][column("最大失分")]?.value).toBe("B1 −7.20");
  });

  test("加分 and 减分 are blank where there was none; 郑州市's 省级 honour is 1.00", () => {
    const zhengzhou = october.rows[rowOf("郑州市")];
    const puyang = october.rows[rowOf("濮阳市")];
    expect(zhengzhou[column("加分")]?.value).toBe(1);
    expect(puyang[column("加分")]?.value).toBeNull();
    expect(puyang[column("减分")]?.value).toBeNull();
  });

  test("a row is as tall as its wrapped 备注: 周口市's note (about 40 em) needs 2 lines of the 52-wide column", () => {
    const zhoukou = rowOf("周口市") + 1;
    const note = String(october.rows[zhoukou - 1][column("备注")]?.value);
    expect(note).toBe("2026-10-12 经核查弄虚作假（抽查发现回访记录系补录，经核查属实），考评结果不合格");
    // 268.5 points a line; 34 Chinese characters and punctuation (34 em), 10 digits and dashes and a space (6 em):
    // 400 points of 10 pt, 440 with 10 % to spare → 2 lines.
    expect(october.columnWidths![column("备注")]).toBe(52);
    expect(columnTextPoints(52)).toBe(268.5);
    expect(october.rowHeights![zhoukou]).toBe(linesHeight(2));
    // A unit without a note keeps the default height.
    expect(october.rowHeights![rowOf("濮阳市") + 1]).toBeUndefined();
  });

  test("the header row is tall enough for its longest label: A4 平均等待时长 得分 in a 6-wide column takes 5 lines", () => {
    // 27 points a line; A4 and the spaces about 2.3 em, 8 characters 8 em: 103 points, 113 with 10 % to spare → 5 lines.
    expect(october.columnWidths![column("A4 平均等待时长 得分")]).toBe(6);
    expect(october.rowHeights![6]).toBe(linesHeight(5));
    // B2 跨市（直管县）工单办结率 in 9 (42.75 points a line): 13.75 em → 151 points → 4 lines, fewer.
    expect(october.columnWidths![column("B2 跨市（直管县）工单办结率")]).toBe(9);
  });

  test("numbers and text of a row start at the top of the row, so a tall row reads on one line", () => {
    const zhoukou = october.rows[rowOf("周口市")];
    expect(zhoukou[column("基本分")]).toMatchObject({ align: "right" });
    expect(zhoukou[column("备注")]).toMatchObject({ wrap: true });
  });
});

describe("the status rows above the table print each label and value whole", () => {
  const values = (sheet: SheetSpec, row: number) => sheet.rows[row - 1].map((c) => c?.value ?? null);

  test("October: row 2 has period, state and version, row 3 the dates, after the repeated 名次 and 单位", () => {
    // 考评期间 (4 em, 44 points with 10 % to spare) wraps in a 6-wide column (27 points), so it spans C:D (58.5);
    // 状态 (22 points) fits one cell, 公示中 (33) spans two; 第 1 版 (about 40) fits column K, 9 wide (42.75).
    expect(values(october, 2).slice(0, 12)).toEqual([
      null,
      null,
      "考评期间",
      null,
      "2026年10月",
      null,
      "状态",
      "公示中",
      null,
      "版本",
      "第 1 版",
      null,
    ]);
    expect(values(october, 3).slice(0, 10)).toEqual([
      null,
      null,
      "发布日期",
      null,
      "2026-11-05",
      null,
      "公示期截止",
      null,
      "2026-11-12",
      null,
    ]);
    expect(october.merges).toEqual(expect.arrayContaining(["C2:D2", "E2:F2", "H2:I2", "C3:D3", "E3:F3", "G3:H3", "I3:J3"]));
    expect(october.merges).not.toContain("K2:L2");
    expect(values(october, 4)[2]).toMatch(/^公示中：公示期至 2026-11-12 截止.*生成时间：2026-11-05 09:30$/);
    expect(values(october, 5).every((v) => v === null)).toBe(true);
  });

  test("the quarter's 11 columns (排名变化 against Q3 and 最大失分 among them) hold both rows from column A; 生成时间 ends the notices in row 4", () => {
    const quarter = resultSheet("2026-Q4", "2027-01-05");
    expect(quarter.columnWidths).toHaveLength(11);
    expect(values(quarter, 2)).toEqual(["考评期间", null, "2026年第4季度", null, null, "状态", "公示中", null, "版本", "第 1 版", null]);
    expect(values(quarter, 3).slice(0, 8)).toEqual(["发布日期", null, "2027-01-05", null, "公示期截止", null, "2027-01-12", null]);
    expect(values(quarter, 4)[0]).toMatch(/生成时间：2026-11-05 09:30$/);
    expect(quarter.rows[1]).toHaveLength(11);
  });
});

test("数据校验 prints on A4 landscape one page wide at 100 %: 137 characters (719 points) in the 741 between Excel's margins", () => {
  const run = rankWorkbook(sheets, { period: parsePeriod("2026-10")!, published: DEMO_PUBLISHED, generated: STAMP });
  const validation = run.change.sheets.find((s) => s.role === "validation")!;
  expect(validation.print).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitleRows: "3:3" });
  expect(validation.columnWidths!.reduce((a, b) => a + b, 0)).toBe(137);
  expect(validation.rows[0][0]).toMatchObject({ wrap: true });
});
