// The functions and the ranking sheet never disagree: a month of sample data for all 28 units,
// computed cell by cell with KP.SCORE / KP.TOTAL / KP.RATE / KP.RANK (its tie-break as KP.RATE's rates
// and as the counts 人工接听量, 人工排队量) and with the engine's evaluate().

import { CellValue, DEFAULT_UNITS, MeasureId, RawRecord } from "../engine";
import { checkParity } from "../../test/support/parity-harness";
import { DEMO_MONTH, demoValues, random } from "../workbook/demo-data";

/** Draws from the sample generator (../sample/demo-data), so the sample is the same on every run. */
function generator(seed: number) {
  const next = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const part = (whole: number, lo: number, hi: number) => Math.min(whole, Math.round(whole * (lo + next() * (hi - lo))));
  return { next, int, part };
}

/** One plausible unit-month: every part within its whole. */
function sampleValues(seed: number): Record<MeasureId, number> {
  const g = generator(seed);
  const ordersTotal = g.int(800, 20000);
  const manualQueued = g.int(1000, 12000);
  const infoOrders = g.part(ordersTotal, 0.3, 0.6);
  const transferDue = g.int(40, 600);
  const crossCityDue = g.next() < 0.25 ? 0 : g.int(1, 30);
  const instantRated = g.int(50, 900);
  const transferClosed = g.int(40, 600);
  const revisited = g.part(transferClosed, 0.15, 0.8);
  const revisitRated = g.part(revisited, 0.6, 1);
  const reportsRequired = g.int(0, 12);
  const reportsOnTime = g.part(reportsRequired, 0.4, 1);
  return {
    ordersTotal,
    manualQueued,
    manualAnswered: g.part(manualQueued, 0.7, 1),
    infoOrders,
    infoInstant: g.part(infoOrders, 0.85, 1),
    avgWaitSeconds: Math.round(g.int(50, 400)) / 10,
    transferDue,
    transferOnTime: g.part(transferDue, 0.75, 1),
    crossCityDue,
    crossCityOnTime: g.part(crossCityDue, 0.7, 1),
    instantRated,
    instantSatisfied: g.part(instantRated, 0.75, 1),
    transferClosed,
    revisited,
    revisitRated,
    revisitSatisfied: g.part(revisitRated, 0.7, 1),
    reportsRequired,
    reportsOnTime,
    reportsLate: g.int(0, reportsRequired - reportsOnTime),
    inspectionMinor: g.int(0, 4),
    inspectionMajor: g.int(0, 2),
  };
}

const record = (unitCode: string, month: CellValue, values: Partial<Record<MeasureId, CellValue>>): RawRecord => ({
  unitCode,
  month,
  values,
});

/**
 * October 2026 for the 28 default units, with the cases the ranking must get right: two units tied on
 * total and rate (shared rank), one tied on total but not on rate (resolved by 人工接通率), a unit with
 * no queued calls, zero denominators, text numbers, a row with an impossible value (数据待核) and a
 * unit that did not report (缺报).
 */
function sampleMonth(): RawRecord[] {
  const units = DEFAULT_UNITS;
  const values = units.map((u, i) => sampleValues(1000 + i) as Record<MeasureId, CellValue>);
  // 郑州市 and 开封市 identical except the code: same total, same rate → shared rank.
  values[1] = { ...values[0] };
  // 洛阳市: same as 郑州市 but a different 人工接通率 that still earns full A2 points → resolved.
  values[0] = { ...values[0], manualQueued: 1000, manualAnswered: 970 };
  values[1] = { ...values[1], manualQueued: 1000, manualAnswered: 970 };
  values[2] = { ...values[0], manualAnswered: 960 };
  // 平顶山市: no queued calls (no 人工接通率; A2 by the zero-denominator policy).
  values[3] = { ...values[3], manualQueued: 0, manualAnswered: 0 };
  // 安阳市: text numbers, as pasted from an export.
  values[4] = { ...values[4], transferDue: String(values[4].transferDue), avgWaitSeconds: `${values[4].avgWaitSeconds}` };
  // 鹤壁市: an impossible value → 数据待核.
  values[5] = { ...values[5], transferOnTime: (values[5].transferDue as number) + 1 };
  // 新乡市 did not report (no row); 焦作市 reported no reports due and no cross-city orders.
  values[7] = { ...values[7], reportsRequired: 0, reportsOnTime: 0, reportsLate: 0, crossCityDue: 0, crossCityOnTime: 0 };
  return units.flatMap((u, i) => (i === 6 ? [] : [record(u.code, i % 2 ? "2026年10月" : "2026-10", values[i])]));
}

/** The default 评分规则 table typed in, with B2 left out at a zero denominator and A2 on other lines. */
function prorateRules(): CellValue[][] {
  return [
    ["编号", "指标", "方法", "分值", "参数1", "参数2", "分母为零", "说明"],
    ["A1", "工单数量", "同类中位数", 3, null, null, null, null],
    ["A2", "人工接通率", "线性区间", 10, "92%", "70%", "零分", null],
    ["A3", "信息咨询类即时答复率", "线性区间", 6, 0.98, 0.88, "满分", null],
    ["A4", "平均等待时长", "等待秒数扣分", 6, 15, 0.2, null, null],
    ["B1", "限时办结率", "线性区间", 10, 1, 0.8, "满分", null],
    ["B2", "跨市（直管县）工单办结率", "线性区间", 4, 1, 0.8, "不计入", null],
    ["B3", "即时答复满意率", "线性区间", 5, 0.98, 0.8, "满分", null],
    ["B4", "抽查回访率", "达标比例", 6, 0.5, null, "满分", null],
    ["B5", "回访满意率", "线性区间", 9, 0.98, 0.78, "满分", null],
    ["C1", "信息报送", "报送比例", 4, 0.5, null, "不计入", null],
    ["C2", "督导检查", "问题扣分", 4, 0.5, 2, null, null],
  ];
}

describe("parity of the KP functions with the ranking sheet", () => {
  it("gives every score, base, rate and rank of a sample month exactly as evaluate() does", () => {
    const report = checkParity(sampleMonth(), "2026-10");
    expect(report.mismatches).toEqual([]);
    // 26 ranked rows (28 − 新乡市 缺报 − 鹤壁市 待核) × (base, total, rank by rates, rank by counts, rate,
    // 11 scores) + the 待核 row.
    expect(report.compared).toBe(26 * 16 + 1);
  });

  it("agrees under a 评分规则 range with prorated and zero-scored indicators", () => {
    const report = checkParity(sampleMonth(), "2026-10", DEFAULT_UNITS, prorateRules());
    expect(report.mismatches).toEqual([]);
    expect(report.compared).toBe(26 * 16 + 1);
    // Left-out indicators really occurred: B2 or C1 with a zero denominator shows #N/A, A2 of 平顶山市 0.
    const leftOut = report.sheet.filter((r) => typeof r.scores.B2 !== "number" || typeof r.scores.C1 !== "number");
    expect(leftOut.length).toBeGreaterThan(1);
    expect(report.sheet.find((r) => r.unitCode === "410400")!.scores.A2).toBe(0);
  });

  it("reproduces the sample's ties: a shared rank and a rank decided by 人工接通率", () => {
    const { sheet } = checkParity(sampleMonth(), "2026-10");
    const row = (code: string) => sheet.find((r) => r.unitCode === code)!;
    const [zhengzhou, kaifeng, luoyang] = [row("410100"), row("410200"), row("410300")];
    expect(zhengzhou.total).toBe(kaifeng.total);
    expect(zhengzhou.total).toBe(luoyang.total);
    expect(zhengzhou.rank).toBe(kaifeng.rank);
    expect(luoyang.rank).toBe((zhengzhou.rank as number) + 2);
    expect(row("410600").total).toMatchObject({ error: "#VALUE!" }); // 鹤壁市 数据待核
    expect(row("410400").connectRate).toMatchObject({ error: "#DIV/0!" });
  });

  it("gives the demo's October (npm run demo) exactly as the ranking sheet does, unit by unit", () => {
    const records = DEFAULT_UNITS.map((u) => record(u.code, DEMO_MONTH, demoValues(u, DEMO_MONTH)));
    const report = checkParity(records, DEMO_MONTH);
    expect(report.mismatches).toEqual([]);
    // All 28 units report: (base, total, rank by rates, rank by counts, rate, 11 scores) each.
    expect(report.compared).toBe(28 * 16);
    // The demo's engineered ties hold in the functions too: 开封市 above 洛阳市 on the same total.
    const row = (name: string) => report.sheet.find((r) => r.unitCode === DEFAULT_UNITS.find((u) => u.name === name)!.code)!;
    expect(row("开封市").total).toBe(row("洛阳市").total);
    expect(row("开封市").rank).toBe((row("洛阳市").rank as number) - 1);
    expect(row("巩义市").rank).toBe(row("兰考县").rank);
  });
});
