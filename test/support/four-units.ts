// Four units whose October scores are worked out by hand from spec §4 (test/roundtrip.test.ts uses the
// same numbers): 甲市 68.00 (67 + a 省级 honour), 丁县 66.20, 丙市 65.50, 乙市 62.00.

import ExcelJS from "exceljs";
import { MeasureId, Unit } from "../../src/engine";
import { describeTemplate } from "../../src/workbook";
import { writeSheet } from "../../src/adapters/xlsx/writer";

export const UNITS: Unit[] = [
  { code: "900001", name: "甲市", unitClass: "省辖市" },
  { code: "900002", name: "乙市", unitClass: "省辖市" },
  { code: "900003", name: "丙市", unitClass: "省辖市" },
  { code: "900004", name: "丁县", unitClass: "省直管县" },
];

// Every indicator at full points: 96% connected (≥ 95%), 98% instant answers, 15 s wait, all on time,
// 98% satisfied, 50% revisited, all reports on time, no findings → 67.
export const FULL: Record<MeasureId, number> = {
  ordersTotal: 1000,
  manualQueued: 1000,
  manualAnswered: 960,
  infoOrders: 900,
  infoInstant: 882,
  avgWaitSeconds: 15,
  transferDue: 100,
  transferOnTime: 100,
  crossCityDue: 10,
  crossCityOnTime: 10,
  instantRated: 100,
  instantSatisfied: 98,
  transferClosed: 100,
  revisited: 50,
  revisitRated: 50,
  revisitSatisfied: 49,
  reportsRequired: 4,
  reportsOnTime: 4,
  reportsLate: 0,
  inspectionMinor: 0,
  inspectionMajor: 0,
};

export const OCTOBER_VALUES: Record<string, Partial<Record<MeasureId, number>>> = {
  甲市: {},
  // A2: 850/1000 = 85% → 10 × (85 − 75) / 20 = 5.00 → total 62.00
  乙市: { manualAnswered: 850 },
  // A1: 500 ÷ median(1000, 1000, 500) = 0.5 → 1.50 → total 65.50
  丙市: { ordersTotal: 500, infoOrders: 450, infoInstant: 441 },
  // A4: 18.2 s → 4 started seconds above 15 → 6 − 0.8 = 5.20; B2: no cross-city orders → full → 66.20
  丁县: { avgWaitSeconds: 18.2, crossCityDue: 0, crossCityOnTime: 0 },
};

/** October's values only (no other month has data). */
export function octoberValues(unit: Unit, month: string): Partial<Record<MeasureId, number>> | undefined {
  return month === "2026-10" ? { ...FULL, ...OCTOBER_VALUES[unit.name] } : undefined;
}

/** 甲市's 省级 honour in October: +1.00. */
export const EVENTS = [["2026-10-08", "甲市", "荣誉奖励", "省级", "月度", null, "表彰"]];

/** Row of October in a template unit sheet; column D is 人工接听量. */
export const OCT_ROW = 13;

export function fourUnitWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const spec of describeTemplate({ year: 2026, units: UNITS, values: octoberValues, events: EVENTS })) writeSheet(wb, spec);
  return wb;
}
