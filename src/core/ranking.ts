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
 */
export function rank(contenders: readonly Contender[]): Placement[] {
  const sorted = [...contenders].sort((a, b) => compareContenders(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const placements: Placement[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j < sorted.length && sorted[j].totalCents === sorted[i].totalCents) j++;
    const sameTotal = sorted.slice(i, j);
    let k = i;
    while (k < j) {
      let m = k;
      while (m < j && compareRates(sorted[m].connectRate, sorted[k].connectRate) === 0) m++;
      const sameRate = sorted.slice(k, m);
      for (const c of sameRate) {
        const rankNumber = k + 1;
        if (sameTotal.length === 1) placements.push({ key: c.key, rank: rankNumber, tieBreak: "none", tiedWith: [], note: "" });
        else if (sameRate.length > 1) {
          const others = sameRate.filter((o) => o !== c);
          placements.push({ key: c.key, rank: rankNumber, tieBreak: "shared", tiedWith: others.map((o) => o.key), note: sharedNote(c, others, rankNumber) });
        } else {
          const others = sameTotal.filter((o) => o !== c);
          placements.push({ key: c.key, rank: rankNumber, tieBreak: "resolved", tiedWith: others.map((o) => o.key), note: resolvedNote(c, others) });
        }
      }
      k = m;
    }
    i = j;
  }
  return placements;
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
  const scale = 10n ** BigInt(places);
  // round(r × 100 × 10^places) half-up: the percentage with `places` decimals, as a whole number.
  const units = roundHalfUpCents(BigInt(r.num) * scale, BigInt(r.den));
  const s = String(units).padStart(places + 1, "0");
  return `${s.slice(0, -places)}.${s.slice(-places)}%`;
}

function resolvedNote(c: Contender, others: readonly Contender[]): string {
  const names = others.map((o) => o.name).join("、");
  const all = [c.connectRate, ...others.map((o) => o.connectRate)];
  const mine = distinctPercent(c.connectRate, all);
  const theirs = others.map((o) => {
    const sign = compareRates(c.connectRate, o.connectRate) > 0 ? ">" : "<";
    return { sign, text: distinctPercent(o.connectRate, all), name: o.name };
  });
  const head = `与 ${names} 同为 ${formatCents(c.totalCents)} 分，人工接通率`;
  if (theirs.length === 1) return `${head} ${mine} ${theirs[0].sign} ${theirs[0].text}`;
  return `${head} ${mine}（${theirs.map((t) => `${t.sign} ${t.name} ${t.text}`).join("，")}）`;
}

function sharedNote(c: Contender, others: readonly Contender[], rankNumber: number): string {
  const rate = c.connectRate === null ? "均无人工接通率" : `人工接通率同为 ${distinctPercent(c.connectRate, [])}`;
  return `并列第 ${rankNumber} 名：与 ${others.map((o) => o.name).join("、")} 同为 ${formatCents(c.totalCents)} 分，${rate}`;
}
