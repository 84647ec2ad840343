import { MEASURE_IDS, MeasureId } from "./catalogue";
import { SCORING_METHODS, ScoringMethod, methodsFor } from "./methods";
import { DEFAULT_RULES, RuleSet, readRuleTable, ruleTableRows } from "./rules";
import { monthScorer } from "./scoring";

/** A method that is nowhere else: full points at or above a line, none below it. */
const LINE: ScoringMethod = {
  id: "line",
  label: "达线得分",
  params: [{ label: "达标线", rate: true }],
  explanation: "比率达到达标线得满分，否则 0 分",
  usesDenominator: true,
  fits: ["B4"],
  check: ([line]) => (line === 0 ? { code: "rules.range", says: "的达标线不能为 0", action: "请填写大于 0 的达标线。" } : undefined),
  scorer:
    ({ points, params: [line], fields: [n, d], whenZero }) =>
    (values) => {
      if (values[d] === 0) return whenZero;
      const reached = BigInt(values[n]) * line.den >= line.num * BigInt(values[d]);
      return { cents: reached ? points : 0, rate: { num: values[n], den: values[d] }, zeroDenominator: false };
    },
};
const METHODS = [...SCORING_METHODS, LINE];

const rules: RuleSet = {
  ...DEFAULT_RULES,
  indicators: DEFAULT_RULES.indicators.map((r) => (r.id === "B4" ? { ...r, method: "line", params: [0.6] } : r)),
};

const rowOf = (grid: unknown[][], id: string) => grid.find((r) => r[0] === id)!;

/** B4 抽查回访率 from 抽查回访量 of 办结转办工单量, every other field 0. */
const values = (revisited: number, closed: number): Record<MeasureId, number> => ({
  ...(Object.fromEntries(MEASURE_IDS.map((id) => [id, 0])) as Record<MeasureId, number>),
  revisited,
  transferClosed: closed,
});

describe("a scoring method declared in one place", () => {
  it("is written into the 评分规则 table with its label, parameter, policy and explanation", () => {
    expect(rowOf(ruleTableRows(rules, METHODS), "B4")).toEqual([
      "B4",
      "抽查回访率",
      "达线得分",
      6,
      0.6,
      null,
      "满分",
      "比率达到达标线得满分，否则 0 分",
    ]);
  });

  it("is read back from the table, and only with the list that declares it", () => {
    const grid = ruleTableRows(rules, METHODS);
    const reading = readRuleTable(grid, "评分规则", undefined, METHODS);
    expect(reading.problems).toEqual([]);
    expect(reading.rules!.indicators.find((r) => r.id === "B4")).toEqual({
      id: "B4",
      method: "line",
      points: 6,
      params: [0.6],
      zeroDenominator: "full",
    });
    // The built-in list does not know it: B4's 方法 cell (C9: header in row 1, B4 the eighth indicator) is named.
    const unknown = readRuleTable(grid, "评分规则").problems.find((p) => p.code === "rules.unknownMethod");
    expect(unknown?.message).toBe("评分规则!C9：B4 的方法“达线得分”不认识");
  });

  it("is validated: its own check, its rate parameter's range and the indicators it fits", () => {
    const withParam = (value: unknown, id = "B4") => {
      const grid = ruleTableRows(rules, METHODS).map((r) => [...r]);
      const row = rowOf(grid, id);
      row[2] = "达线得分";
      row[4] = value as number;
      row[5] = null;
      return readRuleTable(grid, "评分规则", undefined, METHODS).problems;
    };
    expect(withParam(0).map((p) => p.message)).toEqual(["评分规则!E9：B4 的达标线不能为 0"]);
    expect(withParam(1.2).map((p) => p.code)).toEqual(["rules.rateRange"]);
    const mismatch = withParam(0.6, "B5");
    expect(mismatch.map((p) => p.message)).toEqual(["评分规则!C10：B5 不能使用方法“达线得分”"]);
    expect(mismatch[0].action).toBe("该指标可用的方法：线性区间、达标比例。");
    expect(methodsFor("B4", METHODS).map((m) => m.id)).toEqual(["ramp", "target", "line"]);
  });

  it("is scored by its own scorer within the month's base score", () => {
    const score = monthScorer(rules, METHODS);
    // 60 of 100 reaches the 60 % line: all 6 points; 59 of 100 gets none.
    expect(score(values(60, 100), null).scores.B4.cents).toBe(600);
    expect(score(values(59, 100), null).scores.B4.cents).toBe(0);
    // Nothing closed: the 分母为零 policy 满分 decides.
    expect(score(values(0, 0), null).scores.B4).toEqual({ cents: 600, rate: null, zeroDenominator: true });
  });
});
