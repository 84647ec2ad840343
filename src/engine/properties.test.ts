import fc from "fast-check";
import { CellValue } from "./cells";
import { EVENT_LEVELS, EventLevel, EventScope, EventType, INDICATOR_IDS, MEASURE_IDS, MeasureId } from "./catalogue";
import { compareRatios, Ratio } from "./exact";
import { distinctPercent, formatCents } from "./format";
import { evaluate, Evaluation, EvaluationInput } from "./evaluate";
import { ScoringEvent } from "./events";
import { Period, monthsOf } from "./period";
import { Contender, NAMED_IN_NOTE_MAX, Placement, rank } from "./ranking";
import { RawRecord } from "./records";
import { DEFAULT_RULES, IndicatorRule, RuleSet } from "./rules";
import { median, scoreIndicator, scoreMonth } from "./scoring";
import { DEFAULT_UNITS, Unit } from "./units";

// ---------------------------------------------------------------------------------------------
// Generators

/** A unit-month that passes every check: every part no larger than its whole. */
const validValues: fc.Arbitrary<Record<MeasureId, number>> = fc
  .record({
    ordersTotal: fc.integer({ min: 0, max: 3000 }),
    info: fc.integer({ min: 0, max: 100 }),
    infoInstant: fc.integer({ min: 0, max: 100 }),
    manualQueued: fc.integer({ min: 0, max: 40 }),
    manualAnswered: fc.integer({ min: 0, max: 40 }),
    avgWaitSeconds: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(15.1, 16.01, 14.825)),
    transferDue: fc.integer({ min: 0, max: 20 }),
    transferOnTime: fc.integer({ min: 0, max: 20 }),
    crossCityDue: fc.integer({ min: 0, max: 5 }),
    crossCityOnTime: fc.integer({ min: 0, max: 5 }),
    instantRated: fc.integer({ min: 0, max: 20 }),
    instantSatisfied: fc.integer({ min: 0, max: 20 }),
    transferClosed: fc.integer({ min: 0, max: 20 }),
    revisited: fc.integer({ min: 0, max: 20 }),
    revisitRated: fc.integer({ min: 0, max: 20 }),
    revisitSatisfied: fc.integer({ min: 0, max: 20 }),
    reportsRequired: fc.integer({ min: 0, max: 6 }),
    reportsOnTime: fc.integer({ min: 0, max: 6 }),
    reportsLate: fc.integer({ min: 0, max: 6 }),
    inspectionMinor: fc.integer({ min: 0, max: 10 }),
    inspectionMajor: fc.integer({ min: 0, max: 3 }),
  })
  .map((g) => {
    const infoOrders = Math.min(g.info, g.ordersTotal);
    const revisited = Math.min(g.revisited, g.transferClosed);
    const revisitRated = Math.min(g.revisitRated, revisited);
    const reportsOnTime = Math.min(g.reportsOnTime, g.reportsRequired);
    return {
      ordersTotal: g.ordersTotal,
      manualQueued: g.manualQueued,
      manualAnswered: Math.min(g.manualAnswered, g.manualQueued),
      infoOrders,
      infoInstant: Math.min(g.infoInstant, infoOrders),
      avgWaitSeconds: g.avgWaitSeconds,
      transferDue: g.transferDue,
      transferOnTime: Math.min(g.transferOnTime, g.transferDue),
      crossCityDue: g.crossCityDue,
      crossCityOnTime: Math.min(g.crossCityOnTime, g.crossCityDue),
      instantRated: g.instantRated,
      instantSatisfied: Math.min(g.instantSatisfied, g.instantRated),
      transferClosed: g.transferClosed,
      revisited,
      revisitRated,
      revisitSatisfied: Math.min(g.revisitSatisfied, revisitRated),
      reportsRequired: g.reportsRequired,
      reportsOnTime,
      reportsLate: Math.min(g.reportsLate, g.reportsRequired - reportsOnTime),
      inspectionMinor: g.inspectionMinor,
      inspectionMajor: g.inspectionMajor,
    };
  });

/** Every kind of thing a cell can hold, including the absurd. */
const junkCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer({ min: -1000, max: 100000 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e300, -1e300, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 5e-324, 1e21, 0.1 + 0.2),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom<CellValue>({ error: "#N/A" }, { error: "#DIV/0!" }, { error: "#REF!" }, { error: "" }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom<CellValue>("96", "９６", "1,234", "95%", "#DIV/0!", " ", "-3", "1e400", "0.5", "'12", "１２％", "=A1", "NaN", "Infinity"),
);

const junkMonth: fc.Arbitrary<CellValue> = fc.oneof(
  junkCell,
  fc.constantFrom<CellValue>(
    "2026-10",
    "2026年10月",
    "2026/10",
    "2026-13",
    "2026-00",
    "10月",
    "十月",
    10,
    13,
    0,
    46300,
    46000.5,
    -1,
    "2025-10",
    "2027-01",
    "2026-10-32",
    "9999-12",
  ),
  fc.integer({ min: 1, max: 12 }).map((m) => `2026-${m}`),
);

const knownCode = fc.constantFrom(...DEFAULT_UNITS.map((u) => u.code));
const unitCode = fc.oneof(
  { weight: 4, arbitrary: knownCode },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.constantFrom("", "999999", "郑州市", "__proto__", "constructor") },
);

const junkRecord: fc.Arbitrary<RawRecord> = fc.record({
  unitCode,
  month: junkMonth,
  values: fc.dictionary(fc.constantFrom(...MEASURE_IDS), junkCell) as fc.Arbitrary<Partial<Record<MeasureId, CellValue>>>,
});

/** Sometimes a valid record with one field spoiled. */
const mostlyValidRecord: fc.Arbitrary<RawRecord> = fc
  .record({ unitCode, month: junkMonth, values: validValues, spoil: fc.option(fc.tuple(fc.constantFrom(...MEASURE_IDS), junkCell)) })
  .map(({ unitCode, month, values, spoil }) => ({ unitCode, month, values: spoil ? { ...values, [spoil[0]]: spoil[1] } : values }));

const eventType = fc.constantFrom<EventType>("honour", "criticism", "falsification");
const eventLevel = fc.option(fc.constantFrom<EventLevel>(...EVENT_LEVELS.map((l) => l.id)), { nil: undefined });
const eventScope = fc.constantFrom<EventScope>("monthly", "annual");

function eventsFor(codes: fc.Arbitrary<string>, dates: fc.Arbitrary<string>): fc.Arbitrary<ScoringEvent[]> {
  return fc.array(
    fc.record({
      unitCode: codes,
      date: dates,
      type: eventType,
      level: eventLevel,
      scope: eventScope,
      points: fc.option(fc.constantFrom(0.5, 1, 1.5, 2.5, -3, 10), { nil: undefined }),
      description: fc.option(fc.constantFrom("甲", "乙", "丙"), { nil: undefined }),
    }),
    { maxLength: 8 },
  );
}

const periods: fc.Arbitrary<Period> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((month): Period => ({ kind: "month", year: 2026, month })),
  fc.integer({ min: 1, max: 4 }).map((quarter): Period => ({ kind: "quarter", year: 2026, quarter })),
  fc.constant<Period>({ kind: "year", year: 2026 }),
);

function shuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.array(fc.nat(), { minLength: items.length, maxLength: items.length }).map((keys) =>
    items
      .map((item, i) => ({ item, key: keys[i], i }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .map((x) => x.item),
  );
}

// ---------------------------------------------------------------------------------------------
// Helpers

function compareRates(a: Ratio | null, b: Ratio | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareRatios(a, b);
}

/** Competition ranking: every rank is 1 + the number of strictly better contenders. */
function expectCompetitionRanking(items: readonly { key: string; rank: number; totalCents: number; rate: Ratio | null }[]): void {
  for (const x of items) {
    const better = items.filter(
      (y) => y.totalCents > x.totalCents || (y.totalCents === x.totalCents && compareRates(y.rate, x.rate) > 0),
    ).length;
    expect(x.rank).toBe(1 + better);
  }
  // and the list is in rank order
  for (let i = 1; i < items.length; i++) expect(items[i].rank).toBeGreaterThanOrEqual(items[i - 1].rank);
}

const sortedProblems = (e: Evaluation) => e.problems.map((p) => JSON.stringify(p)).sort();

// ---------------------------------------------------------------------------------------------
// Reference: rank() as first written (src/core/ranking.ts at 4d45c94), straightforward and O(g³) in
// the size g of a group of equal totals. The faster rank() must give exactly the same placements.

function compareContenders(a: Contender, b: Contender): number {
  if (a.totalCents !== b.totalCents) return b.totalCents - a.totalCents;
  return compareRates(b.connectRate, a.connectRate);
}

function referenceRank(contenders: readonly Contender[]): Placement[] {
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
        if (sameTotal.length === 1) placements.push({ contender: c, rank: rankNumber, tieBreak: "none", tieGroup: [], note: "" });
        else if (sameRate.length > 1) {
          const others = sameRate.filter((o) => o !== c);
          placements.push({
            contender: c,
            rank: rankNumber,
            tieBreak: "shared",
            tieGroup: sameRate.map((o) => o.key),
            note: refSharedNote(c, others, rankNumber),
          });
        } else {
          const others = sameTotal.filter((o) => o !== c);
          placements.push({
            contender: c,
            rank: rankNumber,
            tieBreak: "resolved",
            tieGroup: sameTotal.map((o) => o.key),
            note: refResolvedNote(c, others, sameTotal),
          });
        }
      }
      k = m;
    }
    i = j;
  }
  return placements;
}
function refResolvedNote(c: Contender, others: readonly Contender[], sameTotal: readonly Contender[]): string {
  const names = others.map((o) => o.name).join("、");
  const all = [c.connectRate, ...others.map((o) => o.connectRate)];
  const mine = distinctPercent(c.connectRate, all);
  const theirs = others.map((o) => {
    const sign = compareRates(c.connectRate, o.connectRate) > 0 ? ">" : "<";
    return { sign, text: distinctPercent(o.connectRate, all), name: o.name };
  });
  const total = formatCents(c.totalCents);
  if (theirs.length === 1) return `与 ${names} 同为 ${total} 分，人工接通率 ${mine} ${theirs[0].sign} ${theirs[0].text}`;
  if (theirs.length <= NAMED_IN_NOTE_MAX)
    return `与 ${names} 同为 ${total} 分，人工接通率 ${mine}（${theirs.map((t) => `${t.sign} ${t.name} ${t.text}`).join("，")}）`;
  // Too many to name: the place among them and the units just above and below.
  const at = sameTotal.indexOf(c);
  const around = [sameTotal[at - 1], sameTotal[at + 1]].filter((o) => o !== undefined).map((o) => theirs[others.indexOf(o)]);
  return `与另外 ${others.length} 个单位同为 ${total} 分，人工接通率 ${mine}，居其中第 ${at + 1}（${around.map((t) => `${t.sign} ${t.name} ${t.text}`).join("，")}）`;
}

function refSharedNote(c: Contender, others: readonly Contender[], rankNumber: number): string {
  const rate = c.connectRate === null ? "均无人工接通率" : `人工接通率同为 ${distinctPercent(c.connectRate, [])}`;
  const whom = others.length <= NAMED_IN_NOTE_MAX ? `与 ${others.map((o) => o.name).join("、")} ` : `与另外 ${others.length} 个单位`;
  return `并列第 ${rankNumber} 名：${whom}同为 ${formatCents(c.totalCents)} 分，${rate}`;
}

// ---------------------------------------------------------------------------------------------

// Generous: the runs take a few seconds, but a loaded machine must not turn them into timeouts.
jest.setTimeout(60_000);

describe("properties", () => {
  it("gives every indicator a score between 0 and its points", () => {
    fc.assert(
      fc.property(validValues, fc.option(fc.tuple(fc.nat(5000), fc.integer({ min: 1, max: 2 })), { nil: null }), (values, med) => {
        const classMedian = med && { num: med[0], den: med[1] };
        for (const rule of DEFAULT_RULES.indicators) {
          const s = scoreIndicator(rule, values, classMedian);
          if (s.cents === null) continue;
          expect(Number.isInteger(s.cents)).toBe(true);
          expect(s.cents).toBeGreaterThanOrEqual(0);
          expect(s.cents).toBeLessThanOrEqual(rule.points * 100);
        }
        const m = scoreMonth(DEFAULT_RULES, values, classMedian);
        expect(m.baseCents).toBeGreaterThanOrEqual(0);
        expect(m.baseCents).toBeLessThanOrEqual(6700);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps scores within [0, points] under any valid ramp, target and policy", () => {
    const rampRule = fc
      .tuple(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom<IndicatorRule["zeroDenominator"]>("full", "zero", "prorate"),
      )
      .filter(([full, zero]) => full > zero)
      .map(([full, zero, points, policy]): IndicatorRule => ({
        id: "A2",
        method: "ramp",
        points: points / 2,
        params: [full / 100, zero / 100],
        zeroDenominator: policy,
      }));
    fc.assert(
      fc.property(rampRule, validValues, (rule, values) => {
        const rules: RuleSet = { ...DEFAULT_RULES, indicators: DEFAULT_RULES.indicators.map((r) => (r.id === "A2" ? rule : r)) };
        const s = scoreIndicator(rule, values);
        if (s.cents !== null) {
          expect(s.cents).toBeGreaterThanOrEqual(0);
          expect(s.cents).toBeLessThanOrEqual(rule.points * 100);
        }
        // the base may not exceed the sum of the points (here not 67: the rule changed A2's points)
        const maxBase = rules.indicators.reduce((sum, r) => sum + Math.round(r.points * 100), 0);
        const m = scoreMonth(rules, values, median([values.ordersTotal]));
        expect(m.baseCents).toBeGreaterThanOrEqual(0);
        expect(m.baseCents).toBeLessThanOrEqual(s.cents === null ? 6700 : maxBase);
      }),
      { numRuns: 200 },
    );
  });

  it("rank() forms a competition ranking, whatever the input order", () => {
    const contender = fc.record({
      key: fc.string({ minLength: 1, maxLength: 3 }),
      totalCents: fc.integer({ min: 6000, max: 6004 }),
      rate: fc.option(fc.tuple(fc.nat(6), fc.integer({ min: 1, max: 6 })), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(contender, { selector: (c) => c.key, maxLength: 12 }), fc.nat(), (list, seed) => {
        const contenders: Contender[] = list.map((c) => ({
          key: c.key,
          name: c.key,
          totalCents: c.totalCents,
          connectRate: c.rate && { num: Math.min(c.rate[0], c.rate[1]), den: c.rate[1] },
        }));
        const placements = rank(contenders);
        expect(placements.map((p) => p.contender.key).sort()).toEqual(contenders.map((c) => c.key).sort());
        const byKey = new Map(contenders.map((c) => [c.key, c]));
        expectCompetitionRanking(
          placements.map((p) => ({
            key: p.contender.key,
            rank: p.rank,
            totalCents: byKey.get(p.contender.key)!.totalCents,
            rate: byKey.get(p.contender.key)!.connectRate,
          })),
        );
        for (const p of placements) {
          const c = byKey.get(p.contender.key)!;
          const sameTotal = contenders.filter((o) => o !== c && o.totalCents === c.totalCents);
          const sameRate = sameTotal.filter((o) => compareRates(o.connectRate, c.connectRate) === 0);
          expect(p.tieBreak).toBe(sameTotal.length === 0 ? "none" : sameRate.length > 0 ? "shared" : "resolved");
          if (p.tieBreak === "shared") expect(p.note).toContain(`并列第 ${p.rank} 名`);
        }
        // a rotation of the input gives the same placements
        const k = contenders.length ? seed % contenders.length : 0;
        expect(rank([...contenders.slice(k), ...contenders.slice(0, k)])).toEqual(placements);
      }),
      { numRuns: 300 },
    );
  });

  it("rank() gives exactly the placements and notes of the reference version", () => {
    // Few totals and close rates, so that groups are large and rates differ only in far decimals.
    const rate = fc.oneof(
      fc.constant(null),
      fc.tuple(fc.nat(12), fc.integer({ min: 1, max: 12 })).map(([n, d]) => ({ num: Math.min(n, d), den: d })),
      fc.integer({ min: 0, max: 40 }).map((k) => ({ num: 97_000_000 + k, den: 100_000_000 })),
      fc.integer({ min: 0, max: 3 }).map((k) => ({ num: 9_700_001 + k, den: 10_000_001 })),
    );
    const contender = fc.record({
      key: fc.string({ minLength: 1, maxLength: 4 }),
      name: fc.oneof(fc.constantFrom("", "甲", "乙", "、", "，"), fc.string({ maxLength: 3 })),
      // Mostly near-equal totals, for ties; now and then a negative or vast one, whose range the
      // packed numeric sort cannot take (it then falls back to the comparator).
      totalCents: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 6348, max: 6351 }) },
        { weight: 1, arbitrary: fc.constantFrom(-250, 0, Number.MAX_SAFE_INTEGER - 1, 2 - Number.MAX_SAFE_INTEGER) },
      ),
      connectRate: rate,
    });
    fc.assert(
      fc.property(fc.uniqueArray(contender, { selector: (c) => c.key, maxLength: 30 }), (list) => {
        expect(rank(list)).toEqual(referenceRank(list));
      }),
      { numRuns: 400 },
    );
    // Groups too large to name in a note (more than NAMED_IN_NOTE_MAX others), resolved and shared:
    // one total, rates from a few values.
    const crowd = fc.record({
      key: fc.string({ minLength: 1, maxLength: 4 }),
      name: fc.string({ maxLength: 2 }),
      totalCents: fc.constant(6350),
      connectRate: fc.oneof(
        fc.constant(null),
        fc.integer({ min: 0, max: 40 }).map((k) => ({ num: 97_000_000 + k, den: 100_000_000 })),
        fc.constant({ num: 1, den: 2 }),
      ),
    });
    fc.assert(
      fc.property(fc.uniqueArray(crowd, { selector: (c) => c.key, minLength: NAMED_IN_NOTE_MAX + 2, maxLength: 40 }), (list) => {
        expect(rank(list)).toEqual(referenceRank(list));
      }),
      { numRuns: 150 },
    );
  });

  describe("evaluate()", () => {
    // Six units of both classes, so A1 medians, ties and every row kind occur.
    const UNITS: Unit[] = [
      DEFAULT_UNITS[0],
      DEFAULT_UNITS[1],
      DEFAULT_UNITS[2],
      { ...DEFAULT_UNITS[3], activeFrom: "2026-05" },
      DEFAULT_UNITS[18],
      { ...DEFAULT_UNITS[19], activeTo: "2026-10" },
    ];
    const codes = fc.constantFrom(...UNITS.map((u) => u.code));
    // Few distinct days, so that several events of one unit fall in the same month.
    const day = fc
      .tuple(fc.constantFrom(1, 2, 10, 11, 12), fc.constantFrom(3, 17))
      .map(([m, d]) => `2026-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    const month = fc.integer({ min: 1, max: 12 }).map((m) => `2026-${String(m).padStart(2, "0")}`);
    // Valid records (few values so totals tie), the odd spoiled value, the odd duplicate row.
    const record: fc.Arbitrary<RawRecord> = fc
      .record({
        unitCode: codes,
        month,
        values: validValues,
        spoil: fc.option(fc.tuple(fc.constantFrom(...MEASURE_IDS), fc.constantFrom<CellValue>(-1, 0.5, "x", null)), { freq: 8 }),
      })
      .map(({ unitCode, month, values, spoil }) => ({ unitCode, month, values: spoil ? { ...values, [spoil[0]]: spoil[1] } : values }));
    const scenario = fc.record({
      period: periods,
      records: fc.array(record, { maxLength: 40 }),
      events: eventsFor(codes, day),
    });

    it("gives the same result for any order of records, units and events", () => {
      fc.assert(
        fc.property(
          scenario.chain((s) =>
            fc.record({ s: fc.constant(s), records: shuffled(s.records), units: shuffled(UNITS), events: shuffled(s.events) }),
          ),
          ({ s, records, units, events }) => {
            const a = evaluate({ period: s.period, units: UNITS, records: s.records, events: s.events });
            const b = evaluate({ period: s.period, units, records, events });
            expect(b.rows).toEqual(a.rows);
            expect(b.status).toBe(a.status);
            expect(sortedProblems(b)).toEqual(sortedProblems(a));
          },
        ),
        { numRuns: 150 },
      );
    });

    it("ranks as a competition ranking, lists ranked rows first and marks drafts", () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const e = evaluate({ period: s.period, units: UNITS, records: s.records, events: s.events });
          const ranked = e.rows.filter((r) => r.result === "ranked");
          expectCompetitionRanking(
            ranked.map((r) => ({ key: r.unit.code, rank: r.rank!, totalCents: Math.round(r.total! * 100), rate: r.connectRate })),
          );
          // published order: ranked, 不合格, 数据待核, 缺报
          const kinds = e.rows.map((r) => ["ranked", "disqualified", "pending", "missing"].indexOf(r.result));
          expect([...kinds].sort((x, y) => x - y)).toEqual(kinds);
          for (const r of e.rows) {
            expect(r.rank === null).toBe(r.result !== "ranked");
            if (r.total !== null) expect(Number.isFinite(r.total)).toBe(true);
            for (const id of INDICATOR_IDS) {
              const v = r.scores[id];
              if (v !== null) {
                expect(v).toBeGreaterThanOrEqual(0);
                expect(v).toBeLessThanOrEqual(DEFAULT_RULES.indicators.find((x) => x.id === id)!.points);
              }
            }
          }
          expect(e.status).toBe(e.rows.some((r) => r.result === "pending" || r.result === "missing") ? "draft" : "final");
          // every unit active in the period has exactly one row
          const months = monthsOf(s.period);
          const active = UNITS.filter((u) => months.some((m) => (!u.activeFrom || u.activeFrom <= m) && (!u.activeTo || m <= u.activeTo)));
          expect(e.rows.map((r) => r.unit.code).sort()).toEqual(active.map((u) => u.code).sort());
        }),
        { numRuns: 150 },
      );
    });
  });

  it("evaluate() never throws on junk input", () => {
    const junkInput: fc.Arbitrary<EvaluationInput> = fc.record({
      period: periods,
      records: fc.array(fc.oneof(junkRecord, mostlyValidRecord), { maxLength: 30 }),
      events: eventsFor(
        unitCode,
        fc.oneof(fc.constantFrom("2026-10-01", "2026-03-15", "2025-12-31", "2026-13-01", "", "abc"), fc.string()),
      ),
      rules: fc.constantFrom<RuleSet | null | undefined>(undefined, null, DEFAULT_RULES),
      units: fc.option(
        fc.array(
          fc.record({
            code: fc.oneof(knownCode, fc.string()),
            name: fc.string(),
            unitClass: fc.constantFrom("省辖市", "省直管县", ""),
            activeFrom: fc.option(fc.constantFrom("2026-03", "2026-10", "abc", ""), { nil: undefined }),
            activeTo: fc.option(fc.constantFrom("2026-06", "2026-12", "2025-01"), { nil: undefined }),
          }),
          { maxLength: 8 },
        ),
        { nil: undefined },
      ),
      published: fc.option(
        fc.oneof(
          fc.constantFrom("2026-10-09", "2026-12-31", "2031-05-05", "2026-02-13", "2026-13-45", "2026/11/2", "abc", ""),
          fc.string(),
        ),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(junkInput, (input) => {
        const e = evaluate(input);
        for (const r of e.rows) {
          if (r.total !== null) expect(Number.isFinite(r.total)).toBe(true);
          expect(r.rank === null || (Number.isInteger(r.rank) && r.rank >= 1)).toBe(true);
        }
        for (const p of e.problems) expect(typeof p.message).toBe("string");
      }),
      { numRuns: 250 },
    );
  });

  it("evaluate() never throws on junk for all 28 units over a year", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(junkRecord, mostlyValidRecord), { maxLength: 60 }), (records) => {
        const e = evaluate({ period: { kind: "year", year: 2026 }, records });
        expect(e.rows).toHaveLength(28);
      }),
      { numRuns: 60 },
    );
  });
});
