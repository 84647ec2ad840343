import { ruleTableRows, readRuleTable } from "./rules";
import { CellValue } from "./cells";

function table(edit: (rows: CellValue[][]) => void): CellValue[][] {
  const rows = ruleTableRows().map((r) => [...r]);
  edit(rows);
  return rows;
}

describe("a 评分规则 table that fits methods to indicators", () => {
  it("refuses a method that cannot read the indicator's data, naming the cell", () => {
    // C2 counts findings; a ramp over a rate has no rate to read there.
    const grid = table((rows) => {
      const c2 = rows.findIndex((r) => r[0] === "C2");
      rows[c2][2] = "线性区间";
      rows[c2][4] = 0.95;
      rows[c2][5] = 0.75;
    });
    const reading = readRuleTable(grid, "评分规则");
    expect(reading.rules).toBeUndefined();
    const p = reading.problems.find((x) => x.code === "rules.methodMismatch")!;
    expect(p.message).toBe("评分规则!C12：C2 不能使用方法“线性区间”");
    expect(p.action).toContain("问题扣分");
  });

  it("accepts a target instead of a ramp for a rate", () => {
    const grid = table((rows) => {
      const b1 = rows.findIndex((r) => r[0] === "B1");
      rows[b1][2] = "达标比例";
      rows[b1][4] = 0.9;
      rows[b1][5] = null;
    });
    const reading = readRuleTable(grid, "评分规则");
    expect(reading.problems).toEqual([]);
    expect(reading.rules!.indicators.find((r) => r.id === "B1")).toMatchObject({ method: "target", params: [0.9] });
  });

  it("treats a row named 人工接通率 after a row A2 as the same indicator twice", () => {
    const grid = table((rows) => {
      rows.push(["人工接通率", "人工接通率", "线性区间", 10, 0.9, 0.7, "满分", null]);
    });
    const reading = readRuleTable(grid, "评分规则");
    expect(reading.rules).toBeUndefined();
    expect(reading.problems.map((p) => p.code)).toContain("rules.duplicateId");
  });
});
