import { DEFAULT_NOTICE_RULES } from "./honour-lists";
import { readRuleTable, ruleTableRows } from "./rules";

const table = () => ruleTableRows().map((row) => [...row]);
const rowOf = (grid: ReturnType<typeof table>, id: string) => grid.find((r) => r[0] === id)!;
/** 参数1 is the fifth column: E. */
const P1 = 4;

describe("红黑榜 and 末位警示 as rows of 评分规则", () => {
  it("writes N1–N3 with the defaults 5, 5 and 3 and reads them back", () => {
    const grid = table();
    expect([rowOf(grid, "N1")[P1], rowOf(grid, "N2")[P1], rowOf(grid, "N3")[P1]]).toEqual([5, 5, 3]);
    expect(readRuleTable(grid, "评分规则").rules?.notice).toEqual(DEFAULT_NOTICE_RULES);
  });

  it("reads the numbers staff put in", () => {
    const grid = table();
    rowOf(grid, "N1")[P1] = 3;
    rowOf(grid, "N2")[P1] = 0;
    rowOf(grid, "N3")[P1] = "2";
    expect(readRuleTable(grid, "评分规则").rules?.notice).toEqual({ redList: 3, blackList: 0, warningMonths: 2 });
  });

  it("keeps the defaults for a table written before the rows existed", () => {
    const grid = table().filter((r) => !String(r[0]).startsWith("N"));
    expect(readRuleTable(grid, "评分规则").rules?.notice).toEqual(DEFAULT_NOTICE_RULES);
  });

  // Header in row 1, A1–C2 in rows 2–12, D1 and D2 with their levels in 13–20, X in 21: N1 is row 22.
  it.each([
    [2.5, "评分规则!E22：N1 的单位数 2.5 应为整数"],
    [-1, "评分规则!E22：N1 的单位数 -1 超出允许范围"],
    ["五", "评分规则!E22：N1 的单位数“五”不是数字"],
    [null, "评分规则!E22：N1 缺少单位数"],
  ])("refuses %p as 红榜's number, naming the cell", (value, message) => {
    const grid = table();
    rowOf(grid, "N1")[P1] = value;
    const reading = readRuleTable(grid, "评分规则");
    expect(reading.rules).toBeUndefined();
    expect(reading.problems.map((p) => p.message)).toEqual([message]);
  });
});
