import { PERFECT } from "../../test/support/full-marks";
import { MeasureId } from "./catalogue";
import { evaluate, Evaluation, ResultRow } from "./evaluate";
import { ScoringEvent } from "./events";
import { tiedWith } from "./ranking";
import { RawRecord } from "./records";
import { Unit } from "./units";

const ZZ: Unit = { code: "410100", name: "郑州市", unitClass: "省辖市" };
const KF: Unit = { code: "410200", name: "开封市", unitClass: "省辖市" };
const LY: Unit = { code: "410300", name: "洛阳市", unitClass: "省辖市" };
const PDS: Unit = { code: "410400", name: "平顶山市", unitClass: "省辖市" };
const AY: Unit = { code: "410500", name: "安阳市", unitClass: "省辖市" };
const GY: Unit = { code: "410181", name: "巩义市", unitClass: "省直管县" };
const LK: Unit = { code: "410225", name: "兰考县", unitClass: "省直管县" };

const rec = (unit: Unit, month: string, over: Partial<Record<MeasureId, number>> = {}): RawRecord => ({
  unitCode: unit.code,
  month,
  values: { ...PERFECT, ...over },
});
const event = (
  unit: Unit,
  date: string,
  type: ScoringEvent["type"],
  level?: ScoringEvent["level"],
  scope: ScoringEvent["scope"] = "monthly",
  description?: string,
): ScoringEvent => ({
  unitCode: unit.code,
  date,
  type,
  level,
  scope,
  description,
});
const row = (e: Evaluation, unit: Unit): ResultRow => e.rows.find((r) => r.unit.code === unit.code)!;
const order = (e: Evaluation) => e.rows.map((r) => [r.unit.name, r.rank, r.result, r.total]);

describe("evaluate: one month", () => {
  // 省辖市 orders: 郑州 2000, 开封 1000, 洛阳 1500 → median 1500 (平顶山 is pending, 安阳 missing: not counted)
  // 省直管县 orders: 巩义 300, 兰考 500 → median (300 + 500)/2 = 400
  const records = [
    // 郑州: A1 capped 3; A2 9731/10000 ≥ 95% → 10; wait 17 s → 2 started seconds → 6 − 0.4 = 5.60.
    // base 67 − 0.4 = 66.60
    rec(ZZ, "2026-10", { ordersTotal: 2000, manualQueued: 10000, manualAnswered: 9731, avgWaitSeconds: 17 }),
    // 开封: A1 3 × 1000/1500 = 2.00; A2 85% → 10 × 0.10/0.20 = 5.00. base 67 − 1 − 5 = 61.00; +1 省级荣誉 → 62.00
    rec(KF, "2026-10", { ordersTotal: 1000, manualAnswered: 850 }),
    // 洛阳: A1 3; B4 10/50 = 20% → 6 × 0.2/0.5 = 2.40; C2 one major → 4 − 2 = 2.00; no cross-city orders → B2 full.
    // base 67 − 3.6 − 2 = 61.40; −1 市级批评 → 60.40
    rec(LY, "2026-10", {
      ordersTotal: 1500,
      transferClosed: 50,
      revisited: 10,
      revisitRated: 10,
      revisitSatisfied: 10,
      inspectionMajor: 1,
      crossCityDue: 0,
      crossCityOnTime: 0,
    }),
    // 平顶山: a negative count → pending
    rec(PDS, "2026-10", { inspectionMinor: -1 }),
    // 巩义: A1 3 × 300/400 = 2.25; A2 96% → 10; wait 30 s → 6 − 3 = 3.00; two minor → 4 − 1 = 3.00;
    // B4 23/48 → 6 × (23/48)/0.5 = 5.75. base 67 − 0.75 − 3 − 1 − 0.25 = 62.00
    rec(GY, "2026-10", {
      ordersTotal: 300,
      infoOrders: 100,
      manualQueued: 100,
      manualAnswered: 96,
      avgWaitSeconds: 30,
      inspectionMinor: 2,
      revisited: 23,
      revisitRated: 20,
    }),
    // 兰考: A1 500 ≥ 400 → 3; all full: 67.00 — but 弄虚作假 this month → 不合格
    rec(LK, "2026-10", { ordersTotal: 500, infoOrders: 100 }),
    // a September row of 郑州 is passed over
    rec(ZZ, "2026-09", { manualQueued: -5 }),
  ];
  const events = [
    event(KF, "2026-10-15", "honour", "provincial"),
    event(LY, "2026-10-20", "criticism", "city"),
    event(LK, "2026-10-20", "falsification", undefined, "monthly", "虚报工单"),
    // an annual honour does not count in the month
    event(ZZ, "2026-10-01", "honour", "national", "annual"),
  ];
  const units = [
    ZZ,
    KF,
    LY,
    PDS,
    AY,
    GY,
    LK,
    { code: "411000", name: "许昌市", unitClass: "省辖市", activeFrom: "2026-11" },
    { code: "411100", name: "漯河市", unitClass: "省辖市", activeTo: "2026-09" },
  ];
  const e = evaluate({ period: { kind: "month", year: 2026, month: 10 }, units, records, events, published: "2026-11-02" });

  it("ranks by total with hand-computed totals, then 不合格, then 数据待核, then 缺报", () => {
    expect(order(e)).toEqual([
      ["郑州市", 1, "ranked", 66.6],
      ["巩义市", 2, "ranked", 62],
      ["开封市", 3, "ranked", 62],
      ["洛阳市", 4, "ranked", 60.4],
      ["兰考县", null, "disqualified", 67],
      ["平顶山市", null, "pending", null],
      ["安阳市", null, "missing", null],
    ]);
  });

  it("leaves out units not active in the month", () => {
    expect(e.rows.some((r) => r.unit.name === "许昌市" || r.unit.name === "漯河市")).toBe(false);
  });

  it("is a draft while a unit is pending or missing", () => {
    expect(e.status).toBe("draft");
  });

  it("gives each indicator's score and the base, bonus and deduction", () => {
    const zz = row(e, ZZ);
    expect(zz.scores).toEqual({ A1: 3, A2: 10, A3: 6, A4: 5.6, B1: 10, B2: 4, B3: 5, B4: 6, B5: 9, C1: 4, C2: 4 });
    expect([zz.base, zz.bonus, zz.deduction, zz.total]).toEqual([66.6, 0, 0, 66.6]);
    expect(zz.connectRate).toEqual({ num: 9731, den: 10000 });
    const kf = row(e, KF);
    expect(kf.scores.A1).toBe(2);
    expect([kf.base, kf.bonus, kf.deduction, kf.total]).toEqual([61, 1, 0, 62]);
    const ly = row(e, LY);
    expect([ly.scores.B4, ly.scores.C2, ly.scores.B2]).toEqual([2.4, 2, 4]);
    expect([ly.base, ly.bonus, ly.deduction, ly.total]).toEqual([61.4, 0, 1, 60.4]);
    const gy = row(e, GY);
    expect([gy.scores.A1, gy.scores.A4, gy.scores.B4, gy.scores.C2, gy.base]).toEqual([2.25, 3, 5.75, 3, 62]);
  });

  it("notes a zero denominator and leaves its rate empty", () => {
    const ly = row(e, LY);
    expect(ly.rates.B2).toBeNull();
    expect(ly.zeroDenominators).toEqual(["B2"]);
    expect(ly.note).toContain("跨市（直管县）工单办结率分母为 0，按满分计");
  });

  it("explains the tie-break on both rows", () => {
    const gy = row(e, GY);
    const kf = row(e, KF);
    expect(gy.tieBreak).toBe("resolved");
    expect(tiedWith(gy.tieGroup, gy.unit.code)).toEqual(["410200"]);
    expect(tiedWith(kf.tieGroup, kf.unit.code)).toEqual([GY.code]);
    expect(gy.note).toBe("与 开封市 同为 62.00 分，人工接通率 96.00% > 85.00%");
    // 开封市's 省级 honour is named after the tie-break: +1.00 on 2026-10-15.
    expect(kf.note).toBe("与 巩义市 同为 62.00 分，人工接通率 85.00% < 96.00%；加分 +1.00：2026-10-15 省级荣誉奖励");
    expect(row(e, ZZ).tieBreak).toBe("none");
  });

  it("marks the falsifying unit 不合格 with the reason", () => {
    const lk = row(e, LK);
    expect(lk.rank).toBeNull();
    expect(lk.note).toContain("2026-10-20 经核查弄虚作假（虚报工单），考评结果不合格");
  });

  it("lists pending and missing units without a rank or scores", () => {
    for (const u of [PDS, AY]) {
      const r = row(e, u);
      expect(r.rank).toBeNull();
      expect(r.total).toBeNull();
      expect(Object.values(r.scores).every((s) => s === null)).toBe(true);
    }
    expect(row(e, AY).note).toContain("本月未报送数据");
    expect(row(e, PDS).note).toContain("数据有误");
  });

  it("reports the pending unit's problem, and the unit that did not report as 缺报", () => {
    expect(e.problems.filter((p) => p.severity === "error").map((p) => [p.unitCode, p.code])).toEqual([
      ["410400", "value.negative"],
      ["410500", "record.missing"],
    ]);
    expect(e.problems.find((p) => p.code === "record.missing")!.message).toBe("安阳市 2026年10月 未报送数据（缺报），本期不参与排名");
  });

  it("gives the 公示期 end", () => {
    // Mon 2026-11-02 → Tue 3, Wed 4, Thu 5, Fri 6, Mon 9
    expect(e.publication?.end).toBe("2026-11-09");
  });

  it("is final when every active unit is scored", () => {
    const done = evaluate({
      period: { kind: "month", year: 2026, month: 10 },
      units: [ZZ, KF, LK],
      records: [rec(ZZ, "2026-10"), rec(KF, "2026-10", { avgWaitSeconds: 16 }), rec(LK, "2026-10")],
      events: [event(LK, "2026-10-03", "falsification")],
    });
    expect(done.status).toBe("final");
    // 郑州 67.00, 开封 66.80 (wait 16 s → −0.2), 兰考 不合格
    expect(order(done)).toEqual([
      ["郑州市", 1, "ranked", 67],
      ["开封市", 2, "ranked", 66.8],
      ["兰考县", null, "disqualified", 67],
    ]);
  });

  it("marks everything pending and draft when the rules could not be read", () => {
    const bad = evaluate({
      period: { kind: "month", year: 2026, month: 10 },
      units: [ZZ, KF],
      records: [rec(ZZ, "2026-10"), rec(KF, "2026-10")],
      rules: null,
    });
    expect(bad.status).toBe("draft");
    expect(bad.rules).toBeNull();
    expect(bad.rows.map((r) => [r.result, r.rank])).toEqual([
      ["pending", null],
      ["pending", null],
    ]);
    expect(bad.rows[0].note).toContain("评分规则有误");
  });

  it("reports a publication date it cannot read instead of throwing", () => {
    // found while reviewing: publicityEnd("2026-13-45x") threw RangeError out of evaluate()
    const r = evaluate({
      period: { kind: "month", year: 2026, month: 10 },
      units: [ZZ],
      records: [rec(ZZ, "2026-10")],
      published: "2026-13-45x",
    });
    expect(r.publication).toBeUndefined();
    expect(r.problems.map((p) => [p.severity, p.code])).toEqual([["error", "calendar.badPublished"]]);
    expect(r.problems[0].message).toBe("发布日期“2026-13-45x”无法识别，未计算公示期");
    // a date written the Chinese way is read
    expect(
      evaluate({ period: { kind: "month", year: 2026, month: 10 }, units: [ZZ], records: [rec(ZZ, "2026-10")], published: "2026年11月2日" })
        .publication?.end,
    ).toBe("2026-11-09");
  });

  it("keeps problems found earlier at the head of the list", () => {
    const earlier = { severity: "warning" as const, code: "holidays.bad" as const, message: "先前的问题", action: "" };
    const r = evaluate({
      period: { kind: "month", year: 2026, month: 10 },
      units: [ZZ],
      records: [rec(ZZ, "2026-10", { manualAnswered: -1 })],
      problems: [earlier],
    });
    expect(r.problems[0]).toBe(earlier);
    expect(r.problems).toHaveLength(2);
  });
});

describe("evaluate: a quarter", () => {
  const Q4 = { kind: "quarter" as const, year: 2026, quarter: 4 };
  // All 省辖市 with 1000 orders every month → median 1000 → A1 full everywhere.
  const records = [
    // 郑州: Oct 67.00; Nov wait 17 s → 66.60; Dec A2 8504/10000 → 10 × 0.1004/0.2 = 5.02 → 62.02.
    // mean (6700 + 6660 + 6202)/3 = 19562/3 = 6520.67 cents → 65.21
    rec(ZZ, "2026-10"),
    rec(ZZ, "2026-11", { avgWaitSeconds: 17 }),
    rec(ZZ, "2026-12", { manualQueued: 10000, manualAnswered: 8504 }),
    // 开封: Oct 不合格 → 0; Nov 67.00; Dec wait 16 s → 66.80. mean (0 + 6700 + 6680)/3 = 4460 cents → 44.60
    rec(KF, "2026-10"),
    rec(KF, "2026-11"),
    rec(KF, "2026-12", { avgWaitSeconds: 16 }),
    // 洛阳 and 平顶山: 67.00 every month (all rates ≥ 95%) → 67.00 each.
    // 洛阳 pooled (96 + 96 + 960)/(100 + 100 + 1000) = 1152/1200 = 96.00%
    // 平顶山 pooled (99 + 99 + 950)/1200 = 1148/1200 = 95.67% (though its mean monthly rate, 97.67%, is higher)
    rec(LY, "2026-10", { manualQueued: 100, manualAnswered: 96 }),
    rec(LY, "2026-11", { manualQueued: 100, manualAnswered: 96 }),
    rec(LY, "2026-12", { manualQueued: 1000, manualAnswered: 960 }),
    rec(PDS, "2026-10", { manualQueued: 100, manualAnswered: 99 }),
    rec(PDS, "2026-11", { manualQueued: 100, manualAnswered: 99 }),
    rec(PDS, "2026-12", { manualQueued: 1000, manualAnswered: 950 }),
  ];
  const events = [event(KF, "2026-10-09", "falsification")];

  it("averages the monthly totals, a 不合格 month counting 0, and orders ties by the pooled rate", () => {
    const e = evaluate({ period: Q4, units: [ZZ, KF, LY, PDS], records, events });
    expect(e.status).toBe("final");
    expect(order(e)).toEqual([
      ["洛阳市", 1, "ranked", 67],
      ["平顶山市", 2, "ranked", 67],
      ["郑州市", 3, "ranked", 65.21],
      ["开封市", 4, "ranked", 44.6],
    ]);
    expect(row(e, LY).connectRate).toEqual({ num: 1152, den: 1200 });
    expect(row(e, LY).note).toBe("与 平顶山市 同为 67.00 分，人工接通率 96.00% > 95.67%");
    expect(row(e, KF).note).toBe("2026年10月 不合格，按 0 分计入");
    expect(row(e, KF).months.map((m) => [m.month, m.result, m.total])).toEqual([
      ["2026-10", "disqualified", 67],
      ["2026-11", "ranked", 67],
      ["2026-12", "ranked", 66.8],
    ]);
    // 郑州's A2 over the quarter: mean of 10, 10, 5.02 = 25.02/3 = 8.34
    expect(row(e, ZZ).scores.A2).toBe(8.34);
  });

  it("blocks a unit with a missing month instead of averaging around it", () => {
    const e = evaluate({
      period: Q4,
      units: [ZZ, KF, LY, PDS],
      records: records.filter((r) => !(r.unitCode === ZZ.code && r.month === "2026-11")),
      events,
    });
    const zz = row(e, ZZ);
    expect([zz.rank, zz.result, zz.total]).toEqual([null, "missing", null]);
    expect(zz.note).toBe("2026年11月 未报送，本期暂不排名");
    expect(e.status).toBe("draft");
    // The reason for the draft is a listed problem naming the unit and the month.
    expect(e.problems.filter((p) => p.code === "record.missing").map((p) => [p.unitCode, p.month, p.message])).toEqual([
      [ZZ.code, "2026-11", `${ZZ.name} 2026年11月 未报送数据（缺报），本期不参与排名`],
    ]);
    expect(e.rows[e.rows.length - 1].unit.code).toBe(ZZ.code);
    // the others still rank 1, 2, 3
    expect(e.rows.slice(0, 3).map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it("blocks a unit with a pending month", () => {
    const e = evaluate({
      period: Q4,
      units: [ZZ, KF, LY, PDS],
      records: [...records.filter((r) => !(r.unitCode === LY.code && r.month === "2026-12")), rec(LY, "2026-12", { ordersTotal: 1.5 })],
      events,
    });
    const ly = row(e, LY);
    expect([ly.rank, ly.result]).toEqual([null, "pending"]);
    expect(ly.note).toBe("2026年12月 数据待核，本期暂不排名");
  });

  it("averages a unit over the months it is active", () => {
    // 许昌 active from November: (6700 + 6680)/2 = 6690 cents → 66.90
    const XC: Unit = { code: "411000", name: "许昌市", unitClass: "省辖市", activeFrom: "2026-11" };
    const e = evaluate({
      period: Q4,
      units: [ZZ, XC],
      records: [...records.filter((r) => r.unitCode === ZZ.code), rec(XC, "2026-11"), rec(XC, "2026-12", { avgWaitSeconds: 16 })],
    });
    expect(row(e, XC).total).toBe(66.9);
    expect(row(e, XC).months.map((m) => m.month)).toEqual(["2026-11", "2026-12"]);
    expect(e.status).toBe("final");
  });

  it("does not add annual events to a quarter", () => {
    const e = evaluate({
      period: Q4,
      units: [ZZ, KF, LY, PDS],
      records,
      events: [...events, event(LY, "2026-11-11", "criticism", "national", "annual")],
    });
    expect(row(e, LY).total).toBe(67);
  });
});

describe("evaluate: a year", () => {
  const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
  const records = [...months.map((m) => rec(ZZ, m)), ...months.map((m) => rec(KF, m))];
  const events = [
    // 郑州: a monthly 省级 honour in March → March 68.00; mean (11 × 6700 + 6800)/12 = 80500/12 = 6708.33 → 67.08
    event(ZZ, "2026-03-05", "honour", "provincial"),
    // 郑州: three 国家级 honours scored in the year: 6 → capped at +5. Total 67.08 + 5 = 72.08
    event(ZZ, "2026-04-01", "honour", "national", "annual"),
    event(ZZ, "2026-06-01", "honour", "national", "annual"),
    event(ZZ, "2026-09-01", "honour", "national", "annual"),
    // 开封: a 国家级 criticism scored in the year: −3 → 67 − 3 = 64.00
    event(KF, "2026-08-08", "criticism", "national", "annual"),
  ];

  it("adds the year's events, capped, to the mean of the monthly totals", () => {
    const e = evaluate({ period: { kind: "year", year: 2026 }, units: [ZZ, KF], records, events });
    expect(e.status).toBe("final");
    expect(order(e)).toEqual([
      ["郑州市", 1, "ranked", 72.08],
      ["开封市", 2, "ranked", 64],
    ]);
    const zz = row(e, ZZ);
    expect([zz.base, zz.bonus, zz.deduction]).toEqual([67.08, 5, 0]);
    expect(zz.note).toContain("加分 6.00 超过年度上限，按 5.00 计");
    const kf = row(e, KF);
    expect([kf.base, kf.bonus, kf.deduction]).toEqual([67, 0, 3]);
    expect(zz.months).toHaveLength(12);
  });

  it("blocks a unit with a missing month", () => {
    const e = evaluate({
      period: { kind: "year", year: 2026 },
      units: [ZZ, KF],
      records: records.filter((r) => !(r.unitCode === KF.code && r.month === "2026-07")),
      events,
    });
    expect(row(e, KF).result).toBe("missing");
    expect(row(e, KF).note).toBe("2026年7月 未报送，本期暂不排名");
    expect(e.status).toBe("draft");
  });

  it("counts a 不合格 month as 0 without disqualifying the year", () => {
    // 开封 不合格 in May: (11 × 6700 + 0)/12 = 73700/12 = 6141.67 → 61.42; − 3 → 58.42
    const e = evaluate({
      period: { kind: "year", year: 2026 },
      units: [ZZ, KF],
      records,
      events: [...events, event(KF, "2026-05-20", "falsification")],
    });
    const kf = row(e, KF);
    expect([kf.result, kf.base, kf.total]).toEqual(["ranked", 61.42, 58.42]);
    expect(kf.note).toContain("2026年5月 不合格，按 0 分计入");
  });
});

describe("evaluate: order of the 考评事件 rows", () => {
  it("gives the same note for two falsifications in either order", () => {
    const f1 = event(ZZ, "2026-10-03", "falsification", undefined, "monthly", "甲");
    const f2 = event(ZZ, "2026-10-17", "falsification", undefined, "monthly", "乙");
    const input = { period: { kind: "month" as const, year: 2026, month: 10 }, units: [ZZ], records: [rec(ZZ, "2026-10")] };
    const a = evaluate({ ...input, events: [f1, f2] });
    const b = evaluate({ ...input, events: [f2, f1] });
    expect(b.rows).toEqual(a.rows);
    expect(a.rows[0].note).toBe("2026-10-03 经核查弄虚作假（甲），考评结果不合格；2026-10-17 经核查弄虚作假（乙），考评结果不合格");
  });
});

describe("缺报 as listed problems", () => {
  const unit = (code: string, name: string): Unit => ({ code, name, unitClass: "省辖市" });
  const units = [unit("410100", "郑州市"), unit("410200", "开封市")];

  it("is one problem when no unit reported in the month, naming the month", () => {
    const e = evaluate({ period: { kind: "month", year: 2026, month: 10 }, units, records: [] });
    expect(e.problems.map((p) => [p.code, p.message])).toEqual([["record.missing", "2026年10月 全部 2 个在考单位均未报送数据（缺报）"]]);
  });
});
