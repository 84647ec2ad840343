// An empty cell reaches a custom function as null (Excel on the web, current desktop builds), as ""
// (a range cell, a formula's empty text) or as 0 (older desktop builds: OfficeDev/office-js #4702,
// #5262, #1951; no requirement set tells them apart). Each argument is tried with all three:
// - where a 0 can only be a blank, every host gives the same result;
// - where a 0 is a real number (a count, a median, a total, a rate), the two readings differ exactly as
//   docs/functions.md says, and the template's formulas keep the function from seeing such a blank.
//
// The formula shape that keeps an indicator sheet's provisional scores the same on every host (template.ts):
// each KAOPING.SCORE guarded with COUNTBLANK over the input cells the call reads, inside the all-empty-row
// guard, e.g. for A2 in row 13 (人工排队量 in C, 人工接听量 in D):
//   =IF(COUNTA($B13:$V13)=0,"",IF(COUNTBLANK(C13:D13)>0,NA(),KAOPING.SCORE("A2",D13,C13,'评分规则'!$B$3:$H$3)))
// (C1 reads R13:T13, C2 U13:V13, A4 only its own cell). The 评分规则 range (the whole table, or the
// indicator's own row as the template passes it) needs no guard: its blanks read alike from every host (tested below).

import { DEFAULT_UNITS, FIELDS, INDICATOR_IDS, MeasureId, excelSerialToIso, scoreArgumentFields } from "../engine";
import { demoValues } from "../workbook/demo-data";
import { describeRulesSheet } from "../workbook/template";
import { publicityEnd, rank, rate, score, total } from "./functions";
import { clearRuleCache } from "./rules-argument";
import { installCustomFunctionsShim, outcome } from "../../test/support/custom-functions-shim";

beforeAll(installCustomFunctionsShim);
beforeEach(clearRuleCache);

/** The ways an empty cell arrives, by host. */
const BLANKS = { web: null, text: "", olderDesktop: 0 } as const;
type Host = keyof typeof BLANKS;
const HOSTS = Object.keys(BLANKS) as Host[];

/** What `call` gives with the empty cell as each host sends it. */
function byHost(call: (blank: unknown) => unknown): Record<Host, ReturnType<typeof outcome>> {
  return Object.fromEntries(HOSTS.map((h) => [h, outcome(() => call(BLANKS[h]))])) as Record<Host, ReturnType<typeof outcome>>;
}

/** Every host gives this one result. */
function alike(call: (blank: unknown) => unknown, expected: ReturnType<typeof outcome>): void {
  expect(byHost(call)).toEqual({ web: expected, text: expected, olderDesktop: expected });
}

/** The template's '评分规则'!$A$1:$H$40: the rules sheet as created, then empty rows, every empty cell as `blank`. */
function templateRules(blank: unknown): unknown[][] {
  const rows = describeRulesSheet().rows.map((row) => Array.from({ length: 8 }, (_, c) => row[c]?.value ?? blank));
  while (rows.length < 40) rows.push(Array(8).fill(blank));
  return rows;
}

/** 郑州市's October in the demo workbook, in the template's column order (月份 first). */
const ZHENGZHOU = demoValues(DEFAULT_UNITS[0], "2026-10");
const LABELS = FIELDS.map((f) => f.label);
const row = (blank: unknown, field?: MeasureId) =>
  FIELDS.map((f) => (f.id === "month" ? "2026-10" : f.id === field ? blank : (ZHENGZHOU[f.id as MeasureId] ?? null)));

describe("where a 0 can only be an empty cell, every host reads the argument alike", () => {
  it("KAOPING.SCORE scores every indicator the same with the template's 评分规则 range, its empty cells however sent", () => {
    // The default rules give: A2 850/1000 → 5; A3 98% → 6; A4 20 s → 5; B1 90% → 5; B2 95% → 3; B3 89% → 2.5;
    // B4 60% → 6; B5 88% → 4.5; C1 (6 + 0.5 × 2) ÷ 10 → 2.8; C2 1 minor, 1 serious → 1.5.
    const cases: [string, unknown[][], unknown, number][] = [
      ["A2", [[850]], 1000, 5],
      ["A3", [[392]], 400, 6],
      ["A4", [[20]], null, 5],
      ["B1", [[90]], 100, 5],
      ["B2", [[95]], 100, 3],
      ["B3", [[89]], 100, 2.5],
      ["B4", [[60]], 100, 6],
      ["B5", [[88]], 100, 4.5],
      ["C1", [[6, 2]], 10, 2.8],
      ["C2", [[1]], 1, 1.5],
    ];
    for (const [id, value, third, points] of cases) {
      alike((blank) => score(id, value, third, templateRules(blank)), { value: points });
      // The template's formulas pass the indicator's own row (B:H): its empty cells (A4's 分母为零, B4's 参数2) read alike.
      alike(
        (blank) =>
          score(id, value, third, [
            templateRules(blank)
              .find((r) => r[0] === id)!
              .slice(1),
          ]),
        { value: points },
      );
    }
  });

  it("KAOPING.SCORE: an empty 指标 asks for one on every host", () => {
    alike((blank) => score(blank, [[850]], 1000), { error: "#VALUE!", message: "请给出指标编号（如 A2）或名称（如 人工接通率）" });
  });

  it("KAOPING.SCORE: A4 and C2's two-cell form take an empty third argument as none", () => {
    alike((blank) => score("A4", [[20]], blank), { value: 5 });
    alike((blank) => score("C2", [[1, 1]], blank), { value: 1.5 }); // 4 − 0.5 − 2
  });

  it("KAOPING.TOTAL passes over empty header cells and reads the rules range alike", () => {
    // The row with no empty cell, scored with the built-in rules (the template's table is the same rules).
    const expected = outcome(() => total([LABELS], [row(null)], 2000));
    expect(typeof expected.value).toBe("number");
    alike((blank) => total([[...LABELS, blank]], [[...row(null), blank]], 2000, templateRules(blank)), expected);
  });

  it("KAOPING.RANK reads empty counts as 0: an empty pair is a unit without a rate on every host", () => {
    // 甲 50 points with 1/2, 乙 50 points with nothing queued: 甲 1, 乙 2.
    alike(
      (blank) =>
        rank(
          50,
          [[50], [50]],
          [[blank, blank]],
          [
            [1, 2],
            [blank, blank],
          ],
        ),
      { value: 2 },
    );
    alike(
      (blank) =>
        rank(
          50,
          [[50], [50]],
          [[1, 2]],
          [
            [1, 2],
            [blank, blank],
          ],
        ),
      { value: 1 },
    );
    // An empty 人工接听量 with calls queued is 0 answered: 0% still ranks above no rate.
    alike(
      (blank) =>
        rank(
          50,
          [[50], [50], [50]],
          [[blank, 4]],
          [
            [blank, 4],
            [1, 2],
            [0, 0],
          ],
        ),
      { value: 2 },
    );
  });

  it("KAOPING.RANK: an empty own rate without the rates range is no tie-break on every host", () => {
    alike((blank) => rank(50, [[60], [50]], blank), { value: 2 });
  });

  it("KAOPING.RANK: an all-empty rates range leaves equal totals sharing their rank on every host", () => {
    alike((blank) => rank(50, [[50], [50], [60]], blank, [[blank], [blank], [blank]]), { value: 2 });
  });

  it("KAOPING.PUBLICITYEND: an empty date is 未填写, empty override rows are passed over", () => {
    alike((blank) => publicityEnd(blank), { error: "#N/A", message: "发布日期未填写" });
    // Published Fri 2026-11-06, Tue Nov 10 off → Mon 9, Wed 11, Thu 12, Fri 13, Mon 16.
    const overrides = (blank: unknown) => [
      ["日期", "类型"],
      [blank, blank],
      ["2026-11-10", "休息日"],
      [blank, blank],
    ];
    alike((blank) => excelSerialToIso(publicityEnd("2026-11-06", null, overrides(blank))), { value: "2026-11-16" });
    alike((blank) => publicityEnd("2026-11-06", null, [["2026-11-10", blank]]), {
      error: "#VALUE!",
      message: "节假日调整第 1 行：类型“”应为“工作日”或“休息日”",
    });
  });
});

describe("where a 0 is a real number, an older desktop Excel's 0 is read as the number (docs/functions.md)", () => {
  it("KAOPING.RATE: an empty 分子 or 分母 is #N/A, and 0 or #DIV/0! where the empty cell came as 0", () => {
    expect(byHost((blank) => rate(blank, 10))).toEqual({
      web: { error: "#N/A", message: "分子 未填写" },
      text: { error: "#N/A", message: "分子 未填写" },
      olderDesktop: { value: 0 },
    });
    expect(byHost((blank) => rate(5, blank)).olderDesktop).toEqual({ error: "#DIV/0!", message: undefined });
    expect(byHost((blank) => rate(5, blank)).web).toEqual({ error: "#N/A", message: "分母 未填写" });
  });

  it("KAOPING.SCORE: an empty count or median is #N/A, and scored as 0 where it came as 0", () => {
    const a2 = byHost((blank) => score("A2", [[blank]], 1000));
    expect(a2.web).toEqual({ error: "#N/A", message: "人工接听量 未填写" });
    expect(a2.olderDesktop).toEqual({ value: 0 }); // 0 of 1000 answered: below the zero line
    // Both counts empty: nothing queued, so the default zero-denominator policy gives full points.
    const empty = byHost((blank) => score("A2", [[blank]], blank));
    expect(empty.text).toEqual({ error: "#N/A", message: "人工接听量 未填写" });
    expect(empty.olderDesktop).toEqual({ value: 10 });
    // A1 against an empty median: asked for, or the "median 0 → full points" rule.
    const a1 = byHost((blank) => score("A1", [[500]], blank));
    expect(a1.web.error).toBe("#N/A");
    expect(a1.olderDesktop).toEqual({ value: 3 });
  });

  it("KAOPING.TOTAL: an empty cell of the row is #N/A, and scored as 0 where it came as 0", () => {
    const blankAnswered = byHost((blank) => total([LABELS], [row(blank, "manualAnswered")], 2000));
    expect(blankAnswered.web).toEqual({ error: "#N/A", message: "人工接听量 未填写" });
    expect(blankAnswered.text).toEqual(blankAnswered.web);
    expect(typeof blankAnswered.olderDesktop.value).toBe("number");
    // An empty A1 median: asked for, or median 0 — A1's full 3 points on top of the row's other scores.
    const median = byHost((blank) => total([LABELS], [row(null)], blank));
    expect(median.web.error).toBe("#N/A");
    const withMedian = outcome(() => total([LABELS], [row(null)], 1e9)).value as number; // A1 ≈ 0 against a huge median
    expect(median.olderDesktop.value).toBe(Math.round((withMedian + 3) * 100) / 100);
  });

  it("KAOPING.RANK: an empty total in the range is left out, or a 0 total that only units at or below 0 can meet", () => {
    const scores = (blank: unknown) => [[70], [blank], [60], [-1]];
    for (const own of [70, 60]) alike((blank) => rank(own, scores(blank)), { value: own === 70 ? 1 : 2 });
    expect(byHost((blank) => rank(-1, scores(blank)))).toEqual({ web: { value: 3 }, text: { value: 3 }, olderDesktop: { value: 4 } });
  });

  it("KAOPING.RANK: an empty rate cell is no rate, or 0% where it came as 0 — different only beside a 0% or a rateless tie", () => {
    // Beside a higher rate, no rate and 0% both come second.
    alike((blank) => rank(50, [[50], [50]], blank, [[blank], [0.5]]), { value: 2 });
    // Beside a 0% unit: no rate comes after it (2), 0% shares with it (1).
    expect(byHost((blank) => rank(50, [[50], [50]], blank, [[blank], [0]]))).toEqual({
      web: { value: 2 },
      text: { value: 2 },
      olderDesktop: { value: 1 },
    });
  });

  it("KAOPING.PUBLICITYEND: an empty 公示天数 cell is the default 5, and refused where it came as 0", () => {
    const days = byHost((blank) => publicityEnd("2026-11-06", blank));
    expect(excelSerialToIso(days.web.value as number)).toBe("2026-11-13");
    expect(days.olderDesktop.error).toBe("#VALUE!");
  });
});

it("the guarded template formula reads every input cell of each indicator in one COUNTBLANK span", () => {
  // The coordinator's guard above takes one span per indicator: its fields are adjacent columns of the sheet.
  for (const id of INDICATOR_IDS) {
    const { value, denominator } = scoreArgumentFields(id);
    const columns = [...value, ...(denominator ? [denominator] : [])].map((f) => FIELDS.findIndex((x) => x.id === f)).sort((a, b) => a - b);
    expect(columns[columns.length - 1] - columns[0]).toBe(columns.length - 1);
  }
});
