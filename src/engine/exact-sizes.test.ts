// The exact arithmetic holds at every size: comparisons and scores agree with BigInt computed
// straight from the definitions, for small counts and for counts near 2^53 and beyond.

import fc from "fast-check";
import { compareRatios, roundHalfUpCents } from "./exact";
import { DEFAULT_RULES, ruleFor } from "./rules";
import { scoreIndicator } from "./scoring";
import { MeasureId } from "./catalogue";

const whole = (max: number) => fc.integer({ min: 0, max });

describe("exact comparison", () => {
  it("compareRatios orders fractions as BigInt cross-multiplication does, also where the quotients round to one double", () => {
    const sign = (x: bigint) => (x < 0n ? -1 : x > 0n ? 1 : 0);
    const fraction = fc.record({
      num: fc.oneof(whole(100_000), fc.maxSafeNat()),
      den: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
    });
    // Pairs a step apart near 2^53, whose quotients are equal or adjacent doubles.
    const close = fc.integer({ min: 2, max: 1000 }).map(
      (k) =>
        [
          { num: 2 ** 53 - k, den: 2 ** 53 - k + 1 },
          { num: 2 ** 53 - k - 1, den: 2 ** 53 - k },
        ] as const,
    );
    fc.assert(
      fc.property(fc.oneof(fc.tuple(fraction, fraction), close), ([a, b]) => {
        expect(compareRatios(a, b)).toBe(sign(BigInt(a.num) * BigInt(b.den) - BigInt(b.num) * BigInt(a.den)));
      }),
      { numRuns: 3000 },
    );
  });

  it("rounds the spec's half-cent edges up: 8.775 → 8.78 as 9 × 0.975 points", () => {
    // B5 ramp(98%, 78%) out of 9 at 97.5%: 9 × (0.975 − 0.78) / 0.20 = 8.775 → 878 cents
    const values = { revisitSatisfied: 975, revisitRated: 1000 } as Record<MeasureId, number>;
    expect(scoreIndicator(ruleFor(DEFAULT_RULES, "B5"), values).cents).toBe(878);
  });
});

describe("ramp scores of counts of every size", () => {
  // The ramp in BigInt, straight from spec §4: points × (n/d − zero) / (full − zero), 0.95 and 0.75 for A2.
  const reference = (n: number, d: number): number => {
    if (BigInt(n) * 100n >= 95n * BigInt(d)) return 1000;
    if (BigInt(n) * 100n <= 75n * BigInt(d)) return 0;
    return roundHalfUpCents(1000n * (BigInt(n) * 100n - 75n * BigInt(d)), 20n * BigInt(d) * 100n);
  };
  const values = (n: number, d: number) => ({ manualAnswered: n, manualQueued: d }) as unknown as Record<MeasureId, number>;

  it("agree with the BigInt ramp for counts of every size", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1e15 })),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (d, share) => {
          const n = Math.min(d, Math.floor(d * share));
          expect(scoreIndicator(ruleFor(DEFAULT_RULES, "A2"), values(n, d)).cents).toBe(reference(n, d));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("waiting time with and without decimals", () => {
  const a4 = (wait: number) => scoreIndicator(ruleFor(DEFAULT_RULES, "A4"), { avgWaitSeconds: wait } as Record<MeasureId, number>).cents;

  it("counts every started second above 15 s exactly, with decimals and without", () => {
    // 15 → 600; 15.000001 → one started second → 580; 16 → 580; 16.000001 → 560; 44.5 → 30 started → 0
    expect([a4(15), a4(15.000001), a4(16), a4(16.000001), a4(44.5), a4(1e-7 + 15)]).toEqual([600, 580, 580, 560, 0, 580]);
  });
});
