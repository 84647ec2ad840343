import { MeasureId } from "./catalogue";
import { IndicatorRule, DEFAULT_RULES, RuleSet, ruleFor } from "./rules";
import { median, scoreIndicator, scoreMonth } from "./scoring";

/** A unit-month that earns full points everywhere under the default rules. */
const PERFECT: Record<MeasureId, number> = {
  ordersTotal: 1000,
  manualQueued: 1000,
  manualAnswered: 1000,
  infoOrders: 900,
  infoInstant: 900,
  avgWaitSeconds: 12,
  transferDue: 50,
  transferOnTime: 50,
  crossCityDue: 10,
  crossCityOnTime: 10,
  instantRated: 200,
  instantSatisfied: 200,
  transferClosed: 50,
  revisited: 25,
  revisitRated: 20,
  revisitSatisfied: 20,
  reportsRequired: 4,
  reportsOnTime: 4,
  reportsLate: 0,
  inspectionMinor: 0,
  inspectionMajor: 0,
};

const v = (over: Partial<Record<MeasureId, number>>) => ({ ...PERFECT, ...over });
const rule = (id: Parameters<typeof ruleFor>[1]) => ruleFor(DEFAULT_RULES, id);
const points = (r: IndicatorRule, over: Partial<Record<MeasureId, number>>, med: Parameters<typeof scoreIndicator>[2] = null) => {
  const c = scoreIndicator(r, v(over), med).cents;
  return c === null ? null : c / 100;
};

describe("ramp (A2 人工接通率: ramp(95%, 75%), 10 points)", () => {
  const A2 = rule("A2");

  it("gives full points at the full line and above it", () => {
    expect(points(A2, { manualAnswered: 95, manualQueued: 100 })).toBe(10);
    expect(points(A2, { manualAnswered: 100, manualQueued: 100 })).toBe(10);
  });

  it("gives zero at the zero line and below it", () => {
    expect(points(A2, { manualAnswered: 75, manualQueued: 100 })).toBe(0);
    expect(points(A2, { manualAnswered: 10, manualQueued: 100 })).toBe(0);
    expect(points(A2, { manualAnswered: 0, manualQueued: 100 })).toBe(0);
  });

  it("is linear in between", () => {
    // 85%: 10 × (0.85 − 0.75) / 0.20 = 5.00
    expect(points(A2, { manualAnswered: 85, manualQueued: 100 })).toBe(5);
    // 9/10: 10 × 0.15 / 0.2 = 7.50
    expect(points(A2, { manualAnswered: 9, manualQueued: 10 })).toBe(7.5);
    // 94.99%: 10 × 0.1999/0.2 = 9.995 → 10.00 (half-up, still below the line)
    expect(points(A2, { manualAnswered: 9499, manualQueued: 10000 })).toBe(10);
  });

  it("rounds an exact half cent up, where float arithmetic would round it down", () => {
    // 75.25%: 10 × 0.0025 / 0.2 = 0.125 → 0.13 (in doubles 50 × (0.7525 − 0.75) = 0.12499…)
    expect(points(A2, { manualAnswered: 7525, manualQueued: 10000 })).toBe(0.13);
    // 75.24%: 10 × 0.0024 / 0.2 = 0.12
    expect(points(A2, { manualAnswered: 7524, manualQueued: 10000 })).toBe(0.12);
  });

  it("reports the rate as the exact fraction", () => {
    expect(scoreIndicator(A2, v({ manualAnswered: 9731, manualQueued: 10000 })).rate).toEqual({ num: 9731, den: 10000 });
  });
});

describe("ramp on other indicators", () => {
  it("scores A3 ramp(98%, 88%) out of 6", () => {
    // 18515/20000 = 92.575%: 6 × (0.92575 − 0.88) / 0.10 = 2.745 → 2.75
    expect(points(rule("A3"), { infoInstant: 18515, infoOrders: 20000 })).toBe(2.75);
    // 93%: 6 × 0.05 / 0.10 = 3.00
    expect(points(rule("A3"), { infoInstant: 93, infoOrders: 100 })).toBe(3);
  });

  it("scores B1 ramp(100%, 80%) out of 10", () => {
    // 8123/10000: 10 × 0.0123 / 0.2 = 0.615 → 0.62
    expect(points(rule("B1"), { transferOnTime: 8123, transferDue: 10000 })).toBe(0.62);
    // 9/10: 10 × 0.1 / 0.2 = 5.00
    expect(points(rule("B1"), { transferOnTime: 9, transferDue: 10 })).toBe(5);
  });

  it("scores B3 ramp(98%, 80%) out of 5", () => {
    // 89%: 5 × 0.09 / 0.18 = 2.50
    expect(points(rule("B3"), { instantSatisfied: 89, instantRated: 100 })).toBe(2.5);
    // 90%: 5 × 0.10 / 0.18 = 2.7777… → 2.78
    expect(points(rule("B3"), { instantSatisfied: 9, instantRated: 10 })).toBe(2.78);
  });

  it("scores B5 ramp(98%, 78%) out of 9", () => {
    // 88%: 9 × 0.10 / 0.20 = 4.50
    expect(points(rule("B5"), { revisitSatisfied: 88, revisitRated: 100 })).toBe(4.5);
  });

  it("scores B2 ramp(100%, 80%) out of 4", () => {
    // 19/20 = 95%: 4 × 0.15 / 0.2 = 3.00
    expect(points(rule("B2"), { crossCityOnTime: 19, crossCityDue: 20 })).toBe(3);
  });
});

describe("ratio to target (B4 抽查回访率: 6 × min(1, rate ÷ 50%))", () => {
  const B4 = rule("B4");

  it("gives full points at the target and caps above it", () => {
    expect(points(B4, { revisited: 25, transferClosed: 50 })).toBe(6);
    expect(points(B4, { revisited: 50, transferClosed: 50 })).toBe(6);
  });

  it("scales linearly below the target", () => {
    // 25%: 6 × 0.25 / 0.5 = 3.00; 44%: 6 × 0.44 / 0.5 = 5.28; 1/3: 6 × (1/3)/0.5 = 4.00
    expect(points(B4, { revisited: 25, transferClosed: 100 })).toBe(3);
    expect(points(B4, { revisited: 44, transferClosed: 100 })).toBe(5.28);
    expect(points(B4, { revisited: 1, transferClosed: 3 })).toBe(4);
    expect(points(B4, { revisited: 0, transferClosed: 3 })).toBe(0);
  });

  it("rounds an exact half cent up", () => {
    // 99/800 = 12.375%: 6 × 0.12375 / 0.5 = 1.485 → 1.49
    expect(points(B4, { revisited: 99, transferClosed: 800 })).toBe(1.49);
  });
});

describe("class median (A1 工单数量: 3 × min(1, orders ÷ class median))", () => {
  const A1 = rule("A1");

  it("takes the middle value of an odd count and the mean of the middle two of an even count", () => {
    expect(median([300, 100, 200])).toEqual({ num: 200, den: 1 });
    // [100, 200, 300, 400]: (200 + 300) / 2 = 250 = 500/2
    expect(median([400, 100, 300, 200])).toEqual({ num: 500, den: 2 });
    expect(median([])).toBeNull();
  });

  it("scores against an odd-count median", () => {
    // median 200: 100 → 3 × 0.5 = 1.50; 1 → 3 × 1/200 = 0.015 → 0.02 (half-up)
    expect(points(A1, { ordersTotal: 100 }, { num: 200, den: 1 })).toBe(1.5);
    expect(points(A1, { ordersTotal: 1 }, { num: 200, den: 1 })).toBe(0.02);
  });

  it("scores against an even-count median", () => {
    // median (200 + 300)/2 = 250: 100 → 3 × 100/250 = 1.20; 200 → 2.40
    expect(points(A1, { ordersTotal: 100 }, { num: 500, den: 2 })).toBe(1.2);
    expect(points(A1, { ordersTotal: 200 }, { num: 500, den: 2 })).toBe(2.4);
  });

  it("caps a unit above the median at full points", () => {
    expect(points(A1, { ordersTotal: 300 }, { num: 500, den: 2 })).toBe(3);
    expect(points(A1, { ordersTotal: 250 }, { num: 500, den: 2 })).toBe(3);
  });

  it("gives full points when the class median is 0", () => {
    expect(points(A1, { ordersTotal: 0 }, { num: 0, den: 1 })).toBe(3);
    expect(points(A1, { ordersTotal: 5 }, { num: 0, den: 1 })).toBe(3);
  });
});

describe("wait steps (A4 平均等待时长: full at ≤ 15 s, −0.2 per started second above)", () => {
  const A4 = rule("A4");
  it.each([
    [0, 6],
    [15, 6], // not above 15
    [15.1, 5.8], // 0.1 s above: one started second → 6 − 0.2
    [16, 5.8], // exactly 1 s above: one second
    [16.01, 5.6], // 1.01 s above: two started seconds → 6 − 0.4
    [20, 5], // 5 s above → 6 − 1.0
    [30, 3], // 15 s → 6 − 3.0
    [44.5, 0], // 29.5 → 30 started seconds → 6 − 6.0 = 0
    [45, 0], // 30 s → 0
    [120, 0], // 105 s → 6 − 21 → floor 0
  ])("gives %p s → %p points", (wait, expected) => {
    expect(points(A4, { avgWaitSeconds: wait })).toBe(expected);
  });
});

describe("report ratio (C1 信息报送: 4 × min(1, (on time + 0.5 × late) ÷ required))", () => {
  const C1 = rule("C1");

  it("gives full points when nothing was required", () => {
    const s = scoreIndicator(C1, v({ reportsRequired: 0, reportsOnTime: 0, reportsLate: 0 }));
    expect(s.cents).toBe(400);
    expect(s.zeroDenominator).toBe(true);
  });

  it("counts a late report as half", () => {
    // (3 + 0.5 × 1) / 4 = 0.875 → 4 × 0.875 = 3.50
    expect(points(C1, { reportsRequired: 4, reportsOnTime: 3, reportsLate: 1 })).toBe(3.5);
    // (0 + 0.5 × 4) / 4 = 0.5 → 2.00
    expect(points(C1, { reportsRequired: 4, reportsOnTime: 0, reportsLate: 4 })).toBe(2);
    // (1 + 0.5 × 1) / 3 = 0.5 → 2.00; (2 + 0) / 3 → 4 × 2/3 = 2.666… → 2.67
    expect(points(C1, { reportsRequired: 3, reportsOnTime: 1, reportsLate: 1 })).toBe(2);
    expect(points(C1, { reportsRequired: 3, reportsOnTime: 2, reportsLate: 0 })).toBe(2.67);
  });

  it("gives zero when nothing required was sent", () => {
    expect(points(C1, { reportsRequired: 5, reportsOnTime: 0, reportsLate: 0 })).toBe(0);
  });
});

describe("deductions (C2 督导检查: 4 − 0.5 × minor − 2 × major, floor 0)", () => {
  const C2 = rule("C2");
  it.each([
    [0, 0, 4],
    [1, 0, 3.5],
    [3, 0, 2.5],
    [0, 1, 2],
    [1, 1, 1.5],
    [2, 1, 1],
    [0, 2, 0],
    [3, 2, 0], // 4 − 1.5 − 4 = −1.5 → 0
    [20, 0, 0],
  ])("minor %p, major %p → %p points", (minor, major, expected) => {
    expect(points(C2, { inspectionMinor: minor, inspectionMajor: major })).toBe(expected);
  });
});

describe("scoreMonth", () => {
  it("adds up to the base of 67 for a perfect month", () => {
    const m = scoreMonth(DEFAULT_RULES, PERFECT, { num: 1000, den: 1 });
    expect(m.baseCents).toBe(6700);
  });

  it("sums the indicator scores for an imperfect month", () => {
    // A1 500/1000 → 1.50; A2 85% → 5.00; A4 20 s → 5.00; C2 one minor → 3.50; others full.
    // 67 − (3 − 1.5) − (10 − 5) − (6 − 5) − (4 − 3.5) = 67 − 1.5 − 5 − 1 − 0.5 = 59.00
    const m = scoreMonth(DEFAULT_RULES, v({ ordersTotal: 500, manualAnswered: 850, avgWaitSeconds: 20, inspectionMinor: 1 }), {
      num: 1000,
      den: 1,
    });
    expect(m.baseCents).toBe(5900);
    expect(m.scores.A1.cents).toBe(150);
    expect(m.scores.A2.cents).toBe(500);
  });

  describe("zero denominator", () => {
    const withPolicy = (policy: IndicatorRule["zeroDenominator"]): RuleSet => ({
      ...DEFAULT_RULES,
      indicators: DEFAULT_RULES.indicators.map((r) => (r.id === "B2" ? { ...r, zeroDenominator: policy } : r)),
    });
    // No cross-city orders; A2 at 85% (5 of 10 points): everything else full.
    const month = v({ crossCityDue: 0, crossCityOnTime: 0, manualAnswered: 850 });

    it("gives full points by default, with the rate left empty", () => {
      const m = scoreMonth(DEFAULT_RULES, month, { num: 1000, den: 1 });
      expect(m.scores.B2).toEqual({ cents: 400, rate: null, zeroDenominator: true });
      // 67 − 5 = 62.00
      expect(m.baseCents).toBe(6200);
    });

    it("gives zero under the zero policy", () => {
      const m = scoreMonth(withPolicy("zero"), month, { num: 1000, den: 1 });
      expect(m.scores.B2.cents).toBe(0);
      // 67 − 5 − 4 = 58.00
      expect(m.baseCents).toBe(5800);
    });

    it("leaves the indicator out and rescales the base to 67 under the prorate policy", () => {
      const m = scoreMonth(withPolicy("prorate"), month, { num: 1000, den: 1 });
      expect(m.scores.B2.cents).toBeNull();
      // applicable points 67 − 4 = 63, earned 63 − 5 = 58 → 58 × 67 / 63 = 3886/63 = 61.6825… → 61.68
      expect(m.baseCents).toBe(6168);
    });

    it("rescales to exactly 67 when every applicable indicator is full", () => {
      const m = scoreMonth(withPolicy("prorate"), v({ crossCityDue: 0, crossCityOnTime: 0 }), { num: 1000, den: 1 });
      // 63 × 67 / 63 = 67.00
      expect(m.baseCents).toBe(6700);
    });
  });
});
