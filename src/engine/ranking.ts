// Ranking (spec §5): total high to low; equal totals to the cent ordered by the exact 人工接通率;
// still equal → shared rank and the next rank skips (1, 2, 2, 4).

import { TIE_BREAK_INDICATOR, indicatorDef } from "./catalogue";
import { Ratio, compareRatios } from "./exact";
import { distinctPercent, formatCents, formatPercent } from "./format";

export interface Contender {
  readonly key: string;
  readonly name: string;
  readonly totalCents: number;
  /** null when the unit had no queued calls: it comes after those with a rate. */
  readonly connectRate: Ratio | null;
}

export type TieBreak = "none" | "resolved" | "shared";

/** What the notes call the rate that breaks ties: 人工接通率. */
const RATE = indicatorDef(TIE_BREAK_INDICATOR).label;

export interface Placement<C extends Contender = Contender> {
  readonly contender: C;
  readonly rank: number;
  readonly tieBreak: TieBreak;
  /**
   * The keys of the row's tie group in published order, its own included: the units with the same
   * total (for "resolved") or the same total and rate (for "shared"); empty for "none". tiedWith()
   * gives the others.
   */
  readonly tieGroup: readonly string[];
  readonly note: string;
}

/** The other members of a tie group: whom the row was tied with. */
export function tiedWith(tieGroup: readonly string[], key: string): string[] {
  return tieGroup.filter((k) => k !== key);
}

/** Higher rate first; no rate last. */
function compareRates(a: Ratio | null, b: Ratio | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareRatios(b, a);
}

/** Published order: higher total, then higher rate, then key (so the order never depends on the input's). */
function compareContenders(a: Contender, b: Contender): number {
  return b.totalCents - a.totalCents || compareRates(a.connectRate, b.connectRate) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Consecutive runs of items that `same` says belong together. */
function runs<T>(items: readonly T[], same: (a: T, b: T) => boolean): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && same(last[0], item)) last.push(item);
    else out.push([item]);
  }
  return out;
}

/**
 * The placements in published order. Each contender comes back in its placement as it was given, so
 * a caller can carry its own data in it.
 */
export function rank<C extends Contender>(contenders: readonly C[]): Placement<C>[] {
  const sorted = [...contenders].sort(compareContenders);
  const placements: Placement<C>[] = [];
  for (const group of runs(sorted, (a, b) => a.totalCents === b.totalCents)) {
    const first = placements.length + 1;
    if (group.length === 1) placements.push({ contender: group[0], rank: first, tieBreak: "none", tieGroup: [], note: "" });
    else placements.push(...placeGroup(group, first));
  }
  return placements;
}

/**
 * A tie note names at most this many other units. Beyond that a list of names says nothing a reader
 * can use: the note gives their number instead and, for a tie decided by rate, the units just above
 * and below. The row's tieGroup still lists them all.
 */
export const NAMED_IN_NOTE_MAX = 10;

/** The placements of a group of equal totals (sorted by rate) whose first member is at rank `first`. */
function placeGroup<C extends Contender>(group: readonly C[], first: number): Placement<C>[] {
  const keys = group.map((c) => c.key);
  const texts = percentTexts(group.map((c) => c.connectRate));
  const sameTotal = `同为 ${formatCents(group[0].totalCents)} 分，`;
  const placements: Placement<C>[] = [];
  let at = 0;
  for (const tied of runs(group, (a, b) => compareRates(a.connectRate, b.connectRate) === 0)) {
    const rankNumber = first + at;
    if (tied.length === 1) {
      const note = resolvedNote(group, texts, at, sameTotal);
      placements.push({ contender: tied[0], rank: rankNumber, tieBreak: "resolved", tieGroup: keys, note });
    } else {
      const runKeys = tied.map((c) => c.key);
      const rate = tied[0].connectRate === null ? `均无${RATE}` : `${RATE}同为 ${distinctPercent(tied[0].connectRate, [])}`;
      for (const c of tied) {
        const note = ["并列第 ", rankNumber, " 名：", withOthers(tied, c), sameTotal, rate].join("");
        placements.push({ contender: c, rank: rankNumber, tieBreak: "shared", tieGroup: runKeys, note });
      }
    }
    at += tied.length;
  }
  return placements;
}

// Notes are joined from parts: a result keeps every note, and a joined string is one flat piece where
// a template literal would keep its parts and the links between them.

/**
 * The note of member k, alone at its rate in the group: a pair compares the two rates; a group of up
 * to NAMED_IN_NOTE_MAX others lists them with their rates, those above ("<") before those below
 * (">"); a larger one gives k's place among them and its neighbours.
 */
function resolvedNote(group: readonly Contender[], texts: readonly string[], k: number, sameTotal: string): string {
  if (group.length === 2) {
    return ["与 ", group[1 - k].name, " ", sameTotal, RATE, " ", texts[k], k === 0 ? " > " : " < ", texts[1 - k]].join("");
  }
  const compared = (p: number) => [p < k ? "< " : "> ", group[p].name, " ", texts[p]].join("");
  const head = [withOthers(group, group[k]), sameTotal, RATE, " ", texts[k]];
  if (group.length - 1 > NAMED_IN_NOTE_MAX) {
    const neighbours = [k - 1, k + 1].filter((p) => p >= 0 && p < group.length);
    return [...head, "，居其中第 ", k + 1, "（", neighbours.map(compared).join("，"), "）"].join("");
  }
  const others = group.map((_, p) => p).filter((p) => p !== k);
  return [...head, "（", others.map(compared).join("，"), "）"].join("");
}

/** "与 乙、丙 ", naming the others of a tie, or "与另外 12 个单位" when there are too many to name. */
function withOthers(tied: readonly Contender[], own: Contender): string {
  if (tied.length - 1 > NAMED_IN_NOTE_MAX) return `与另外 ${tied.length - 1} 个单位`;
  const names = tied.filter((o) => o !== own).map((o) => o.name);
  return `与 ${names.join("、")} `;
}

/**
 * Each rate of a group sorted by rate, as distinctPercent(rate, all the group's rates): two decimals
 * unless a neighbour shows the same. Rounding is monotone, so a rate's text can only coincide with
 * another's if it coincides with the nearest different rate above or below it.
 */
function percentTexts(rates: readonly (Ratio | null)[]): string[] {
  const isNew = (i: number) => i === 0 || compareRates(rates[i - 1], rates[i]) !== 0;
  const distinct = rates.filter((_, i) => isNew(i));
  const twoPlaces = distinct.map((rate) => (rate === null ? "无" : formatPercent(rate)));
  const texts = distinct.map((rate, d) =>
    twoPlaces[d] !== twoPlaces[d - 1] && twoPlaces[d] !== twoPlaces[d + 1]
      ? twoPlaces[d]
      : distinctPercent(rate, [distinct[d - 1] ?? null, distinct[d + 1] ?? null]),
  );
  let d = -1;
  return rates.map((_, i) => texts[isNew(i) ? ++d : d]);
}
