import { PERFECT } from "../../test/support/full-marks";
import { MeasureId } from "./catalogue";
import { evaluate, Evaluation } from "./evaluate";
import { ScoringEvent } from "./events";
import { honourLists, lastPlaceWarnings } from "./honour-lists";
import { previousPeriod, rankChanges } from "./rank-change";
import { RawRecord } from "./records";
import { Unit } from "./units";

// Three months worked out by hand from PRODUCT.md §4–§5 (every other value full, class median 1000):
//   A2 900/1000 = 90% → 10 × (90 − 75)/20 = 7.50 (−2.50); A2 850 → 5.00 (−5.00);
//   B1 45/50 = 90% → 10 × (90 − 80)/20 = 5.00 (−5.00); B1 48/50 = 96% → 8.00 (−2.00).
// August:    甲 67.00 (1); 乙 64.50 (2); 丙 62.00, 100% connected (3); 丁 62.00, 85% (4): a tie decided by rate.
// September: 甲 弄虚作假 → 不合格; 乙 67.00 (1); 丙 and 丁 64.50 at 90% → 并列第 2.
// October:   甲, 乙 67.00 at 100% → 并列第 1; 戊 (new this month) 65.00 (3); 丙 64.50 (4); 丁 62.00 (5).
const A: Unit = { code: "900001", name: "甲市", unitClass: "省辖市" };
const B: Unit = { code: "900002", name: "乙市", unitClass: "省辖市" };
const C: Unit = { code: "900003", name: "丙市", unitClass: "省辖市" };
const D: Unit = { code: "900004", name: "丁市", unitClass: "省辖市" };
const E: Unit = { code: "900005", name: "戊市", unitClass: "省辖市", activeFrom: "2026-10" };
const UNITS = [A, B, C, D, E];

const rec = (unit: Unit, month: string, over: Partial<Record<MeasureId, number>> = {}): RawRecord => ({
  unitCode: unit.code,
  month,
  values: { ...PERFECT, ...over },
});
const A2_90 = { manualAnswered: 900 };
const A2_85 = { manualAnswered: 850 };
const B1_90 = { transferOnTime: 45 };
const B1_96 = { transferOnTime: 48 };

const RECORDS: RawRecord[] = [
  rec(A, "2026-08"),
  rec(B, "2026-08", A2_90),
  rec(C, "2026-08", B1_90),
  rec(D, "2026-08", A2_85),
  rec(A, "2026-09"),
  rec(B, "2026-09"),
  rec(C, "2026-09", A2_90),
  rec(D, "2026-09", A2_90),
  rec(A, "2026-10"),
  rec(B, "2026-10"),
  rec(C, "2026-10", A2_90),
  rec(D, "2026-10", B1_90),
  rec(E, "2026-10", B1_96),
];
const EVENTS: ScoringEvent[] = [{ unitCode: A.code, date: "2026-09-12", type: "falsification", scope: "monthly" }];

const month = (m: number): Evaluation =>
  evaluate({ period: { kind: "month", year: 2026, month: m }, units: UNITS, records: RECORDS, events: EVENTS });
const [aug, sep, oct] = [month(8), month(9), month(10)];

const byName = (changes: ReturnType<typeof rankChanges>) =>
  Object.fromEntries(UNITS.filter((u) => changes.has(u.code)).map((u) => [u.name, changes.get(u.code)!]));

describe("排名变化 over three months", () => {
  it("ranks the months as worked out by hand", () => {
    const ranks = (e: Evaluation) => e.rows.map((r) => [r.unit.name, r.rank, r.total]);
    expect(ranks(aug)).toEqual([
      ["甲市", 1, 67],
      ["乙市", 2, 64.5],
      ["丙市", 3, 62],
      ["丁市", 4, 62],
    ]);
    expect(ranks(sep)).toEqual([
      ["乙市", 1, 67],
      ["丙市", 2, 64.5],
      ["丁市", 2, 64.5],
      ["甲市", null, 67],
    ]);
    expect(ranks(oct)).toEqual([
      ["甲市", 1, 67],
      ["乙市", 1, 67],
      ["戊市", 3, 65],
      ["丙市", 4, 64.5],
      ["丁市", 5, 62],
    ]);
  });

  it("September against August: up by the places gained, counted from a shared rank; the 不合格 unit unranked", () => {
    const c = byName(rankChanges(sep, aug));
    expect(c["乙市"]).toMatchObject({ kind: "up", by: 1, previousRank: 2, label: "↑1" });
    expect(c["丙市"]).toMatchObject({ kind: "up", by: 1, label: "↑1" });
    expect(c["丁市"]).toMatchObject({ kind: "up", by: 2, previousRank: 4, label: "↑2" });
    expect(c["甲市"]).toMatchObject({ kind: "unranked", by: null, previousRank: 1, previousResult: "ranked", label: "—" });
  });

  it("October against September: 持平 from a shared rank, down, 新 for a unit not yet active, 上期不合格", () => {
    const c = byName(rankChanges(oct, sep));
    expect(c["甲市"]).toMatchObject({ kind: "previousUnranked", by: null, previousResult: "disqualified", label: "上期不合格" });
    expect(c["乙市"]).toMatchObject({ kind: "same", by: 0, label: "持平" });
    expect(c["戊市"]).toMatchObject({ kind: "new", by: null, previousResult: null, label: "新" });
    expect(c["丙市"]).toMatchObject({ kind: "down", by: -2, label: "↓2" });
    expect(c["丁市"]).toMatchObject({ kind: "down", by: -3, label: "↓3" });
  });

  it("has nothing to compare with when the workbook has no previous period", () => {
    const c = byName(rankChanges(aug, null));
    expect(Object.values(c).map((x) => [x.kind, x.by, x.label])).toEqual(Array(4).fill(["noPrevious", null, "—"]));
  });

  it("compares a month, quarter and year with the one before of the same kind", () => {
    expect(previousPeriod({ kind: "month", year: 2026, month: 1 })).toEqual({ kind: "month", year: 2025, month: 12 });
    expect(previousPeriod({ kind: "month", year: 2026, month: 10 })).toEqual({ kind: "month", year: 2026, month: 9 });
    expect(previousPeriod({ kind: "quarter", year: 2026, quarter: 1 })).toEqual({ kind: "quarter", year: 2025, quarter: 4 });
    expect(previousPeriod({ kind: "quarter", year: 2026, quarter: 3 })).toEqual({ kind: "quarter", year: 2026, quarter: 2 });
    expect(previousPeriod({ kind: "year", year: 2026 })).toEqual({ kind: "year", year: 2025 });
  });
});

describe("红黑榜 and 末位警示", () => {
  const names = (list: { rows: readonly { unit: Unit }[] }) => list.rows.map((r) => r.unit.name);

  it("lists every unit tied at the cut, 不分先后, and leaves the 不合格 unit off both lists", () => {
    // September, N = 2 and 1: ranks 乙 1, 丙 2, 丁 2 — the second place is shared.
    const { red, black } = honourLists(sep, { redList: 2, blackList: 1, warningMonths: 3 });
    expect(names(red)).toEqual(["乙市", "丙市", "丁市"]);
    expect(red.tiedAtCut).toBe(true);
    expect(names(black)).toEqual(["丁市", "丙市"]);
    expect(black.tiedAtCut).toBe(true);
  });

  it("cuts cleanly where the ranks differ", () => {
    // October, N = 3 and 2: 甲 1, 乙 1, 戊 3 | 丙 4, 丁 5.
    const { red, black } = honourLists(oct, { redList: 3, blackList: 2, warningMonths: 3 });
    expect([names(red), red.tiedAtCut]).toEqual([["甲市", "乙市", "戊市"], false]);
    expect([names(black), black.tiedAtCut]).toEqual([["丁市", "丙市"], false]);
  });

  it("warns the unit last in three consecutive months, a shared last place counting as last", () => {
    // Last: August 丁 (4); September 丙 and 丁 (并列第 2, the last rank); October 丁 (5).
    const warnings = lastPlaceWarnings(oct.period, [aug, sep, oct]);
    expect(warnings).toEqual([{ unitCode: D.code, unitName: "丁市", months: ["2026-08", "2026-09", "2026-10"] }]);
  });

  it("gives no warning when a month of the run is not in the workbook", () => {
    expect(lastPlaceWarnings(oct.period, [aug, oct])).toEqual([]);
    expect(lastPlaceWarnings(sep.period, [aug, sep], { redList: 5, blackList: 5, warningMonths: 2 }).map((w) => w.unitName)).toEqual([
      "丁市",
    ]);
  });
});
