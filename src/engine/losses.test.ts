import { PERFECT } from "../../test/support/full-marks";
import { MeasureId } from "./catalogue";
import { evaluate, Evaluation, ResultRow } from "./evaluate";
import { ScoringEvent } from "./events";
import { lossesOf } from "./losses";
import { RawRecord } from "./records";
import { DEFAULT_RULES, RuleSet } from "./rules";
import { Unit } from "./units";

// Every expected value below is worked out by hand from PRODUCT.md §4 (default rules), not from the code;
// PERFECT has full points everywhere, each unit changes a few of its values.

const ZZ: Unit = { code: "410100", name: "郑州市", unitClass: "省辖市" };
const KF: Unit = { code: "410200", name: "开封市", unitClass: "省辖市" };
const LY: Unit = { code: "410300", name: "洛阳市", unitClass: "省辖市" };

const rec = (unit: Unit, month: string, over: Partial<Record<MeasureId, number>> = {}): RawRecord => ({
  unitCode: unit.code,
  month,
  values: { ...PERFECT, ...over },
});

const ev = (unit: Unit, date: string, type: ScoringEvent["type"], level: ScoringEvent["level"]): ScoringEvent => ({
  unitCode: unit.code,
  date,
  type,
  level,
  scope: "monthly",
});

// 省辖市 orders this month: 郑州 800, 开封 1000, 洛阳 1200 → class median 1000.
const RECORDS: RawRecord[] = [
  rec(ZZ, "2026-10", {
    ordersTotal: 800, // A1: 3 × 800/1000 = 2.40, lost 0.60
    manualAnswered: 900, // A2: 900/1000 = 90%; (90 − 75)/(95 − 75) = 0.75 → 7.50, lost 2.50
    infoInstant: 95, // A3: 95/100; (95 − 88)/(98 − 88) = 0.7 → 4.20, lost 1.80
    avgWaitSeconds: 18.5, // A4: 3.5 s above 15 → 4 started seconds → 6 − 0.8 = 5.20, lost 0.80
    transferDue: 12,
    transferOnTime: 8, // B1: 8/12 = 66.67% < 80% → 0, lost 10
    revisitRated: 12,
    revisitSatisfied: 8, // B5: 8/12 = 66.67% < 78% → 0, lost 9
    reportsOnTime: 2,
    reportsLate: 1, // C1: (2 + 0.5 × 1)/4 = 62.5% → 2.50, lost 1.50
    inspectionMinor: 2,
    inspectionMajor: 1, // C2: 4 − 2 × 0.5 − 1 × 2 = 1.00, lost 3.00
  }),
  // base 67 − 29.20 = 37.80
  rec(KF, "2026-10", {
    manualAnswered: 880, // A2: 88%; (88 − 75)/20 = 0.65 → 6.50, lost 3.50
    crossCityDue: 0,
    crossCityOnTime: 0, // B2: no cross-city orders → full points (default), no loss
    instantSatisfied: 89, // B3: 89%; (89 − 80)/(98 − 80) = 0.5 → 2.50, lost 2.50
    transferClosed: 50,
    revisited: 20, // B4: 20/50 = 40% → 6 × 40/50 = 4.80, lost 1.20
    reportsRequired: 0,
    reportsOnTime: 0, // C1: nothing due → full
  }),
  // base 67 − 7.20 = 59.80
  rec(LY, "2026-10", { ordersTotal: 1200 }), // every indicator full: 67.00
];

const EVENTS: ScoringEvent[] = [
  // 郑州: three 国家级 criticisms, 3 × 3 = 9 → monthly cap 6.
  ev(ZZ, "2026-10-08", "criticism", "national"),
  ev(ZZ, "2026-10-15", "criticism", "national"),
  ev(ZZ, "2026-10-22", "criticism", "national"),
  // 开封: one 省级 honour, +1.
  ev(KF, "2026-10-20", "honour", "provincial"),
];

const october = (rules: RuleSet = DEFAULT_RULES, records = RECORDS): Evaluation =>
  evaluate({ period: { kind: "month", year: 2026, month: 10 }, units: [ZZ, KF, LY], records, events: EVENTS, rules });
const rowOf = (e: Evaluation, unit: Unit): ResultRow => e.rows.find((r) => r.unit.code === unit.code)!;

describe("失分分析 of a month under the default rules", () => {
  const evaluation = october();

  it("lists 郑州's eight indicators with points lost, most lost first, with value, points, lost and full-points line", () => {
    const losses = lossesOf(rowOf(evaluation, ZZ), DEFAULT_RULES);
    const lines = losses.indicators.map((l) => [l.indicator, l.numerator, l.denominator, l.points, l.score, l.lost, l.fullAt]);
    expect(lines).toEqual([
      ["B1", 8, 12, 10, 0, 10, 1],
      ["B5", 8, 12, 9, 0, 9, 0.98],
      ["C2", null, null, 4, 1, 3, 0],
      ["A2", 900, 1000, 10, 7.5, 2.5, 0.95],
      ["A3", 95, 100, 6, 4.2, 1.8, 0.98],
      ["C1", 2.5, 4, 4, 2.5, 1.5, 1],
      ["A4", null, null, 6, 5.2, 0.8, 15],
      ["A1", 800, 1000, 3, 2.4, 0.6, 1000],
    ]);
    expect(losses.lost).toBe(29.2);
  });

  it("gives each value in its own terms: rates, seconds, findings", () => {
    const byId = new Map(lossesOf(rowOf(evaluation, ZZ), DEFAULT_RULES).indicators.map((l) => [l.indicator, l]));
    expect(byId.get("B1")).toMatchObject({ kind: "rate", value: 8 / 12, fullWhen: "atLeast" });
    expect(byId.get("A4")).toMatchObject({ kind: "seconds", value: 18.5, fullAt: 15, fullWhen: "atMost" });
    expect(byId.get("C2")).toMatchObject({ kind: "findings", value: 3, findings: { minor: 2, major: 1 }, fullWhen: "atMost" });
    expect(byId.get("A1")).toMatchObject({ kind: "count", value: 800 });
  });

  it("shows 郑州's deduction capped: 9 counted, 6 applied, and the total is base − 6", () => {
    const row = rowOf(evaluation, ZZ);
    const { deduction, bonus } = lossesOf(row, DEFAULT_RULES);
    expect(deduction).toMatchObject({ points: 6, beforeCap: 9, cap: 6, capped: true });
    expect(deduction.events).toHaveLength(3);
    expect(bonus).toMatchObject({ points: 0, capped: false, events: [] });
    expect(row.base).toBe(37.8);
    expect(row.total).toBe(31.8);
  });

  it("lists 开封's three losses; the zero-denominator B2 and C1 scored full are not losses", () => {
    const row = rowOf(evaluation, KF);
    const losses = lossesOf(row, DEFAULT_RULES);
    expect(losses.indicators.map((l) => [l.indicator, l.numerator, l.denominator, l.score, l.lost, l.fullAt])).toEqual([
      ["A2", 880, 1000, 6.5, 3.5, 0.95],
      ["B3", 89, 100, 2.5, 2.5, 0.98],
      ["B4", 20, 50, 4.8, 1.2, 0.5],
    ]);
    expect(losses.lost).toBe(7.2);
    expect(losses.bonus).toMatchObject({ points: 1, beforeCap: 1, cap: 3, capped: false });
    expect(row.total).toBe(60.8);
  });

  it("has nothing to list for a unit with full points", () => {
    const losses = lossesOf(rowOf(evaluation, LY), DEFAULT_RULES);
    expect(losses.indicators).toEqual([]);
    expect(losses.lost).toBe(0);
  });

  it("lists an indicator whose zero denominator the rule scores 0, with no value", () => {
    const rules: RuleSet = {
      ...DEFAULT_RULES,
      indicators: DEFAULT_RULES.indicators.map((r) => (r.id === "B2" ? { ...r, zeroDenominator: "zero" } : r)),
    };
    const b2 = lossesOf(rowOf(october(rules), KF), rules).indicators.find((l) => l.indicator === "B2");
    expect(b2).toMatchObject({ value: null, numerator: null, denominator: null, score: 0, lost: 4, zeroDenominator: true });
  });
});

describe("失分分析 of a quarter", () => {
  const quarter = evaluate({
    period: { kind: "quarter", year: 2026, quarter: 4 },
    units: [ZZ, LY],
    records: ["2026-10", "2026-11", "2026-12"].flatMap((m) => [
      // B1 7/10 = 70% → 0 in October only; 9/10, 10/10 in the others: pooled 26/30.
      rec(ZZ, m, { transferDue: 10, transferOnTime: m === "2026-10" ? 7 : m === "2026-11" ? 9 : 10 }),
      rec(LY, m),
    ]),
    events: [ev(LY, "2026-11-03", "falsification", undefined)],
  });

  it("gives the mean points lost and the pooled rate", () => {
    // B1: October 0, November (90 − 80)/20 = 0.5 → 5.00, December 10 → mean 15/3 = 5.00, lost 5.00.
    const b1 = lossesOf(rowOf(quarter, ZZ), DEFAULT_RULES).indicators.find((l) => l.indicator === "B1");
    expect(b1).toMatchObject({ numerator: 26, denominator: 30, score: 5, lost: 5, fullAt: 1 });
  });

  it("names the 不合格 month that counted 0", () => {
    expect(lossesOf(rowOf(quarter, LY), DEFAULT_RULES).disqualifiedMonths).toEqual(["2026-11"]);
  });
});
