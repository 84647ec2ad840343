// Exact arithmetic for the method: rates stay fractions of whole counts, and every score is an
// integer number of cents, so 14.825 rounds to 14.83 and never to 14.82 through a float artefact.

/** A non-negative fraction num/den with den > 0, both whole numbers. */
export interface Ratio {
  readonly num: number;
  readonly den: number;
}

export function ratio(num: number, den: number): Ratio {
  return { num, den };
}

/** −1, 0 or 1 as a/b is below, equal to or above c/d; exact for counts up to 2^53. */
export function compareRatios(a: Ratio, b: Ratio): number {
  // Division is correctly rounded and so never reverses an order: different quotients decide, and
  // only equal ones (equal fractions, or ones within a rounding step of each other) need the exact test.
  const x = a.num / a.den;
  const y = b.num / b.den;
  if (x < y) return -1;
  if (x > y) return 1;
  // Whole-number products that stay safe integers are exact in doubles (a product above 2^53 never
  // rounds down into the safe range), so only larger ones need BigInt.
  const l = a.num * b.den;
  const r = b.num * a.den;
  if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l < r ? -1 : l > r ? 1 : 0;
  const left = BigInt(a.num) * BigInt(b.den);
  const right = BigInt(b.num) * BigInt(a.den);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function ratioToNumber(r: Ratio): number {
  return r.num / r.den;
}

/**
 * A decimal written by a person (0.95, 95%, 2.5) as the exact fraction it denotes.
 * Numbers go through their shortest decimal form, which is what the person typed.
 */
export interface Decimal {
  readonly num: bigint;
  readonly den: bigint;
}

export function decimalOf(value: number): Decimal {
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

export function decimalToNumber(d: Decimal): number {
  return Number(d.num) / Number(d.den);
}

/** round(num/den × 100) half away from zero, as a whole number of cents. */
export function roundHalfUpCents(num: bigint, den: bigint): number {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const scaled = (negative ? -num : num) * 200n + den;
  const cents = scaled / (2n * den);
  return Number(negative ? -cents : cents);
}

/** floor(p ÷ q) for whole numbers below 2^53 with q > 0, exact despite the float division. */
export function floorDiv(p: number, q: number): number {
  let r = Math.floor(p / q);
  if (r * q > p) r--;
  else if ((r + 1) * q <= p) r++;
  return r;
}

/**
 * round(a × b ÷ c) half-up for whole numbers a, b ≥ 0 and c > 0: in plain numbers while every
 * product stays below 2^53 (the usual case, and far cheaper), in BigInt beyond. Exact either way.
 */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  const x = a * b;
  if (Number.isSafeInteger(x) && Number.isSafeInteger(2 * x + c) && Number.isSafeInteger(2 * c)) return floorDiv(2 * x + c, 2 * c);
  const big = BigInt(a) * BigInt(b) * 2n + BigInt(c);
  return Number(big / (2n * BigInt(c)));
}

/** Cents to the number with two decimals that a sheet shows. */
export function fromCents(cents: number): number {
  return cents / 100;
}

/** A value known to have at most two decimals, as cents. */
export function toCents(value: number): number {
  return Math.round(value * 100);
}

/** round(value, 2) half-up on the decimal the value denotes. */
export function roundHalfUp2(value: number): number {
  const d = decimalOf(value);
  return fromCents(roundHalfUpCents(d.num, d.den));
}

/** Cents formatted with exactly two decimals, e.g. 6350 → "63.50". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A ratio as a percentage with two decimals, rounded half-up exactly: 9731/10000 → "97.31%". */
export function formatPercent(r: Ratio): string {
  return `${formatCents(roundHalfUpCents(BigInt(r.num) * 100n, BigInt(r.den)))}%`;
}
