import { ratio } from "./exact";
import { distinctPercent, formatCents, formatPercent, formatPercentOf, formatTotal } from "./format";

describe("formatting", () => {
  it("writes cents with exactly two decimals", () => {
    expect(formatCents(6350)).toBe("63.50");
    expect(formatCents(5)).toBe("0.05");
    expect(formatCents(-305)).toBe("-3.05");
  });

  it("writes a ratio as a percentage rounded half-up", () => {
    // 9731/10000 = 97.31%; 1/8 = 12.5% → 12.50%; 19/24 = 79.1666…% → 79.17%
    expect(formatPercent(ratio(9731, 10000))).toBe("97.31%");
    expect(formatPercent(ratio(1, 8))).toBe("12.50%");
    expect(formatPercent(ratio(19, 24))).toBe("79.17%");
    // 2675/100000 = 2.675% → 2.68%
    expect(formatPercent(ratio(2675, 100000))).toBe("2.68%");
  });
});

describe("one way of writing totals and percentages", () => {
  it("writes a total with two decimals, and a dash for none", () => {
    // 63.5 → "63.50"; 0.1 + 0.2 = 0.30000000000000004 is 30 cents → "0.30"; −3.05 → "-3.05"
    expect([formatTotal(63.5), formatTotal(0.1 + 0.2), formatTotal(-3.05), formatTotal(null)]).toEqual(["63.50", "0.30", "-3.05", "—"]);
  });

  it("rounds a percentage half-up to any number of decimals, never truncating", () => {
    // 399/800 = 49.875% → 49.9% (1 place), 49.88% (2), 50% (0)
    expect(formatPercent(ratio(399, 800), 1)).toBe("49.9%");
    expect(formatPercent(ratio(399, 800))).toBe("49.88%");
    expect(formatPercent(ratio(399, 800), 0)).toBe("50%");
    // 0.95555 as a rule parameter: 95.555% → 95.56% (a truncation would give 95.55%)
    expect(formatPercent({ num: 95555n, den: 100000n })).toBe("95.56%");
  });

  it("writes a rate read from a cell through the decimal the cell shows", () => {
    // 0.97305 → 97.305% → 97.31%; 1/3 → 33.33%
    expect(formatPercentOf(0.97305)).toBe("97.31%");
    expect(formatPercentOf(1 / 3)).toBe("33.33%");
    expect(formatPercentOf(NaN)).toBe("NaN");
  });

  it("gives a rate the fewest decimals that tell it apart from others", () => {
    // 97.311% and 97.309% both round to 97.31%: three decimals tell them apart
    expect(distinctPercent(ratio(97311, 100000), [ratio(97309, 100000)])).toBe("97.311%");
    expect(distinctPercent(ratio(1, 2), [ratio(50, 100)])).toBe("50.00%");
  });
});
