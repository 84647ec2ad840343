// A deterministic sample year for the 28 units (ranges from ../shared/data/typical-values.md), with an
// October that shows every rule at work: a tie resolved by 人工接通率, a tie that stays shared, a bonus,
// a deduction, a 不合格 and a zero denominator.

import { MeasureId, CellValue, monthKey, DEFAULT_UNITS, Unit } from "../engine";

export const DEMO_YEAR = 2026;
export const DEMO_MONTH = monthKey(DEMO_YEAR, 10);
export const DEMO_PUBLISHED = "2026-11-05";

/** The units October's special cases fall on (by name, for the README and the tests). */
export const DEMO_CASES = {
  resolvedTie: ["开封市", "洛阳市"],
  sharedTie: ["巩义市", "兰考县"],
  bonus: "郑州市",
  deduction: "安阳市",
  disqualified: "周口市",
  zeroDenominator: "新蔡县",
} as const;

/** mulberry32: a small seeded generator, so every run writes the same workbook. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Monthly order volume of a unit: 省辖市 1,000–30,000, 省直管县 100–3,000 (郑州 the largest). */
function volume(unit: Unit): number {
  if (unit.name === "郑州市") return 28000;
  const rnd = random(Number(unit.code));
  return unit.unitClass === "省辖市" ? Math.round(3000 + rnd() * 12000) : Math.round(600 + rnd() * 2000);
}

const SEASON = [0.9, 1.25, 0.95, 1.0, 1.05, 0.98, 1.12, 1.15, 1.02, 1.2, 0.97, 0.93];

export type MonthRecord = Record<MeasureId, number>;

/** One unit-month of realistic values. */
export function sampleMonth(unit: Unit, year: number, month: number): MonthRecord {
  const rnd = random(Number(unit.code) * 100 + year * 13 + month);
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const part = (whole: number, lo: number, hi: number) => Math.min(whole, Math.round(whole * between(lo, hi)));
  const ordersTotal = Math.round(volume(unit) * SEASON[month - 1] * between(0.92, 1.08));
  const manualQueued = Math.round(ordersTotal * between(0.95, 1.2));
  const manualAnswered = part(manualQueued, 0.9, 0.995);
  const infoOrders = part(ordersTotal, 0.92, 0.95);
  const infoInstant = part(infoOrders, 0.955, 0.998);
  const transferDue = Math.round(ordersTotal * between(0.04, 0.07));
  const transferClosed = part(transferDue, 0.9, 1);
  const revisited = part(transferClosed, 0.32, 0.58);
  const revisitRated = part(revisited, 0.8, 0.95);
  const crossCityDue = Math.round(between(2, unit.unitClass === "省辖市" ? 40 : 12));
  const instantRated = part(infoInstant, 0.3, 0.55);
  const reportsRequired = Math.round(between(2, 6));
  const reportsOnTime = Math.round(reportsRequired * between(0.6, 1));
  return {
    ordersTotal,
    manualQueued,
    manualAnswered,
    infoOrders,
    infoInstant,
    avgWaitSeconds: Math.round(between(9, 32) * 10) / 10,
    transferDue,
    transferOnTime: part(transferDue, 0.84, 1),
    crossCityDue,
    crossCityOnTime: part(crossCityDue, 0.8, 1),
    instantRated,
    instantSatisfied: part(instantRated, 0.955, 0.998),
    transferClosed,
    revisited,
    revisitRated,
    revisitSatisfied: part(revisitRated, 0.93, 0.995),
    reportsRequired,
    reportsOnTime,
    reportsLate: reportsRequired - reportsOnTime > 0 && rnd() < 0.5 ? 1 : 0,
    inspectionMinor: Math.floor(between(0, 3)),
    inspectionMajor: rnd() < 0.06 ? 1 : 0,
  };
}

const byName = (name: string) => DEFAULT_UNITS.find((u) => u.name === name)!;

/** October's engineered cases, applied on top of the sampled month. */
function october(unit: Unit, record: MonthRecord): MonthRecord {
  const [resolvedA, resolvedB] = DEMO_CASES.resolvedTie;
  const [sharedA, sharedB] = DEMO_CASES.sharedTie;
  // The resolved pair: the same month, except 人工接听量, both above the 95% full-points line.
  if (unit.name === resolvedA || unit.name === resolvedB) {
    const base = sampleMonth(byName(resolvedA), DEMO_YEAR, 10);
    const strong = { ...base, ordersTotal: 16000, manualQueued: 17000, avgWaitSeconds: 14.6, inspectionMinor: 1, inspectionMajor: 0 };
    return { ...strong, manualAnswered: unit.name === resolvedA ? 16543 : 16456 };
  }
  // The shared pair: identical months, so equal totals and equal rates.
  if (unit.name === sharedA || unit.name === sharedB) {
    const base = sampleMonth(byName(sharedA), DEMO_YEAR, 10);
    return {
      ...base,
      ordersTotal: 3200,
      manualQueued: 3300,
      manualAnswered: 3168,
      avgWaitSeconds: 12.4,
      inspectionMinor: 0,
      inspectionMajor: 0,
    };
  }
  if (unit.name === DEMO_CASES.zeroDenominator) return { ...record, crossCityDue: 0, crossCityOnTime: 0 };
  return record;
}

export function demoValues(unit: Unit, month: string): Partial<Record<MeasureId, CellValue>> {
  const m = Number(month.slice(5, 7));
  const record = sampleMonth(unit, DEMO_YEAR, m);
  return month === DEMO_MONTH ? october(unit, record) : record;
}

/** 考评事件 rows: 日期, 单位, 类型, 级别, 计入, 分值, 说明. */
export const DEMO_EVENTS: readonly (readonly CellValue[])[] = [
  ["2026-10-15", DEMO_CASES.bonus, "荣誉奖励", "省级", "月度", null, "获省级文明服务窗口表彰"],
  ["2026-10-20", DEMO_CASES.deduction, "批评曝光", "市级", "月度", null, "话务员服务态度被市级媒体曝光"],
  ["2026-10-12", DEMO_CASES.disqualified, "弄虚作假", null, "月度", null, "抽查发现回访记录系补录，经核查属实"],
  ["2026-06-18", "洛阳市", "荣誉奖励", "国家级", "年度", null, "获全国交通运输行业服务标兵"],
  ["2026-03-09", "南阳市", "批评曝光", "省级", "年度", null, "被省厅通报批评"],
];
