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

export interface Placement {
  readonly key: string;
  readonly rank: number;
  readonly tieBreak: TieBreak;
  /** The units with the same total (for "resolved") or the same total and rate (for "shared"). */
  readonly tiedWith: readonly string[];
  readonly note: string;
}

function compareRates(a: Ratio | null, b: Ratio | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareRatios(a, b);
}

/** Better first: higher total, then higher rate; 0 when truly tied. */
function compareContenders(a: Contender, b: Contender): number {
  if (a.totalCents !== b.totalCents) return b.totalCents - a.totalCents;
  return compareRates(b.connectRate, a.connectRate);
}

/**
 * The placements in published order. Ties on total and rate share a rank and are listed by unit key,
 * so the order never depends on the input order.
 *
 * Work per group of g equal totals is O(g log g) plus the notes themselves: each note names every
 * other unit of its group, so notes are joined from shared prefix and suffix strings rather than
 * rebuilt, and each rate's percentage text is worked out once per group (see groupPercents).
 */
export function rank(contenders: readonly Contender[]): Placement[] {
  const sorted = [...contenders].sort((a, b) => compareContenders(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const placements: Placement[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j < sorted.length && sorted[j].totalCents === sorted[i].totalCents) j++;
    if (j - i === 1) {
      placements.push({ key: sorted[i].key, rank: i + 1, tieBreak: "none", tiedWith: [], note: "" });
      i = j;
      continue;
    }
    const group = sorted.slice(i, j);
    const texts = groupPercents(group);
    const keys = group.map((c) => c.key);
    // For a resolved row at position p of the group, the others before it have a higher rate ("<")
    // and those after it a lower one (">"): the group is sorted by rate, and p's rate is its own.
    const names = joinedExcept(group.map((c) => c.name), "、");
    const above = joinedExcept(group.map((c, q) => `< ${c.name} ${texts[q]}`), "，");
    const below = joinedExcept(group.map((c, q) => `> ${c.name} ${texts[q]}`), "，");
    let k = 0;
    while (k < group.length) {
      let m = k;
      while (m < group.length && compareRates(group[m].connectRate, group[k].connectRate) === 0) m++;
      const rankNumber = i + k + 1;
      if (m - k > 1) {
        const run = group.slice(k, m);
        const runNames = joinedExcept(run.map((c) => c.name), "、");
        const runKeys = keys.slice(k, m);
        const rate = group[k].connectRate === null ? "均无人工接通率" : `人工接通率同为 ${distinctPercent(group[k].connectRate, [])}`;
        const tail = ` 同为 ${formatCents(group[k].totalCents)} 分，${rate}`;
        run.forEach((c, q) => {
          placements.push({ key: c.key, rank: rankNumber, tieBreak: "shared", tiedWith: without(runKeys, q), note: `并列第 ${rankNumber} 名：与 ${runNames.except(q)}${tail}` });
        });
      } else {
        const c = group[k];
        const head = `与 ${names.except(k)} 同为 ${formatCents(c.totalCents)} 分，人工接通率`;
        let note: string;
        if (group.length === 2) {
          const other = 1 - k;
          note = `${head} ${texts[k]} ${k < other ? ">" : "<"} ${texts[other]}`;
        } else {
          const before = above.before(k);
          const after = below.after(k);
          const parts = before === undefined ? after : after === undefined ? before : `${before}，${after}`;
          note = `${head} ${texts[k]}（${parts}）`;
        }
        placements.push({ key: c.key, rank: rankNumber, tieBreak: "resolved", tiedWith: without(keys, k), note });
      }
      k = m;
    }
    i = j;
  }
  return placements;
}

function without<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, q) => q !== index);
}

/**
 * Joins of a list leaving one item out, each in O(1) from shared prefix and suffix joins:
 * before(p) joins items 0…p−1, after(p) items p+1…, except(p) both; undefined for none.
 */
function joinedExcept(items: readonly string[], sep: string): { before(p: number): string | undefined; after(p: number): string | undefined; except(p: number): string } {
  const prefix: (string | undefined)[] = [undefined];
  for (let q = 0; q < items.length; q++) prefix.push(q === 0 ? items[0] : `${prefix[q]}${sep}${items[q]}`);
  const suffix: (string | undefined)[] = [];
  suffix[items.length] = undefined;
  for (let q = items.length - 1; q >= 0; q--) suffix[q] = q === items.length - 1 ? items[q] : `${items[q]}${sep}${suffix[q + 1]}`;
  return {
    before: (p) => prefix[p],
    after: (p) => suffix[p + 1],
    // Concatenation keeps the shared prefix and suffix strings shared (join would copy them).
    except: (p) => (prefix[p] === undefined ? suffix[p + 1] ?? "" : suffix[p + 1] === undefined ? prefix[p]! : `${prefix[p]}${sep}${suffix[p + 1]}`),
  };
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
  // distinctPercent(r, [previous, next]), with each rate's text at each precision worked out once.
  const memo = distinct.map(() => [] as string[]);
  const at = (d: number, places: number) => (memo[d][places] ??= percentAt(distinct[d], places));
  const texts = distinct.map((_, d) => {
    for (let places = 2; places <= 8; places++) {
      const text = at(d, places);
      if ((d === 0 || at(d - 1, places) !== text) && (d === distinct.length - 1 || at(d + 1, places) !== text)) return text;
    }
    return at(d, 8);
  });
  return index.map((d) => (d < 0 ? "无" : texts[d]));
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
