import { CellValue } from "./cells";
import { DEFAULT_RULES, readIndicatorRuleRow, readRuleTable as readTable, ruleTableRows } from "./rules";

/** The table as the workbook's 评分规则 sheet (the caller names the sheet). */
const readRuleTable = (grid: CellValue[][], sheet = "评分规则", origin?: { row: number; column: number }) => readTable(grid, sheet, origin);

// The default table as the 评分规则 sheet holds it (origin A1):
//   row 1 header: A 编号, B 指标, C 方法, D 分值, E 参数1, F 参数2, G 分母为零, H 说明
//   rows 2–12: A1 A2 A3 A4 B1 B2 B3 B4 B5 C1 C2; row 13 D1, 14–16 D1 levels, 17 D2, 18–20 D2 levels, 21 X
const COL = { id: 0, method: 2, points: 3, p1: 4, p2: 5, zero: 6 } as const;

function table(): CellValue[][] {
  return ruleTableRows().map((row) => [...row]);
}
function rowOf(grid: CellValue[][], id: string): CellValue[] {
  return grid.find((r) => r[0] === id)!;
}
function only(reading: ReturnType<typeof readRuleTable>) {
  expect(reading.rules).toBeUndefined();
  expect(reading.problems).toHaveLength(1);
  return reading.problems[0];
}

describe("readRuleTable", () => {
  it("reads the default table back to the default rules", () => {
    const reading = readRuleTable(ruleTableRows());
    expect(reading.problems).toEqual([]);
    expect(reading.rules).toEqual(DEFAULT_RULES);
  });

  it("writes the default table with 11 indicators totalling 67 points", () => {
    const rows = ruleTableRows();
    const points = rows.slice(1, 12).map((r) => r[COL.points] as number);
    // 3 + 10 + 6 + 6 + 10 + 4 + 5 + 6 + 9 + 4 + 4 = 67
    expect(points).toEqual([3, 10, 6, 6, 10, 4, 5, 6, 9, 4, 4]);
    expect(rows[1][0]).toBe("A1");
    expect(rows[11][0]).toBe("C2");
  });

  it("accepts percentages written as text with % and as fractions", () => {
    const grid = table();
    rowOf(grid, "A2")[COL.p1] = "95%";
    rowOf(grid, "A2")[COL.p2] = 0.75;
    rowOf(grid, "B5")[COL.p1] = "98 %";
    rowOf(grid, "B5")[COL.p2] = "７８％"; // full-width
    rowOf(grid, "B4")[COL.p1] = "50%";
    const reading = readRuleTable(grid);
    expect(reading.problems).toEqual([]);
    expect(reading.rules).toEqual(DEFAULT_RULES);
  });

  it("names sheet and cell for an unknown method", () => {
    const grid = table();
    rowOf(grid, "A2")[COL.method] = "抛物线";
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.unknownMethod");
    expect(p.severity).toBe("error");
    expect(p.at).toEqual({ sheet: "评分规则", cell: "C3" });
    expect(p.message).toBe("评分规则!C3：A2 的方法“抛物线”不认识");
    expect(p.action).toContain("线性区间");
  });

  it("names sheet and cell for a missing method", () => {
    const grid = table();
    rowOf(grid, "B1")[COL.method] = null;
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.missingMethod");
    expect(p.message).toBe("评分规则!C6：B1 缺少方法");
  });

  it("names sheet and cell for a missing parameter", () => {
    const grid = table();
    rowOf(grid, "A3")[COL.p2] = null;
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.missingParam");
    expect(p.at).toEqual({ sheet: "评分规则", cell: "F4" });
    expect(p.message).toBe("评分规则!F4：A3 缺少参数“零分线”");
  });

  it("names sheet and cell for missing points", () => {
    const grid = table();
    rowOf(grid, "C1")[COL.points] = "";
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.missingParam");
    expect(p.message).toBe("评分规则!D11：C1 缺少分值");
  });

  it("refuses a rate above 100% written as a plain number", () => {
    const grid = table();
    rowOf(grid, "A2")[COL.p1] = 150;
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.rateRange");
    expect(p.at?.cell).toBe("E3");
    expect(p.message).toBe("评分规则!E3：A2 的参数“满分线” 150 超出 0–100%");
  });

  it("refuses a rate above 100% written as a percentage", () => {
    const grid = table();
    rowOf(grid, "A2")[COL.p1] = "150%";
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.range");
    expect(p.message).toBe("评分规则!E3：A2 的参数“满分线” 150% 超出允许范围");
  });

  it("refuses negative parameters", () => {
    const grid = table();
    rowOf(grid, "C2")[COL.p2] = -2;
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.range");
    expect(p.message).toBe("评分规则!F12：C2 的参数“严重问题扣分” -2 超出允许范围");
  });

  it("refuses text where a parameter belongs", () => {
    const grid = table();
    rowOf(grid, "A4")[COL.p1] = "十五";
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.notNumber");
    expect(p.message).toBe("评分规则!E5：A4 的参数“满分秒数”“十五”不是数字");
  });

  it("refuses a ramp whose full line is not above its zero line", () => {
    const grid = table();
    rowOf(grid, "B1")[COL.p1] = 0.8;
    rowOf(grid, "B1")[COL.p2] = 1;
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.rampOrder");
    expect(p.message).toBe("评分规则!E6：B1 的满分线 80.00% 应高于零分线 100.00%");

    const equal = table();
    rowOf(equal, "A3")[COL.p1] = "90%";
    rowOf(equal, "A3")[COL.p2] = "90%";
    expect(only(readRuleTable(equal)).message).toBe("评分规则!E4：A3 的满分线 90.00% 应高于零分线 90.00%");
  });

  it("refuses a duplicate id, naming both rows", () => {
    const grid = table();
    grid.push([...rowOf(grid, "A2")]); // sheet row 25
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.duplicateId");
    expect(p.at?.cell).toBe("A25");
    expect(p.message).toBe("评分规则!A25：编号“A2”重复（第 3 行已有）");
  });

  it("refuses a base total other than 67", () => {
    const grid = table();
    rowOf(grid, "A2")[COL.points] = 11; // 67 − 10 + 11 = 68
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.baseTotal");
    expect(p.at).toEqual({ sheet: "评分规则", cell: "D1" });
    expect(p.message).toBe("评分规则：A1–C2 分值合计为 68，应为 67（基本分满分67分）");
  });

  it("accepts a different split of the same 67 points", () => {
    const grid = table();
    rowOf(grid, "A2")[COL.points] = 9.5;
    rowOf(grid, "B5")[COL.points] = 9.5; // 67 − 0.5 + 0.5
    const reading = readRuleTable(grid);
    expect(reading.problems).toEqual([]);
    expect(reading.rules!.indicators[1].points).toBe(9.5);
  });

  it("refuses a table with an indicator missing", () => {
    const grid = table().filter((r) => r[0] !== "C2");
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.missingIndicator");
    expect(p.message).toBe("评分规则：缺少指标 C2 督导检查");
  });

  it("refuses an unknown id", () => {
    const grid = table();
    grid.push(["E9", "新指标", "线性区间", 1, 0.9, 0.8, null, null]);
    const p = only(readRuleTable(grid));
    expect(p.code).toBe("rules.unknownId");
    expect(p.message).toContain("评分规则!A25：编号“E9”");
  });

  it("reads the zero-denominator policy", () => {
    const grid = table();
    rowOf(grid, "B2")[COL.zero] = "不计入";
    rowOf(grid, "B4")[COL.zero] = "零分";
    const reading = readRuleTable(grid);
    expect(reading.problems).toEqual([]);
    expect(reading.rules!.indicators.find((r) => r.id === "B2")!.zeroDenominator).toBe("prorate");
    expect(reading.rules!.indicators.find((r) => r.id === "B4")!.zeroDenominator).toBe("zero");
  });

  it("reads event points and caps", () => {
    const grid = table();
    rowOf(grid, "D1-省级")[COL.points] = 1.5;
    rowOf(grid, "D2")[COL.p1] = 8;
    const reading = readRuleTable(grid);
    expect(reading.problems).toEqual([]);
    expect(reading.rules!.honour.levelPoints.provincial).toBe(1.5);
    expect(reading.rules!.criticism.monthlyCap).toBe(8);
    expect(DEFAULT_RULES.criticism.monthlyCap).toBe(6); // the default is not touched
  });

  it("reports every error at once", () => {
    const grid = table();
    rowOf(grid, "A2")[COL.method] = "抛物线";
    rowOf(grid, "A3")[COL.p2] = null;
    const reading = readRuleTable(grid);
    expect(reading.rules).toBeUndefined();
    expect(reading.problems.map((p) => p.at?.cell)).toEqual(["C3", "F4"]);
  });

  it("finds the header below a title row", () => {
    const grid: CellValue[][] = [["评分规则（2026）"], [], ...table()];
    rowOf(grid, "A2")[COL.method] = "抛物线";
    // header on sheet row 3, A2 on row 5
    expect(only(readRuleTable(grid)).message).toBe("评分规则!C5：A2 的方法“抛物线”不认识");
  });

  it("gives the sheet's addresses for a grid placed away from A1", () => {
    // The range starts at C5: grid[r][c] is sheet cell (row 5 + r, column C + c).
    const grid = table();
    rowOf(grid, "A2")[COL.method] = "抛物线"; // grid row 2, col 2 → row 7, column E
    const p = only(readRuleTable(grid, "规则表", { row: 5, column: 3 }));
    expect(p.at).toEqual({ sheet: "规则表", cell: "E7" });
    expect(p.message).toBe("规则表!E7：A2 的方法“抛物线”不认识");

    const dup = table();
    dup.push([...rowOf(dup, "B4")]); // grid row 24 → sheet row 29; the first B4 at grid row 8 → sheet row 13
    const d = only(readRuleTable(dup, "规则表", { row: 5, column: 3 }));
    expect(d.message).toBe("规则表!C29：编号“B4”重复（第 13 行已有）");

    const total = table();
    rowOf(total, "A1")[COL.points] = 4;
    // header at grid row 0 → sheet row 5; 分值 at grid col 3 → column F
    expect(only(readRuleTable(total, "规则表", { row: 5, column: 3 })).at).toEqual({ sheet: "规则表", cell: "F5" });
  });

  it("says so when there is no header", () => {
    const p = only(readRuleTable([["随便"], [1, 2, 3]]));
    expect(p.code).toBe("rules.noHeader");
    expect(p.message).toContain("评分规则");
  });

  it("places a problem of the whole table at its first cell, so that every problem has a cell", () => {
    expect(only(readRuleTable([])).at).toEqual({ sheet: "评分规则", cell: "A1" });
    const missing = table().filter((row) => row[0] !== "B3");
    expect(only(readRuleTable(missing)).at).toEqual({ sheet: "评分规则", cell: "A1" });
    expect(only(readRuleTable(missing, "规则表", { row: 5, column: 3 })).at).toEqual({ sheet: "规则表", cell: "C5" });
  });
});

describe("readIndicatorRuleRow: one indicator's row given alone", () => {
  // A2's row of the sheet, B3:H3: 人工接通率 | 线性区间 | 10 | 0.95 | 0.75 | 满分 | 说明.
  const a2 = () => rowOf(table(), "A2").slice(1);

  it("reads the row as the table reader reads it, from 指标 to 说明 or with 编号 first", () => {
    expect(readIndicatorRuleRow(a2(), "A2", "评分规则").rule).toEqual(DEFAULT_RULES.indicators[1]);
    expect(readIndicatorRuleRow(rowOf(table(), "A2"), "A2", "评分规则").rule).toEqual(DEFAULT_RULES.indicators[1]);
  });

  it("names the sheet cell of a problem, counted from the row's first cell", () => {
    const row = a2();
    row[2] = "十"; // 分值, D3 when the row starts at B3
    const reading = readIndicatorRuleRow(row, "A2", "评分规则", { row: 3, column: 2 });
    expect(reading.rule).toBeUndefined();
    expect(reading.problems.map((p) => [p.code, p.at])).toEqual([["rules.notNumber", { sheet: "评分规则", cell: "D3" }]]);
  });

  it("refuses another indicator's row, and a row of the wrong width", () => {
    expect(readIndicatorRuleRow(rowOf(table(), "A3").slice(1), "A2", "评分规则").problems[0].message).toContain("不是 A2 人工接通率");
    expect(readIndicatorRuleRow(a2().slice(0, 3), "A2", "评分规则").problems[0].code).toBe("rules.missingColumn");
  });
});
