// Exact arithmetic for the method: rates stay fractions of whole counts, rule parameters the decimals
// people typed, and every score an integer number of cents, so 14.825 rounds to 14.83 and never to
// 14.82 through a float artefact. All of it in BigInt: one path, exact at any size.

/** A non-negative fraction num/den of whole numbers with den > 0 (counts, so plain numbers). */
export interface Ratio {
  readonly num: number;
  readonly den: number;
}

export function ratio(num: number, den: number): Ratio {
  return { num, den };
}

/** A fraction in BigInt: what the scoring computes with. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** The fraction a ratio (or a whole number) is. */
export function fraction(num: number | bigint, den: number | bigint = 1n): Fraction {
  return { num: BigInt(num), den: BigInt(den) };
}

/** −1, 0 or 1 as a is below, equal to or above b (denominators positive). */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * −1, 0 or 1 as a/b is below, equal to or above c/d, exactly. Division of doubles is correctly
 * rounded, hence monotone: different quotients are in the fractions' order, and only equal ones
 * (equal fractions, or fractions closer than a rounding step) need the cross-multiplication.
 */
export function compareRatios(a: Ratio, b: Ratio): number {
  const x = a.num / a.den;
  const y = b.num / b.den;
  if (x !== y) return x < y ? -1 : 1;
  return compareFractions(fraction(a.num, a.den), fraction(b.num, b.den));
}

export function ratioToNumber(r: Ratio): number {
  return r.num / r.den;
}

/**
 * A decimal written by a person (0.95, 95%, 2.5) as the exact fraction it denotes.
 * Numbers go through their shortest decimal form, which is what the person typed.
 */
export function decimalOf(value: number): Fraction {
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) throw new RangeError(`not a finite decimal: ${text}`);
  const [, sign, int, frac = "", exp = "0"] = m;
  let num = BigInt(int + frac);
  let den = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e > 0) num *= 10n ** BigInt(e);
  else if (e < 0) den *= 10n ** BigInt(-e);
  return { num: sign ? -num : num, den };
}

/** round(num/den) half away from zero. */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const rounded = ((num < 0n ? -num : num) * 2n + den) / (2n * den);
  return num < 0n ? -rounded : rounded;
}

/** round(num/den × 100) half away from zero, as a whole number of cents. */
export function roundHalfUpCents(num: bigint, den: bigint): number {
  return Number(roundHalfUp(num * 100n, den));
}

/** Cents to the number with two decimals that a sheet shows. */
export function fromCents(cents: number): number {
  return cents / 100;
}

/** A value known to have at most two decimals (points, totals), as cents. */
export function toCents(value: number): number {
  return Math.round(value * 100);
}
