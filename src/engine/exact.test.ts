import { compareRatios, decimalOf, fromCents, ratio, roundHalfUpCents } from "./exact";

/** round(value, 2) half-up on the decimal the value denotes, as a score is rounded: decimalOf, then to cents. */
function roundHalfUp2(value: number): number {
  const d = decimalOf(value);
  return fromCents(roundHalfUpCents(d.num, d.den));
}

describe("a decimal rounded half-up to cents", () => {
  // Each value below is exactly halfway in decimal; a binary double lies a little below it,
  // so naive Math.round(x * 100) / 100 gives the lower neighbour for several of them.
  it.each([
    [14.825, 14.83],
    [1.005, 1.01],
    [2.675, 2.68],
    [8.775, 8.78],
    [0.125, 0.13],
    [1.115, 1.12],
    [10.235, 10.24],
    [63.495, 63.5],
  ])("rounds %p half-up to %p", (value, expected) => {
    expect(roundHalfUp2(value)).toBe(expected);
  });

  it("leaves values with two decimals or fewer unchanged", () => {
    expect(roundHalfUp2(63.5)).toBe(63.5);
    expect(roundHalfUp2(67)).toBe(67);
    expect(roundHalfUp2(0.01)).toBe(0.01);
    expect(roundHalfUp2(0)).toBe(0);
  });

  it("rounds below the half down and above it up", () => {
    expect(roundHalfUp2(14.8249)).toBe(14.82);
    expect(roundHalfUp2(14.8251)).toBe(14.83);
  });

  it("rounds negative halves away from zero", () => {
    // −2.675 → −2.68 (half away from zero, the mirror of half-up)
    expect(roundHalfUp2(-2.675)).toBe(-2.68);
  });

  it("handles numbers that print in exponent form", () => {
    // 1e-7 = 0.0000001 → 0.00; 1.5e-2 = 0.015 → 0.02
    expect(roundHalfUp2(1e-7)).toBe(0);
    expect(roundHalfUp2(1.5e-2)).toBe(0.02);
  });
});

describe("roundHalfUpCents", () => {
  it("rounds an exact fraction to whole cents half-up", () => {
    // 1/8 = 0.125 → 13 cents; 1/3 = 0.333… → 33 cents; 2/3 = 0.666… → 67 cents
    expect(roundHalfUpCents(1n, 8n)).toBe(13);
    expect(roundHalfUpCents(1n, 3n)).toBe(33);
    expect(roundHalfUpCents(2n, 3n)).toBe(67);
    // 5929/400 = 14.8225 → 1482 cents; 593/40 = 14.825 → 1483 cents
    expect(roundHalfUpCents(5929n, 400n)).toBe(1482);
    expect(roundHalfUpCents(593n, 40n)).toBe(1483);
  });

  it("accepts a negative denominator", () => {
    // 1/−8 = −0.125 → −13 cents
    expect(roundHalfUpCents(1n, -8n)).toBe(-13);
  });
});

describe("decimalOf", () => {
  it("reads a number as the decimal a person typed", () => {
    // 0.95 = 95/100, 2.675 = 2675/1000, 15 = 15/1
    expect(decimalOf(0.95)).toEqual({ num: 95n, den: 100n });
    expect(decimalOf(2.675)).toEqual({ num: 2675n, den: 1000n });
    expect(decimalOf(15)).toEqual({ num: 15n, den: 1n });
    expect(decimalOf(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
  });

  it("refuses values that are not finite", () => {
    expect(() => decimalOf(NaN)).toThrow(RangeError);
    expect(() => decimalOf(Infinity)).toThrow(RangeError);
  });
});

describe("compareRatios", () => {
  it("compares fractions exactly even when they are close", () => {
    // 97/100 = 0.97; 9700001/10000001 = 0.97 + 0.03/10000001 > 0.97
    // cross-multiplied: 97 × 10000001 = 970000097 < 9700001 × 100 = 970000100
    expect(compareRatios(ratio(97, 100), ratio(9700001, 10000001))).toBe(-1);
    expect(compareRatios(ratio(9700001, 10000001), ratio(97, 100))).toBe(1);
  });

  it("treats equal fractions written differently as equal", () => {
    expect(compareRatios(ratio(1, 2), ratio(50, 100))).toBe(0);
    expect(compareRatios(ratio(0, 5), ratio(0, 7))).toBe(0);
  });

  it("stays exact for counts near 2^53, where float products would collide", () => {
    // (2^53 − 1)/(2^53) vs (2^53 − 2)/(2^53 − 1): a/b > c/d since (2^53−1)² > 2^53 (2^53−2) by 1
    const n = 2 ** 53;
    expect(compareRatios(ratio(n - 1, n), ratio(n - 2, n - 1))).toBe(1);
  });
});
