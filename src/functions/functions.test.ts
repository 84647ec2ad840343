// KP.* as Excel calls them: scalars or 2-D ranges, blanks as "" or null, omitted arguments as
// null/undefined. Every expected value is worked out by hand from spec §4/§5/§6.

import { excelSerialToIso } from "../engine";
import { publicityEnd, rank, rate, score, total } from "./functions";
import { clearRuleCache } from "./rules-argument";
import { ShimError, installCustomFunctionsShim, outcome } from "../../test/support/custom-functions-shim";

beforeAll(installCustomFunctionsShim);
beforeEach(clearRuleCache);

const error = (f: () => unknown) => outcome(f);
const iso = (serial: number) => excelSerialToIso(serial);

/** The 评分规则 table as staff type it: a title above the header, percentages as text. */
function rulesGrid(overrides: Record<string, (string | number | null)[]> = {}): (string | number | null)[][] {
  const rows: Record<string, (string | number | null)[]> = {
    A1: ["A1", "工单数量", "同类中位数", 3, null, null, "满分", ""],
    A2: ["A2", "人工接通率", "线性区间", 10, "95%", "75%", "满分", ""],
    A3: ["A3", "信息咨询类即时答复率", "线性区间", 6, "98%", "88%", "满分", ""],
    A4: ["A4", "平均等待时长", "等待秒数扣分", 6, 15, 0.2, null, ""],
    B1: ["B1", "限时办结率", "线性区间", 10, "100%", "80%", "满分", ""],
    B2: ["B2", "跨市（直管县）工单办结率", "线性区间", 4, "100%", "80%", "满分", ""],
    B3: ["B3", "即时答复满意率", "线性区间", 5, "98%", "80%", "满分", ""],
    B4: ["B4", "抽查回访率", "达标比例", 6, "50%", null, "满分", ""],
    B5: ["B5", "回访满意率", "线性区间", 9, "98%", "78%", "满分", ""],
    C1: ["C1", "信息报送", "报送比例", 4, 0.5, null, "满分", ""],
    C2: ["C2", "督导检查", "问题扣分", 4, 0.5, 2, null, ""],
    ...overrides,
  };
  return [
    ["评分规则（2026 年度）", null, null, null, null, null, null, null],
    ["编号", "指标", "方法", "分值", "参数1", "参数2", "分母为零", "说明"],
    ...Object.values(rows),
  ];
}

describe("KP.RATE", () => {
  it("divides the numerator by the denominator", () => {
    expect(rate(9731, 10000)).toBe(0.9731);
    expect(rate(3, 4)).toBe(0.75);
  });

  it("reads text numbers and full-width digits as the engine does", () => {
    expect(rate("96", "100")).toBe(0.96);
    expect(rate("９６", "１,０００")).toBe(0.096);
  });

  it("accepts single-cell ranges", () => {
    expect(rate([[3]], [[4]])).toBe(0.75);
  });

  it("gives #DIV/0! for a zero denominator", () => {
    expect(error(() => rate(0, 0))).toEqual({ error: "#DIV/0!", message: undefined });
    expect(error(() => rate(5, 0)).error).toBe("#DIV/0!");
  });

  it("gives #N/A with a Chinese message for a blank or omitted argument", () => {
    expect(error(() => rate(5, "")).error).toBe("#N/A");
    // The engine's wording of a blank measure, as KP.TOTAL and the 数据校验 sheet say it.
    expect(error(() => rate(null, 10))).toEqual({ error: "#N/A", message: "分子 未填写" });
  });

  it("gives #VALUE! for negative, fractional, percent, text and numerator-above-denominator input", () => {
    expect(error(() => rate(-1, 10)).message).toContain("不能为负数");
    expect(error(() => rate(1.5, 10)).message).toContain("整数");
    expect(error(() => rate("96%", 100)).message).toContain("百分数");
    expect(error(() => rate("abc", 100)).message).toContain("不是数字");
    expect(error(() => rate(11, 10))).toEqual({ error: "#VALUE!", message: "分子 11 大于分母 10，比率不能超过 100%" });
  });

  it("passes on an error value given as an argument", () => {
    expect(error(() => rate({ error: "#DIV/0!" }, 10)).error).toBe("#DIV/0!");
    expect(error(() => rate("#REF!", 10)).error).toBe("#VALUE!");
  });

  it("rejects a range of several cells where one cell is expected", () => {
    expect(error(() => rate([[1, 2]], 10)).message).toContain("单个单元格");
  });
});

describe("KP.SCORE with the default rules", () => {
  it("scores A2 人工接通率 on ramp(95%, 75%) for 10 points", () => {
    expect(score("A2", [[850]], 1000)).toBe(5); // (85% − 75%) ÷ 20% × 10
    expect(score("A2", [[8]], 10)).toBe(2.5); // (80% − 75%) ÷ 20% × 10
    expect(score("A2", [[950]], 1000)).toBe(10);
    expect(score("A2", [[9731]], 10000)).toBe(10);
    expect(score("A2", [[700]], 1000)).toBe(0);
  });

  it("rounds half-up exactly: A3 at 92.025% is 2.415 points, shown 2.42", () => {
    // 6 × (3681/4000 − 88%) ÷ 10% = 6 × 0.04025 ÷ 0.1 = 2.415 → 2.42 (a float would give 2.41).
    expect(score("A3", [[3681]], 4000)).toBe(2.42);
  });

  it("scores the other rate indicators on their ramps and targets", () => {
    expect(score("B1", [[90]], 100)).toBe(5); // ramp(100%, 80%) × 10 at 90%
    expect(score("B2", [[95]], 100)).toBe(3); // ramp(100%, 80%) × 4 at 95%
    expect(score("B3", [[89]], 100)).toBe(2.5); // ramp(98%, 80%) × 5 at 89%
    expect(score("B4", [[20]], 100)).toBe(2.4); // 6 × 20% ÷ 50%
    expect(score("B4", [[60]], 100)).toBe(6); // capped at full points
    expect(score("B5", [[88]], 100)).toBe(4.5); // ramp(98%, 78%) × 9 at 88%
  });

  it("gives full points for a zero denominator (the default policy)", () => {
    expect(score("B2", [[0]], 0)).toBe(4);
    expect(score("C1", [[0, 0]], 0)).toBe(4);
  });

  it("scores A1 against the class median given as the denominator", () => {
    expect(score("A1", [[500]], 1000)).toBe(1.5); // 3 × 500 ÷ 1000
    expect(score("A1", [[1000]], 1500)).toBe(2);
    expect(score("A1", [[1]], 3)).toBe(1);
    expect(score("A1", [[2000]], 1500)).toBe(3); // above the median: full
    expect(score("A1", [[1234]], 1234.5)).toBe(3); // 3 × 1234 ÷ 1234.5 = 2.99878… → 3.00
    expect(score("A1", [[617]], 1234.5)).toBe(1.5); // exactly half of the median
    expect(score("A1", [[5]], 0)).toBe(3); // median 0: full
  });

  it("asks for the A1 median when it is omitted instead of guessing", () => {
    const r = error(() => score("A1", [[500]]));
    expect(r.error).toBe("#N/A");
    expect(r.message).toContain("中位数");
  });

  it("scores A4 平均等待时长: −0.2 per started second above 15 s, floor 0", () => {
    expect(score("A4", [[15]])).toBe(6);
    expect(score("A4", [[15.2]])).toBe(5.8); // one started second
    expect(score("A4", [[16]])).toBe(5.8);
    expect(score("A4", [[20]])).toBe(5);
    expect(score("A4", [[44.5]])).toBe(0); // 30 started seconds × 0.2 = 6
    expect(score("A4", [[60]])).toBe(0);
    expect(score("A4", [[12]], null)).toBe(6);
  });

  it("refuses a denominator for A4", () => {
    expect(error(() => score("A4", [[20]], 100)).error).toBe("#VALUE!");
  });

  it("scores C1 from the on-time and late counts (two cells) and the required count", () => {
    expect(score("C1", [[6, 2]], 10)).toBe(2.8); // 4 × (6 + 0.5 × 2) ÷ 10
    expect(score("C1", [[6], [2]], 10)).toBe(2.8); // a vertical pair works too
    expect(score("C1", [[10, 0]], 10)).toBe(4);
    expect(error(() => score("C1", [[6]], 10)).message).toContain("两个单元格");
    expect(error(() => score("C1", [[6, 5]], 10)).message).toContain("超过应报送");
  });

  it("scores C2 with minor findings as value and serious findings as denominator, or both in value", () => {
    expect(score("C2", [[1]], 1)).toBe(1.5); // 4 − 0.5 − 2
    expect(score("C2", [[3]], 0)).toBe(2.5);
    expect(score("C2", [[2]], 2)).toBe(0); // 4 − 1 − 4 < 0 → 0
    expect(score("C2", [[1, 1]])).toBe(1.5);
    expect(error(() => score("C2", [[3]])).error).toBe("#N/A");
  });

  it("finds the indicator by id in any case or width, or by its Chinese name", () => {
    expect(score("a2", [[850]], 1000)).toBe(5);
    expect(score("Ａ２", [[850]], 1000)).toBe(5);
    expect(score("人工接通率", [[850]], 1000)).toBe(5);
    expect(score([["人工接通率"]], [[850]], 1000)).toBe(5);
    expect(score("跨市（直管县）工单办结率", [[95]], 100)).toBe(3);
    expect(score("跨市工单办结率", [[95]], 100)).toBe(3);
  });

  it("gives #VALUE! naming the choices for an unknown indicator", () => {
    const r = error(() => score("A9", [[1]], 1));
    expect(r.error).toBe("#VALUE!");
    expect(r.message).toContain("未知指标“A9”");
    expect(r.message).toContain("A2 人工接通率");
  });

  it("reads values as the engine reads a centre's row", () => {
    expect(score("A2", [["850"]], "1,000")).toBe(5);
    expect(score("A2", [["８５０"]], 1000)).toBe(5);
    expect(error(() => score("A2", [[""]], 1000)).error).toBe("#N/A");
    expect(error(() => score("A2", [[null]], 1000)).error).toBe("#N/A");
    expect(error(() => score("A2", [[850]])).message).toContain("人工排队量");
    expect(error(() => score("A2", [["85%"]], 1000)).message).toContain("百分数");
    expect(error(() => score("A2", [[-1]], 1000)).message).toContain("不能为负数");
    expect(error(() => score("A2", [[850.5]], 1000)).message).toContain("整数");
    expect(error(() => score("A2", [[1001]], 1000))).toEqual({
      error: "#VALUE!",
      // The engine's part-above-whole message, as the 数据校验 sheet gives it without unit and cell.
      message: "人工接听量 为 1001，大于人工排队量 1000",
    });
  });
});

describe("KP.SCORE with a 评分规则 range", () => {
  it("uses the range's parameters", () => {
    const rules = rulesGrid({ A2: ["A2", "人工接通率", "线性区间", 10, "90%", "70%", "满分", ""] });
    expect(score("A2", [[80]], 100, rules)).toBe(5); // (80% − 70%) ÷ 20% × 10
    expect(score("A2", [[80]], 100)).toBe(2.5); // the default ramp(95%, 75%)
  });

  it("gives the same result for the default table typed in as for no table", () => {
    expect(score("A3", [[3681]], 4000, rulesGrid())).toBe(2.42);
  });

  it("applies the zero-denominator policy of the range", () => {
    const zero = rulesGrid({ B2: ["B2", "跨市（直管县）工单办结率", "线性区间", 4, "100%", "80%", "零分", ""] });
    expect(score("B2", [[0]], 0, zero)).toBe(0);
    const prorate = rulesGrid({ B2: ["B2", "跨市（直管县）工单办结率", "线性区间", 4, "100%", "80%", "不计入", ""] });
    const r = error(() => score("B2", [[0]], 0, prorate));
    expect(r.error).toBe("#N/A");
    expect(r.message).toContain("不计入");
  });

  it("treats an all-blank range as no table", () => {
    expect(
      score("A2", [[80]], 100, [
        [null, ""],
        ["", null],
      ]),
    ).toBe(2.5);
  });

  it("gives #VALUE! with the engine's Chinese message for a malformed table", () => {
    const badMethod = error(() => score("A2", [[80]], 100, rulesGrid({ A2: ["A2", "人工接通率", "分段", 10, "95%", "75%", "满分", ""] })));
    expect(badMethod.error).toBe("#VALUE!");
    expect(badMethod.message).toContain("评分规则有误");
    expect(badMethod.message).toContain("方法“分段”不认识");

    const badTotal = error(() =>
      score("A2", [[80]], 100, rulesGrid({ A2: ["A2", "人工接通率", "线性区间", 11, "95%", "75%", "满分", ""] })),
    );
    expect(badTotal.message).toContain("合计为 68，应为 67");

    const noHeader = error(() => score("A2", [[80]], 100, [["随便", "什么"]]));
    expect(noHeader.message).toContain("找不到表头");
  });

  it("refuses a rule whose method does not fit the indicator", () => {
    const swapped = rulesGrid({
      A2: ["A2", "人工接通率", "问题扣分", 10, 0.5, 2, null, ""],
    });
    expect(error(() => score("A2", [[80]], 100, swapped)).error).toBe("#VALUE!");
  });

  it("reads the cached table again correctly after another table was used", () => {
    const a = rulesGrid({ A2: ["A2", "人工接通率", "线性区间", 10, "90%", "70%", "满分", ""] });
    const b = rulesGrid();
    expect(score("A2", [[80]], 100, a)).toBe(5);
    expect(score("A2", [[80]], 100, b)).toBe(2.5);
    expect(
      score(
        "A2",
        [[80]],
        100,
        a.map((row) => [...row]),
      ),
    ).toBe(5);
  });
});

/** The template's header row, in its own order, with 单位 and 月份 and a 备注 column. */
const HEADERS = [
  "单位",
  "月份",
  "工单总量",
  "人工排队量",
  "人工接听量",
  "信息咨询类工单量",
  "信息咨询类即时答复量",
  "平均等待时长（秒）",
  "转办工单量",
  "限时办结转办工单量",
  "跨市工单接收量",
  "限时办结跨市工单量",
  "即时答复参评量",
  "即时答复满意量",
  "办结转办工单量",
  "抽查回访量",
  "回访参评量",
  "回访满意量",
  "应报送信息数",
  "按时报送信息数",
  "逾期报送信息数",
  "督导一般问题数",
  "督导严重问题数",
  "备注",
];
// A1 1000 ÷ median 2000 → 1.50; A2 85% → 5.00; A3 98% → 6.00; A4 20 s → 5.00; B1 90% → 5.00;
// B2 0/0 → 4.00 (full); B3 89% → 2.50; B4 60% → 6.00; B5 88% → 4.50; C1 (6 + 1) ÷ 10 → 2.80;
// C2 1 minor, 1 serious → 1.50. Base 43.80.
const ROW = ["郑州市", "2026-10", 1000, 1000, 850, 400, 392, 20, 100, 90, 0, 0, 100, 89, 100, 60, 50, 44, 10, 6, 2, 1, 1, ""];

describe("KP.TOTAL", () => {
  it("adds the indicator scores of one row to its base score", () => {
    expect(total([HEADERS], [ROW], 2000)).toBe(43.8);
  });

  it("matches headers by text, not position, and accepts variants", () => {
    const order = HEADERS.map((_, i) => i).reverse();
    const headers = order.map((i) =>
      HEADERS[i].replace("（秒）", "(秒)").replace("人工排队量", "人工 排队量").replace("工单总量", "工单数量"),
    );
    const row = order.map((i) => ROW[i]);
    expect(total([headers], [row], 2000)).toBe(43.8);
  });

  it("takes a vertical header column and value column", () => {
    expect(
      total(
        HEADERS.map((h) => [h]),
        ROW.map((v) => [v]),
        2000,
      ),
    ).toBe(43.8);
  });

  it("reads text numbers as the engine does", () => {
    const row = ROW.map((v, i) => (HEADERS[i] === "工单总量" ? "1,000" : v));
    expect(total([HEADERS], [row], "2000")).toBe(43.8);
  });

  it("rescales to 67 when the rules leave an indicator out", () => {
    // Without B2: 43.80 − 4.00 = 39.80 over 63 points → 39.80 × 67 ÷ 63 = 42.326… → 42.33.
    const prorate = rulesGrid({ B2: ["B2", "跨市（直管县）工单办结率", "线性区间", 4, "100%", "80%", "不计入", ""] });
    expect(total([HEADERS], [ROW], 2000, prorate)).toBe(42.33);
  });

  it("gives #N/A for a blank value and for a row with nothing filled in", () => {
    const blank = ROW.map((v, i) => (HEADERS[i] === "人工接听量" ? "" : v));
    expect(error(() => total([HEADERS], [blank], 2000))).toEqual({ error: "#N/A", message: "人工接听量 未填写" });
    const empty = ROW.map((v, i) => (i < 2 ? v : null));
    expect(error(() => total([HEADERS], [empty], 2000)).message).toContain("缺报");
  });

  it("gives #VALUE! with the engine's message for impossible values", () => {
    const negative = ROW.map((v, i) => (HEADERS[i] === "转办工单量" ? -5 : v));
    expect(error(() => total([HEADERS], [negative], 2000)).message).toContain("转办工单量 为 -5，不能为负数");
    const above = ROW.map((v, i) => (HEADERS[i] === "人工接听量" ? 1200 : v));
    expect(error(() => total([HEADERS], [above], 2000)).message).toContain("大于人工排队量");
  });

  it("passes on an error value in the row", () => {
    const withError = ROW.map((v, i) => (HEADERS[i] === "人工排队量" ? { error: "#DIV/0!" } : v));
    expect(error(() => total([HEADERS], [withError], 2000)).error).toBe("#DIV/0!");
  });

  it("gives #VALUE! when a column is missing, doubled or the ranges differ in size", () => {
    const headers = HEADERS.filter((h) => h !== "督导严重问题数");
    const row = ROW.filter((_, i) => HEADERS[i] !== "督导严重问题数");
    expect(error(() => total([headers], [row], 2000)).message).toBe("表头缺少：督导严重问题数");
    expect(error(() => total([[...HEADERS, "工单数量"]], [[...ROW, 5]], 2000)).message).toContain("出现了两次");
    expect(error(() => total([HEADERS], [ROW.slice(1)], 2000)).message).toContain("一一对应");
  });

  it("asks for the A1 median when it is omitted", () => {
    expect(error(() => total([HEADERS], [ROW])).error).toBe("#N/A");
    expect(error(() => total([HEADERS], [ROW], "")).error).toBe("#N/A");
  });
});

describe("KP.RANK", () => {
  // 80 → 1; 70 → 2; three at 63.50 with rates 97.31%, 97.31%, 96.80% → 3, 3, 5; 60 → 6.
  const scores = [[63.5], [70], [63.5], [80], [63.5], ["不合格"], [""], [60]];
  const rates = [[0.9731], [0.9], [0.968], [0.95], [0.9731], [0.99], [""], [0.5]];

  it("ranks high to low", () => {
    expect(rank(80, scores, 0.95, rates)).toBe(1);
    expect(rank(70, scores, 0.9, rates)).toBe(2);
    expect(rank(60, scores, 0.5, rates)).toBe(6);
  });

  it("orders equal totals by the connection rate, sharing a rank only when that is equal too", () => {
    expect(rank(63.5, scores, 0.9731, rates)).toBe(3);
    expect(rank(63.5, scores, 0.968, rates)).toBe(5);
  });

  it("shares ranks among equal totals without tie-breaks, and the next rank skips", () => {
    expect(rank(63.5, scores)).toBe(3);
    expect(rank(60, scores)).toBe(6);
  });

  it("compares totals to the cent", () => {
    expect(rank(63.504, [[63.5], [63.504], [70]])).toBe(2);
    expect(rank(63.51, [[63.5], [63.51], [70]])).toBe(2);
    expect(rank(63.5, [[63.5], [63.51], [70]])).toBe(3);
  });

  it("compares connection rates exactly, not rounded", () => {
    // 9731/10000 and 97309/100000 both show 97.31%; the first is higher.
    const s = [[50], [50]];
    const r = [[9731 / 10000], [97309 / 100000]];
    expect(rank(50, s, 9731 / 10000, r)).toBe(1);
    expect(rank(50, s, 97309 / 100000, r)).toBe(2);
    // 2/3 and 4/6 are the same rate: shared.
    expect(rank(50, s, 2 / 3, [[2 / 3], [4 / 6]])).toBe(1);
  });

  it("puts a unit without a connection rate (blank or #DIV/0!) after the tied units with one", () => {
    const s = [[50], [50]];
    const r = [[{ error: "#DIV/0!" }], [0.5]];
    expect(rank(50, s, 0.5, r)).toBe(1);
    expect(rank(50, s, { error: "#DIV/0!" }, r)).toBe(2);
    expect(rank(50, s, "", [[""], [0.5]])).toBe(2);
    expect(rank(50, s, null, [[""], [0.5]])).toBe(2);
  });

  it("leaves out cells that hold no number, and reads text numbers", () => {
    expect(rank(60, [["数据待核"], [{ error: "#N/A" }], ["70"], [60], [null]])).toBe(2);
  });

  it("gives #N/A when the score (with its rate) is not in the range", () => {
    expect(error(() => rank(99, scores)).error).toBe("#N/A");
    expect(error(() => rank(63.5, scores, 0.5, rates)).error).toBe("#N/A");
    expect(error(() => rank("", scores)).error).toBe("#N/A");
  });

  it("gives #VALUE! for a text score, mismatched ranges, or a rate without the rates range", () => {
    expect(error(() => rank("高", scores)).error).toBe("#VALUE!");
    expect(error(() => rank(80, scores, 0.95, rates.slice(1))).message).toContain("一一对应");
    expect(error(() => rank(80, scores, 0.95)).error).toBe("#VALUE!");
    expect(error(() => rank(80, scores, 1.2, rates)).message).toContain("0–100%");
  });
});

describe("KP.RANK with the counts 人工接听量, 人工排队量 as tie-breaks", () => {
  // The same month as above, given as counts: 97.31% = 9731/10000, 96.80% = 968/1000; 80 → 1; 70 → 2;
  // 63.50 at 97.31%, 97.31%, 96.80% → 3, 3, 5; 60 → 6. 不合格 and the blank total take no part.
  const scores = [[63.5], [70], [63.5], [80], [63.5], ["不合格"], [""], [60]];
  const counts = [
    [9731, 10000],
    [90, 100],
    [968, 1000],
    [95, 100],
    [9731, 10000],
    [99, 100],
    ["", ""],
    [1, 2],
  ];

  it("ranks as with the rates, taking the caller's own counts as two cells", () => {
    expect(rank(80, scores, [[95, 100]], counts)).toBe(1);
    expect(rank(70, scores, [[90, 100]], counts)).toBe(2);
    expect(rank(63.5, scores, [[9731, 10000]], counts)).toBe(3);
    expect(rank(63.5, scores, [[968, 1000]], counts)).toBe(5);
    expect(rank(60, scores, [[1, 2]], counts)).toBe(6);
  });

  it("compares the counts' fractions exactly: 2/3 and 4/6 share, 9731/10000 is above 97309/100000", () => {
    const tied = [[50], [50]];
    const thirds = [
      [2, 3],
      [4, 6],
    ];
    expect(rank(50, tied, [[2, 3]], thirds)).toBe(1);
    expect(rank(50, tied, [[4, 6]], thirds)).toBe(1);
    const close = [
      [9731, 10000],
      [97309, 100000],
    ];
    expect(rank(50, tied, [[9731, 10000]], close)).toBe(1);
    expect(rank(50, tied, [[97309, 100000]], close)).toBe(2);
  });

  it("puts a unit with no queued calls after the tied units with a rate, with no error value anywhere", () => {
    const s = [[50], [50], [50]];
    const c = [
      [0, 0],
      [1, 2],
      [0, 5],
    ];
    expect(rank(50, s, [[1, 2]], c)).toBe(1); // 50%
    expect(rank(50, s, [[0, 5]], c)).toBe(2); // 0% still has a rate
    expect(rank(50, s, [[0, 0]], c)).toBe(3); // no queued calls: no rate
  });

  it("reads blank counts as 0, so a blank pair is a unit without a rate on every host", () => {
    const s = [[50], [50]];
    expect(
      rank(
        50,
        s,
        [["", ""]],
        [
          ["", ""],
          [1, 2],
        ],
      ),
    ).toBe(2);
    expect(
      rank(
        50,
        s,
        [[null, null]],
        [
          [null, null],
          [1, 2],
        ],
      ),
    ).toBe(2);
    expect(
      rank(
        50,
        s,
        [[0, 0]],
        [
          [0, 0],
          [1, 2],
        ],
      ),
    ).toBe(2);
    expect(
      rank(50, s, null, [
        [0, 0],
        [1, 2],
      ]),
    ).toBe(2);
  });

  it("takes totals in a row with the counts one above the other", () => {
    const s = [[50, 50, 40]];
    const c = [
      [0, 1, 5],
      [0, 2, 5],
    ];
    expect(rank(50, s, [[1], [2]], c)).toBe(1);
    expect(rank(50, s, [[0], [0]], c)).toBe(2);
    expect(rank(40, s, [[5], [5]], c)).toBe(3);
  });

  it("finds the caller's row by its rate whether given as a rate or as counts", () => {
    expect(
      rank(50, [[50], [50]], 0.5, [
        [1, 2],
        [1, 4],
      ]),
    ).toBe(1);
    expect(
      rank(50, [[50], [50]], 0.25, [
        [1, 2],
        [1, 4],
      ]),
    ).toBe(2);
    expect(rank(50, [[50], [50]], [[1, 4]], [[0.5], [0.25]])).toBe(2);
  });

  it("needs no own tie-break where every unit of that total has the same rank", () => {
    expect(rank(70, scores, null, counts)).toBe(2);
    expect(
      rank(63.5, scores, null, [
        [1, 2],
        [90, 100],
        [1, 2],
        [95, 100],
        [1, 2],
        [99, 100],
        ["", ""],
        [1, 2],
      ]),
    ).toBe(3);
  });

  it("gives #VALUE! naming the unit for answered above queued, as a swapped pair of columns gives", () => {
    const r = error(() =>
      rank(50, [[50], [40]], null, [
        [1, 2],
        [3, 2],
      ]),
    );
    expect(r).toEqual({
      error: "#VALUE!",
      message: "第 2 个单位的人工接听量 为 3，大于人工排队量 2（两个数量依次为 人工接听量、人工排队量）",
    });
    expect(error(() => rank(50, [[50]], [[2, 1]], [[1, 2]])).message).toContain("本单位人工接听量 为 2，大于人工排队量 1");
    // Counts are checked as the ranking sheet checks them.
    expect(error(() => rank(50, [[50]], null, [[-1, 2]])).message).toBe("第 1 个单位的人工接听量 为 -1，不能为负数");
    expect(error(() => rank(50, [[50]], null, [[1.5, 2]])).message).toContain("数量应为整数");
  });

  it("reads counts only for the units that are ranked", () => {
    // The 不合格 row's counts are never looked at, even when they make no sense.
    expect(
      rank(50, [[50], ["不合格"]], null, [
        [1, 2],
        ["乱填", -3],
      ]),
    ).toBe(1);
  });

  it("gives #VALUE! for a tie-break range that fits neither one rate nor two counts per total", () => {
    expect(error(() => rank(50, [[50], [40]], null, [[1, 2, 3]])).message).toContain("一一对应");
    expect(
      error(() =>
        rank(
          50,
          [[50], [40]],
          [[1, 2, 3]],
          [
            [1, 2],
            [1, 2],
          ],
        ),
      ).message,
    ).toContain("两个单元格");
  });

  it("takes a 2×2 range of counts along the totals: rows for totals in a column, columns for totals in a row", () => {
    // Read as rows, 甲 has 1/2 and 乙 1/4; read as columns, 甲 would have 1/1 and 乙 2/4.
    const c = [
      [1, 2],
      [1, 4],
    ];
    expect(rank(50, [[50], [50]], [[1, 2]], c)).toBe(1);
    expect(rank(50, [[50], [50]], [[1, 4]], c)).toBe(2);
    expect(rank(50, [[50, 50]], [[1], [1]], c)).toBe(1);
    expect(rank(50, [[50, 50]], [[2], [4]], c)).toBe(2);
    // Anything else that holds two counts per total can only be read one way.
    expect(
      rank(
        40,
        [[50], [40], [30]],
        [[1], [2]],
        [
          [1, 1, 1],
          [2, 2, 2],
        ],
      ),
    ).toBe(2);
  });
});

describe("KP.RANK's rates", () => {
  it("read the result sheet's “—” as no rate", () => {
    expect(rank(50, [[50], [50]], "—", [["—"], [0.5]])).toBe(2);
    expect(rank(50, [[50], [50]], 0.5, [["—"], [0.5]])).toBe(1);
  });

  it("read #DIV/0! as no rate in every shape an error value may arrive in", () => {
    const shapes = [
      { error: "#DIV/0!" },
      new ShimError("#DIV/0!"),
      { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" },
      { type: "Error", errorType: "Div0" },
    ];
    for (const div0 of shapes) {
      expect(rank(50, [[50], [50]], div0, [[div0], [0.5]])).toBe(2);
      expect(rank(50, [[50], [50]], 0.5, [[div0], [0.5]])).toBe(1);
    }
  });
});

describe("arguments Excel hands over as objects", () => {
  it("pass on an error value in each shape it may arrive in", () => {
    expect(error(() => rate({ type: "Error", basicValue: "#DIV/0!", errorType: "Div0" }, 10)).error).toBe("#DIV/0!");
    expect(error(() => rate({ type: "Error", errorType: "NotAvailable" }, 10))).toEqual({ error: "#N/A", message: "分子 是错误值 #N/A" });
    expect(error(() => rate(new ShimError("#NUM!"), 10)).error).toBe("#NUM!");
    // An error type Excel may add later still reads as an error, never as text.
    expect(error(() => rate({ type: "Error", errorType: "Python" }, 10))).toEqual({ error: "#VALUE!", message: "分子 是错误值 #VALUE!" });
  });

  it("refuse data types with #VALUE! naming the argument, never as “[object Object]”", () => {
    const entity = { type: "Entity", text: "郑州市", properties: {} };
    const formatted = { type: "FormattedNumber", basicValue: 850, numberFormat: "0" };
    const r = error(() => rate(entity, 10));
    expect(r.error).toBe("#VALUE!");
    expect(r.message).toBe("分子是 Excel 数据类型“实体”，本函数只读取单元格中的数字、文字、日期或错误值，请引用普通单元格");
    expect(error(() => score("A2", [[formatted]], 1000)).message).toContain("数值是 Excel 数据类型“带格式的数字”");
    expect(error(() => score("C1", [[6, formatted]], 10)).message).toContain("数值（区域第 1 行第 2 列）是 Excel 数据类型“带格式的数字”");
    expect(error(() => rank(50, [[50], [entity]])).message).toContain("分数区域（区域第 2 行第 1 列）是 Excel 数据类型“实体”");
    expect(error(() => rank(50, [[50]], null, [[[1, 2] as unknown as number]])).message).toContain("人工接通率区域是数组");
    expect(error(() => score("A2", [[80]], 100, [[{ type: "WebImage" }]])).message).toContain("评分规则是 Excel 数据类型“图片”");
    expect(error(() => publicityEnd({ foo: 1 })).message).toContain("发布日期是无法识别的值");
    for (const r of [error(() => rate(entity, 10)), error(() => total([["工单总量"]], [[entity]], 1))]) {
      expect(r.message).not.toContain("[object Object]");
    }
  });
});

describe("KP.PUBLICITYEND", () => {
  it("counts 5 working days after publication on an ordinary week", () => {
    // Published Fri 2026-11-06 → Mon 9, Tue 10, Wed 11, Thu 12, Fri 13.
    expect(iso(publicityEnd("2026-11-06"))).toBe("2026-11-13");
  });

  it("returns an Excel date serial", () => {
    // 2026-01-01 is serial 46023; 2026-10-15 is day 288 of the year → 46023 + 287.
    expect(publicityEnd("2026-10-09")).toBe(46310);
  });

  it("follows the statutory holidays and 调休 working days", () => {
    // 2026 国庆: Oct 1–7 off, Sat Oct 10 worked. Published Fri Oct 9 → Sat 10, Mon 12, 13, 14, 15.
    expect(iso(publicityEnd("2026-10-09"))).toBe("2026-10-15");
    // Published Wed Sep 30 → Thu Oct 8, Fri 9, Sat 10, Mon 12, Tue 13.
    expect(iso(publicityEnd("2026-09-30"))).toBe("2026-10-13");
  });

  it("reads the date as a serial number or as Chinese date text", () => {
    expect(iso(publicityEnd(46304))).toBe("2026-10-15"); // 46304 = 2026-10-09
    expect(iso(publicityEnd("2026年10月9日"))).toBe("2026-10-15");
    expect(iso(publicityEnd([["2026/10/9"]]))).toBe("2026-10-15");
  });

  it("takes another number of working days", () => {
    expect(iso(publicityEnd("2026-11-06", 3))).toBe("2026-11-11");
    expect(iso(publicityEnd("2026-11-06", null))).toBe("2026-11-13");
  });

  it("applies override rows, with or without a header", () => {
    const overrides = [
      ["日期", "类型"],
      ["2026-11-10", "休息日"],
      [null, null],
    ];
    // Tue Nov 10 off → Mon 9, Wed 11, Thu 12, Fri 13, Mon 16.
    expect(iso(publicityEnd("2026-11-06", null, overrides))).toBe("2026-11-16");
    // Sat Nov 7 worked → Sat 7, Mon 9, 10, 11, 12.
    expect(iso(publicityEnd("2026-11-06", undefined, [["2026-11-07", "工作日"]]))).toBe("2026-11-12");
  });

  it("gives #N/A with the calendar warning for a year the calendar does not know", () => {
    const r = error(() => publicityEnd("2099-03-06"));
    expect(r.error).toBe("#N/A");
    expect(r.message).toContain("2099");
    expect(r.message).toContain("节假日调整");
  });

  it("counts weekdays in an unknown year once the override rows cover it", () => {
    // 2099-03-06 is a Friday; with Tue Mar 10 off: Mon 9, Wed 11, Thu 12, Fri 13, Mon 16.
    expect(iso(publicityEnd("2099-03-06", 5, [["2099-03-10", "放假"]]))).toBe("2099-03-16");
  });

  it("gives #VALUE! for an unreadable date, day count or override row, and #N/A for a blank date", () => {
    expect(error(() => publicityEnd("下周一")).error).toBe("#VALUE!");
    expect(error(() => publicityEnd("2026-11-06", "五")).error).toBe("#VALUE!");
    expect(error(() => publicityEnd("2026-11-06", 0)).error).toBe("#VALUE!");
    expect(error(() => publicityEnd("2026-11-06", 5, [["2026-11-10", "不知道"]])).message).toContain("工作日");
    expect(
      error(() =>
        publicityEnd("2026-11-06", 5, [
          ["2026-11-10", "休息日"],
          ["明天", "休息日"],
        ]),
      ).message,
    ).toContain("无法识别");
    expect(error(() => publicityEnd(null)).error).toBe("#N/A");
  });
});
