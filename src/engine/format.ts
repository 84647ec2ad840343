// How numbers are written for people: points with two decimals, percentages rounded half-up.
// Every sheet, note, message, pane and command-line line formats through these.

import { Fraction, Ratio, compareFractions, decimalOf, fraction, roundHalfUp, toCents } from "./exact";

/** Cents with exactly two decimals: 6350 → "63.50". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A total, base or score as quoted in notes and summaries: 63.5 → "63.50"; "—" for none. */
export function formatTotal(total: number | null): string {
  return total === null ? "—" : formatCents(toCents(total));
}

/** 10^0 … 10^12: the scales of a percentage with up to 10 decimals. */
const POWERS_OF_TEN = Array.from({ length: 13 }, (_, i) => 10n ** BigInt(i));

/** A rate as a percentage with `places` decimals (0–10), rounded half-up exactly: 9731/10000 → "97.31%". */
export function formatPercent(rate: Ratio | Fraction, places = 2): string {
  const { num, den } = fraction(rate.num, rate.den);
  const units = roundHalfUp(num * POWERS_OF_TEN[places + 2], den);
  const sign = units < 0n ? "-" : "";
  const digits = String(units < 0n ? -units : units).padStart(places + 1, "0");
  return places === 0 ? `${sign}${digits}%` : `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}%`;
}

/** A number read from a cell (a rate such as 0.9731) as a percentage, through the decimal it shows. */
export function formatPercentOf(value: number): string {
  return Number.isFinite(value) ? formatPercent(decimalOf(value)) : String(value);
}

/** The most decimals a percentage is given to tell two rates apart. */
const MAX_PLACES = 8;

/** A rate as a percentage with the fewest decimals (≥ 2) that tell it apart from the others shown. */
export function distinctPercent(rate: Ratio | Fraction | null, others: readonly (Ratio | Fraction | null)[]): string {
  if (rate === null) return "无";
  const exact = fraction(rate.num, rate.den);
  const differing = others.filter((o) => o !== null && compareFractions(fraction(o.num, o.den), exact) !== 0) as (Ratio | Fraction)[];
  for (let places = 2; places < MAX_PLACES; places++) {
    const text = formatPercent(rate, places);
    if (differing.every((o) => formatPercent(o, places) !== text)) return text;
  }
  return formatPercent(rate, MAX_PLACES);
}
