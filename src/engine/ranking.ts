// Ranking (spec §5): total high to low; equal totals to the cent ordered by the exact 人工接通率;
// still equal → shared rank and the next rank skips (1, 2, 2, 4).

import { Ratio, compareRatios, formatCents, roundHalfUpCents } from "./exact";

export interface Contender {
  readonly key: string;
  readonly name: string;
  readonly totalCents: number;
  /** null when the unit had no queued calls: it comes after those with a rate. */
  readonly connectRate: Ratio | null;
}

export type TieBreak = "none" | "resolved" | "shared";

export interface Placement<C extends Contender = Contender> {
  readonly contender: C;
  readonly rank: number;
  readonly tieBreak: TieBreak;
  /**
   * The keys of the row's tie group in published order, its own included: the units with the same
   * total (for "resolved") or the same total and rate (for "shared"); empty for "none". One array is
   * shared by every member of a group, so that a group of g units costs g entries, not g²; tiedWith()
   * gives the others.
   */
  readonly tieGroup: readonly string[];
  readonly note: string;
}

const NO_GROUP: readonly string[] = Object.freeze([]);

/** The other members of a tie group: whom the row was tied with. */
export function tiedWith(tieGroup: readonly string[], key: string): string[] {
  return tieGroup.filter((k) => k !== key);
}

function compareRates(a: Ratio | null, b: Ratio | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareRatios(a, b);
}

/** Better first: higher total, then higher rate, then key; 0 only for the same key. */
function compareContenders(a: Contender, b: Contender): number {
  if (a.totalCents !== b.totalCents) return b.totalCents - a.totalCents;
  return compareRates(b.connectRate, a.connectRate) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * The placements in published order. Ties on total and rate share a rank and are listed by unit key,
 * so the order never depends on the input order. Each contender comes back in its placement as it
 * was given, so a caller can carry its own row in it.
 */
export function rank<C extends Contender>(contenders: readonly C[]): Placement<C>[] {
  const sorted = sortContenders(contenders);
  const placements: Placement<C>[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].totalCents === sorted[i].totalCents) j++;
    if (j - i === 1) placements.push({ contender: sorted[i], rank: i + 1, tieBreak: "none", tieGroup: NO_GROUP, note: "" });
    else placeGroup(sorted.slice(i, j), i + 1, placements);
    i = j;
  }
  return placements;
}

/**
 * The contenders in published order. Totals are whole cents, so the order by total is a numeric sort
 * of (total, position) packed into one number, which the engine does natively, many times faster
 * than a comparator; only runs of equal totals then need the comparator. When the packed numbers
 * would not be exact (a huge range of totals), the comparator sorts everything.
 */
function sortContenders<C extends Contender>(contenders: readonly C[]): C[] {
  const n = contenders.length;
  let max = -Infinity;
  let min = Infinity;
  for (const c of contenders) {
    if (!Number.isSafeInteger(c.totalCents)) return [...contenders].sort(compareContenders);
    if (c.totalCents > max) max = c.totalCents;
    if (c.totalCents < min) min = c.totalCents;
  }
  if (n < 2 || (max - min + 1) * n > Number.MAX_SAFE_INTEGER) return [...contenders].sort(compareContenders);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (max - contenders[i].totalCents) * n + i;
  packed.sort();
  const sorted = new Array<C>(n);
  for (let i = 0; i < n; i++) sorted[i] = contenders[packed[i] % n];
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sorted[j].totalCents === sorted[i].totalCents) j++;
    if (j - i > 1) {
      const run = sorted.slice(i, j).sort(compareContenders);
      for (let q = 0; q < run.length; q++) sorted[i + q] = run[q];
    }
    i = j;
  }
  return sorted;
}

/**
 * A tie note names at most this many other units. Beyond that a list of names says nothing a reader
 * can use (and a group of g units would have notes of total length O(g²)): the note gives their
 * number instead and, for a tie decided by rate, the units just above and below. The row's tieGroup
 * still lists them all.
 */
export const NAMED_IN_NOTE_MAX = 10;

/**
 * The placements of a group of equal totals, sorted by rate, whose first member is at rank `first`.
 * Notes are joined from their parts rather than concatenated: a note lives as long as the result,
 * and one flat string costs the garbage collector less than a chain of concatenations (V8 keeps
 * each + as a pair of references until the text is read).
 */
function placeGroup<C extends Contender>(group: readonly C[], first: number, placements: Placement<C>[]): void {
  const g = group.length;
  const texts = groupPercents(group);
  const keys = group.map((c) => c.key);
  const sameTotal = `同为 ${formatCents(group[0].totalCents)} 分，`;
  let k = 0;
  while (k < g) {
    let m = k + 1;
    while (m < g && compareRates(group[m].connectRate, group[k].connectRate) === 0) m++;
    const rankNumber = first + k;
    if (m - k > 1) {
      const runKeys = keys.slice(k, m);
      const rate = group[k].connectRate === null ? "均无人工接通率" : `人工接通率同为 ${distinctPercent(group[k].connectRate, [])}`;
      for (let q = k; q < m; q++) {
        const others = m - k - 1 <= NAMED_IN_NOTE_MAX ? `与 ${namesExcept(group, k, m, q)} ` : `与另外 ${m - k - 1} 个单位`;
        placements.push({
          contender: group[q],
          rank: rankNumber,
          tieBreak: "shared",
          tieGroup: runKeys,
          note: ["并列第 ", rankNumber, " 名：", others, sameTotal, rate].join(""),
        });
      }
    } else {
      placements.push({
        contender: group[k],
        rank: rankNumber,
        tieBreak: "resolved",
        tieGroup: keys,
        note: resolvedNote(group, texts, k, sameTotal),
      });
    }
    k = m;
  }
}

/** The names of group[from…to) but q, joined with 、. */
function namesExcept(group: readonly Contender[], from: number, to: number, q: number): string {
  const names: string[] = [];
  for (let p = from; p < to; p++) if (p !== q) names.push(group[p].name);
  return names.join("、");
}

/**
 * The note of member k, whose rate is its own in the group: a pair compares the two rates; a group of
 * up to NAMED_IN_NOTE_MAX others lists them with their rates, those above ("<") before those below
 * (">"); a larger one gives k's place among them and its neighbours.
 */
function resolvedNote(group: readonly Contender[], texts: readonly string[], k: number, sameTotal: string): string {
  const g = group.length;
  if (g === 2) return ["与 ", group[1 - k].name, " ", sameTotal, "人工接通率 ", texts[k], k === 0 ? " > " : " < ", texts[1 - k]].join("");
  const named = g - 1 <= NAMED_IN_NOTE_MAX;
  const parts = named
    ? ["与 ", namesExcept(group, 0, g, k), " ", sameTotal, "人工接通率 ", texts[k], "（"]
    : ["与另外 ", g - 1, " 个单位", sameTotal, "人工接通率 ", texts[k], "，居其中第 ", k + 1, "（"];
  // The others, or only the units just above and below.
  const from = named ? 0 : Math.max(0, k - 1);
  const to = named ? g : Math.min(g, k + 2);
  let separator = "";
  for (let p = from; p < to; p++) {
    if (p === k) continue;
    parts.push(separator, p < k ? "< " : "> ", group[p].name, " ", texts[p]);
    separator = "，";
  }
  parts.push("）");
  return parts.join("");
}

/**
 * distinctPercent(rate, all rates of the group) for every member of a group sorted by rate (high to
 * low, no rate last). Rounding is monotone, so a rate's text at some precision can only coincide with
 * another rate's if it coincides with its nearest different rate above or below: two neighbours to
 * check instead of the whole group.
 */
function groupPercents(group: readonly Contender[]): string[] {
  const distinct: Ratio[] = [];
  const index: number[] = [];
  for (const c of group) {
    const r = c.connectRate;
    if (r === null) {
      index.push(-1);
      continue;
    }
    if (!distinct.length || compareRatios(distinct[distinct.length - 1], r) !== 0) distinct.push(r);
    index.push(distinct.length - 1);
  }
  // distinctPercent(r, [previous, next]): two decimals, unless a neighbour shows the same text.
  const two = distinct.map((r) => percentAt(r, 2));
  const last = distinct.length - 1;
  const texts = two.map((text, d) =>
    (d > 0 && two[d - 1] === text) || (d < last && two[d + 1] === text) ? finerPercent(distinct, d) : text,
  );
  return index.map((d) => (d < 0 ? "无" : texts[d]));
}

/** distinct[d] with the fewest decimals beyond two that tell it apart from its neighbours. */
function finerPercent(distinct: readonly Ratio[], d: number): string {
  for (let places = 3; places <= 8; places++) {
    const text = percentAt(distinct[d], places);
    if (
      (d === 0 || percentAt(distinct[d - 1], places) !== text) &&
      (d === distinct.length - 1 || percentAt(distinct[d + 1], places) !== text)
    )
      return text;
  }
  return percentAt(distinct[d], 8);
}

/** A rate as a percentage with the fewest decimals (≥ 2) that tell it apart from the others shown. */
export function distinctPercent(rate: Ratio | null, others: readonly (Ratio | null)[]): string {
  if (rate === null) return "无";
  for (let places = 2; places <= 8; places++) {
    const text = percentAt(rate, places);
    if (others.every((o) => o === null || compareRatios(o, rate) === 0 || percentAt(o, places) !== text)) return text;
  }
  return percentAt(rate, 8);
}

function percentAt(r: Ratio, places: number): string {
  // round(r × 100 × 10^places) half-up: the percentage with `places` decimals, as a whole number.
  const units = r.num >= 0 && r.den > 0 ? (halfUpSafe(r.num * 10 ** places, r.den) ?? halfUpBig(r, places)) : halfUpBig(r, places);
  if (places === 2 && units >= 0 && units <= 10_000) return (TWO_PLACES[units] ??= percentText(units, 2));
  return percentText(units, places);
}

/** Two-decimal texts of 0.00%–100.00%, each made once: a ranking shows one or more per tied unit. */
const TWO_PLACES: string[] = [];

function percentText(units: number, places: number): string {
  const s = String(units).padStart(places + 1, "0");
  return `${s.slice(0, -places)}.${s.slice(-places)}%`;
}

function halfUpBig(r: Ratio, places: number): number {
  return roundHalfUpCents(BigInt(r.num) * 10n ** BigInt(places), BigInt(r.den));
}

/**
 * roundHalfUpCents(num, den) for whole num ≥ 0 and den > 0 in doubles, or undefined when an
 * intermediate value could leave the safe-integer range (then the BigInt version decides).
 */
function halfUpSafe(num: number, den: number): number | undefined {
  // floor((200 num + den) / (2 den)), every term a safe integer and so exact.
  const a = num * 200 + den;
  const b = 2 * den;
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(a + b)) return undefined;
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return q;
}
