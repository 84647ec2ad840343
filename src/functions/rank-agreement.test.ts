// KAOPING.RANK gives the ranking sheet's ranks (spec §5) on any month: random totals with many ties
// and random call counts with many equal fractions, the tie-break given as counts or as rates, the
// totals in a column or in a row, units that take no part mixed in, blanks as every host sends them.
// Two oracles: the engine's rank() over the contenders evaluate() would build, and §5 written out.

import fc from "fast-check";
import { Contender, Ratio } from "../engine";
import { rank as engineRank } from "../engine/ranking";
import { rank } from "./functions";
import { ShimError, installCustomFunctionsShim, outcome } from "../../test/support/custom-functions-shim";

beforeAll(installCustomFunctionsShim);

interface Unit {
  /** Whole cents, or what a cell holds for a unit that takes no part (不合格, 缺报, an error, a blank). */
  readonly total: number | string | null | { readonly error: string };
  readonly answered: number;
  readonly queued: number;
}

const ranked = (u: Unit): u is Unit & { total: number } => typeof u.total === "number";

/** The connection rate as evaluate() takes it: none when nothing queued. */
const rateOf = (u: Unit): Ratio | null => (u.queued > 0 ? { num: u.answered, den: u.queued } : null);

/** Spec §5 written out: 1 + units with a higher total + units with the same total and a better rate (a rate beats none). */
function specRank(units: readonly Unit[], i: number): number {
  const me = units[i] as Unit & { total: number };
  const mine = rateOf(me);
  const better = (r: Ratio | null) => r !== null && (mine === null || r.num * mine.den > mine.num * r.den);
  return 1 + units.filter((u) => ranked(u) && (u.total > me.total || (u.total === me.total && better(rateOf(u))))).length;
}

/** The engine's rank of unit i among the ranked units, as the ranking sheet places them. */
function engineRankOf(units: readonly Unit[], i: number): number {
  const contenders: Contender[] = units.flatMap((u, k) =>
    ranked(u) ? [{ key: String(k).padStart(3, "0"), name: String(k), totalCents: u.total, connectRate: rateOf(u) }] : [],
  );
  return engineRank(contenders).find((p) => p.contender.key === String(i).padStart(3, "0"))!.rank;
}

const unitArb: fc.Arbitrary<Unit> = fc
  .record({
    total: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 5998, max: 6002 }) },
      { weight: 1, arbitrary: fc.constantFrom<Unit["total"]>("不合格", "缺报", "数据待核", "", null, { error: "#N/A" }) },
    ),
    queued: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 8 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 9_999_999 }) },
    ),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ total, queued, share }) => ({ total, queued, answered: Math.floor(queued * share) }));

/** How a count of 0 or a rate without a value arrives: any host's blank, or a written 0. */
const blankArb = fc.constantFrom<unknown>(0, null, "");
/** How a unit without queued calls shows in a rates column: KAOPING.RATE's #DIV/0! in each shape, the sheet's "—", a blank. */
const noRateArb = fc.constantFrom<unknown>(
  { error: "#DIV/0!" },
  new ShimError("#DIV/0!"),
  { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" },
  { type: "Error", errorType: "Div0" },
  "—",
  "",
  null,
);

interface Sheet {
  readonly units: readonly Unit[];
  readonly counts: boolean;
  readonly inRow: boolean;
  readonly textTotals: boolean;
  readonly zeros: readonly unknown[];
  readonly noRates: readonly unknown[];
}

const sheetArb: fc.Arbitrary<Sheet> = fc.record({
  units: fc.array(unitArb, { minLength: 1, maxLength: 30, size: "max" }),
  counts: fc.boolean(),
  inRow: fc.boolean(),
  textTotals: fc.boolean(),
  zeros: fc.array(blankArb, { minLength: 60, maxLength: 60 }),
  noRates: fc.array(noRateArb, { minLength: 30, maxLength: 30 }),
});

/** A count cell: a 0 in one of the ways it may arrive. */
const countCell = (s: Sheet, v: number, k: number) => (v === 0 ? s.zeros[k] : v);

/** The unit's own tie-break as the sheet gives it: two count cells, or its rate cell. */
function tieOf(s: Sheet, u: Unit, k: number): unknown {
  if (s.counts) return [countCell(s, u.answered, 2 * k), countCell(s, u.queued, 2 * k + 1)];
  return u.queued > 0 ? u.answered / u.queued : s.noRates[k];
}

/** The arguments of KAOPING.RANK over the sheet, laid out as the sheet has its totals. */
function sheetArgs(s: Sheet): { scores: unknown[][]; ties: unknown[][] } {
  const totals = s.units.map((u) => (typeof u.total === "number" ? (s.textTotals ? String(u.total / 100) : u.total / 100) : u.total));
  const ties = s.units.map((u, k) => tieOf(s, u, k));
  if (!s.inRow) return { scores: totals.map((t) => [t]), ties: ties.map((t) => (s.counts ? (t as unknown[]) : [t])) };
  const pairs = ties as unknown[][];
  return { scores: [totals], ties: s.counts ? [pairs.map((p) => p[0]), pairs.map((p) => p[1])] : [ties] };
}

describe("KAOPING.RANK and the ranking sheet", () => {
  it("give every ranked unit the same rank, with the tie-break as counts or as rates, in a column or a row", () => {
    fc.assert(
      fc.property(sheetArb, (s) => {
        const { scores, ties } = sheetArgs(s);
        s.units.forEach((u, i) => {
          if (!ranked(u)) return;
          const tie = tieOf(s, u, i);
          // Own counts as the two cells of the unit's row, or of its column for totals in a row.
          const own = !s.counts ? tie : s.inRow ? (tie as unknown[]).map((c) => [c]) : [tie];
          const got = outcome(() => rank(u.total / 100, scores as never, own, ties as never));
          expect(got).toEqual({ value: engineRankOf(s.units, i) });
          expect(got.value).toBe(specRank(s.units, i));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("find the caller's row by its rate given in the other form than the range's", () => {
    fc.assert(
      fc.property(sheetArb, (s) => {
        const { scores, ties } = sheetArgs({ ...s, inRow: false });
        s.units.forEach((u, i) => {
          if (!ranked(u)) return;
          // Counts range with the own rate as KAOPING.RATE gives it, or a rates range with the own counts.
          const own = s.counts ? (u.queued > 0 ? u.answered / u.queued : "") : [[u.answered, u.queued]];
          expect(outcome(() => rank(u.total / 100, scores as never, own, ties as never))).toEqual({ value: specRank(s.units, i) });
        });
      }),
      { numRuns: 100 },
    );
  });
});
