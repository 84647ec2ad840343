// KAOPING.SCORE with one indicator's own row of 评分规则 (what the template passes, 7 cells instead of
// the 320 of the whole table), read by the engine's readIndicatorRuleRow. Expected values by hand from spec §4.

import { DEFAULT_UNITS, INDICATORS, IndicatorId, scoreArgumentFields } from "../engine";
import { describeRulesSheet } from "../workbook/template";
import { demoValues } from "../workbook/demo-data";
import { FIELDS } from "../engine/catalogue";
import { score, total } from "./functions";
import { clearRuleCache } from "./rules-argument";
import { installCustomFunctionsShim, outcome } from "../../test/support/custom-functions-shim";

beforeAll(installCustomFunctionsShim);
beforeEach(clearRuleCache);

/** The rules sheet as the template writes it, cell values only, empty cells as null. */
const TABLE = describeRulesSheet().rows.map((row) => Array.from({ length: 8 }, (_, c) => row[c]?.value ?? null));
/** An indicator's row of it, B to H (指标 … 说明), as '评分规则'!$B$n:$H$n hands it over. */
const rowOf = (id: IndicatorId) => [TABLE.find((r) => r[0] === id)!.slice(1)];

describe("KAOPING.SCORE with an indicator's rule row", () => {
  it("uses the row's parameters: A2 ramp(90%, 70%) gives 80 of 100 answered (80% − 70%) ÷ 20% × 10 = 5 points", () => {
    expect(score("A2", [[80]], 100, [["人工接通率", "线性区间", 10, "90%", "70%", "满分", ""]])).toBe(5);
    // The same row with its 编号 first (A:H), or without 说明 (B:G).
    expect(score("A2", [[80]], 100, [["A2", "人工接通率", "线性区间", 10, "90%", "70%", "满分", ""]])).toBe(5);
    expect(score("A2", [[80]], 100, [["人工接通率", "线性区间", 10, "90%", "70%", "满分"]])).toBe(5);
  });

  it("scores A1 against the median in the third argument: 3000 ÷ 4000 × 3 = 2.25, above the median 3", () => {
    expect(score("A1", [[3000]], 4000, rowOf("A1"))).toBe(2.25);
    expect(score("A1", [[5000]], 4000, rowOf("A1"))).toBe(3);
  });

  it("applies the row's zero-denominator policy: B2 零分 with nothing received gives 0", () => {
    expect(score("B2", [[0]], 0, [["跨市（直管县）工单办结率", "线性区间", 4, "100%", "80%", "零分", ""]])).toBe(0);
    expect(score("B2", [[0]], 0, rowOf("B2"))).toBe(4);
  });

  it("keeps a 0 in a number column a number, and reads a 0 in a column of words as the empty cell older Excel sends", () => {
    // ramp(100%, 0%): 80% → 8 points; 分母为零 and 说明 given as 0 → blank → the default 满分.
    expect(score("A2", [[80]], 100, [["人工接通率", "线性区间", 10, 1, 0, 0, 0]])).toBe(8);
  });

  it("refuses the row of another indicator, naming both", () => {
    const r = outcome(() => score("A2", [[80]], 100, rowOf("A3")));
    expect(r.error).toBe("#VALUE!");
    expect(r.message).toContain("信息咨询类即时答复率");
    expect(r.message).toContain("不是 A2 人工接通率");
  });

  it("gives #VALUE! with the engine's message for a row it cannot read", () => {
    const r = outcome(() => score("A2", [[80]], 100, [["人工接通率", "分段", 10, "95%", "75%", "满分", ""]]));
    expect(r.error).toBe("#VALUE!");
    expect(r.message).toContain("方法“分段”不认识");
  });

  it("gives each indicator of a filled month exactly what the whole table gives (郑州市, October of the demo)", () => {
    const values = demoValues(DEFAULT_UNITS[0], "2026-10")!;
    for (const { id } of INDICATORS) {
      const { value, denominator } = scoreArgumentFields(id);
      const third = denominator ? values[denominator] : id === "A1" ? 9000 : null;
      const cells = [value.map((f) => values[f] ?? null)];
      expect(`${id} ${score(id, cells, third, rowOf(id))}`).toBe(`${id} ${score(id, cells, third, TABLE)}`);
    }
  });
});

describe("KAOPING.TOTAL", () => {
  it("needs the whole table: one indicator's row is refused with a message", () => {
    const headers = [FIELDS.map((f) => f.label)];
    const values = demoValues(DEFAULT_UNITS[0], "2026-10")!;
    const row = [FIELDS.map((f) => (f.id === "month" ? "2026-10" : (values[f.id as keyof typeof values] ?? null)))];
    const r = outcome(() => total(headers, row, 9000, rowOf("A2")));
    expect(r.error).toBe("#VALUE!");
    expect(r.message).toContain("整张评分规则表");
  });
});
