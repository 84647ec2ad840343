import { CellValue } from "./cells";
import { FIELDS, MEASURE_IDS, MeasureId } from "./catalogue";
import { CellRef, columnLetters } from "./problems";
import { RawRecord, readRecords } from "./records";
import { Unit } from "./units";

const ZZ: Unit = { code: "410100", name: "郑州市", unitClass: "省辖市" };
const KF: Unit = { code: "410200", name: "开封市", unitClass: "省辖市" };
const UNITS = [ZZ, KF];

const GOOD: Record<MeasureId, number> = {
  ordersTotal: 1000,
  manualQueued: 800,
  manualAnswered: 760,
  infoOrders: 900,
  infoInstant: 880,
  avgWaitSeconds: 18,
  transferDue: 50,
  transferOnTime: 48,
  crossCityDue: 10,
  crossCityOnTime: 9,
  instantRated: 200,
  instantSatisfied: 195,
  transferClosed: 50,
  revisited: 25,
  revisitRated: 20,
  revisitSatisfied: 19,
  reportsRequired: 4,
  reportsOnTime: 3,
  reportsLate: 1,
  inspectionMinor: 1,
  inspectionMajor: 0,
};

/** Column of each field on a unit sheet: 月份 in A, then the fields in catalogue order (B, C, …). */
const column = (id: string) => columnLetters(FIELDS.findIndex((f) => f.id === id) + 1);

function rec(unit: Unit, month: CellValue, over: Partial<Record<MeasureId, CellValue>> = {}, row = 5, withCells = true): RawRecord {
  const cells: Record<string, CellRef> = {};
  for (const f of FIELDS) cells[f.id] = { sheet: unit.name, cell: `${column(f.id)}${row}` };
  return { unitCode: unit.code, month, values: { ...GOOD, ...over }, cells: withCells ? cells : undefined };
}

const read = (records: RawRecord[], wanted = ["2026-10"]) => readRecords(records, UNITS, 2026, wanted);

describe("readRecords: a clean row", () => {
  it("gives the numbers and no problems", () => {
    const r = read([rec(ZZ, "2026-10")]);
    expect(r.problems).toEqual([]);
    expect(r.state("410100", "2026-10")).toEqual({ kind: "ok", values: GOOD });
  });

  it("reads every accepted month form", () => {
    for (const m of ["2026-10", "2026年10月", "2026/10", new Date(Date.UTC(2026, 9, 15)), 46300 /* 2026-10-05 as an Excel serial */, 10]) {
      const r = read([rec(ZZ, m)]);
      expect(r.state("410100", "2026-10")?.kind).toBe("ok");
    }
  });

  it("passes over rows of other months of the year", () => {
    const r = read([rec(ZZ, "2026-09", { manualQueued: -1 }), rec(ZZ, "2026-10")]);
    expect(r.problems).toEqual([]);
    expect([...r.byMonth.keys()]).toEqual(["2026-10"]);
  });

  it("marks a row without any figure as missing", () => {
    const blank = Object.fromEntries(MEASURE_IDS.map((id) => [id, null]));
    const r = read([rec(ZZ, "2026-10", blank)]);
    expect(r.state("410100", "2026-10")).toEqual({ kind: "missing" });
  });
});

describe("readRecords: errors make the unit-month pending", () => {
  function oneError(over: Partial<Record<MeasureId, CellValue>>, withCells = true) {
    const r = read([rec(ZZ, "2026-10", over, 5, withCells), rec(KF, "2026-10")]);
    const errors = r.problems.filter((p) => p.severity === "error");
    expect(errors).toHaveLength(1);
    expect(r.state("410100", "2026-10")).toEqual({ kind: "pending" });
    // the other unit is not affected
    expect(r.state("410200", "2026-10")!.kind).toBe("ok");
    return errors[0];
  }

  it("refuses a negative count, naming unit, field and cell", () => {
    const p = oneError({ manualQueued: -3 });
    expect(p.code).toBe("value.negative");
    expect(p.unitCode).toBe("410100");
    expect(p.field).toBe("manualQueued");
    expect(p.month).toBe("2026-10");
    expect(p.at).toEqual({ sheet: "郑州市", cell: "C5" });
    expect(p.message).toBe("郑州市 2026年10月 人工排队量（郑州市!C5） 为 -3，不能为负数");
  });

  it("names unit and field without a cell when no cells are known", () => {
    const p = oneError({ manualQueued: -3 }, false);
    expect(p.at).toBeUndefined();
    expect(p.message).toBe("郑州市 2026年10月 人工排队量 为 -3，不能为负数");
  });

  it("refuses a fractional count", () => {
    const p = oneError({ ordersTotal: 1000.5 });
    expect(p.code).toBe("value.fractional");
    expect(p.message).toBe("郑州市 2026年10月 工单总量（郑州市!B5） 为 1000.5，数量应为整数");
  });

  it("accepts fractional seconds", () => {
    const r = read([rec(ZZ, "2026-10", { avgWaitSeconds: 17.4 })]);
    expect(r.problems).toEqual([]);
  });

  // Every pair (part, whole) of the catalogue: the part may not exceed the whole.
  const pairs = FIELDS.filter((f) => "partOf" in f).map((f) => [f.id, (f as { partOf: MeasureId }).partOf] as [MeasureId, MeasureId]);
  it("knows the part-of pairs of spec §3", () => {
    expect(pairs).toEqual([
      ["manualAnswered", "manualQueued"],
      ["infoOrders", "ordersTotal"],
      ["infoInstant", "infoOrders"],
      ["transferOnTime", "transferDue"],
      ["crossCityOnTime", "crossCityDue"],
      ["instantSatisfied", "instantRated"],
      ["revisited", "transferClosed"],
      ["revisitRated", "revisited"],
      ["revisitSatisfied", "revisitRated"],
      ["reportsOnTime", "reportsRequired"],
    ]);
  });
  it.each(pairs)("refuses %s above %s", (part, whole) => {
    // Make the whole smaller than the part while keeping it at least the whole's own parts.
    const over: Partial<Record<MeasureId, number>> = { [part]: (GOOD[whole] as number) + 1 };
    // Parts of the part must stay below it; raising the part never breaks them.
    const r = read([rec(ZZ, "2026-10", over)]);
    const errors = r.problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => p.code)).toEqual(["value.partAboveWhole"]);
    expect(errors[0].field).toBe(part);
    expect(errors[0].at).toEqual({ sheet: "郑州市", cell: `${column(part)}5` });
    expect(errors[0].message).toContain(`（郑州市!${column(part)}5）`);
    expect(r.state("410100", "2026-10")).toEqual({ kind: "pending" });
  });

  it("says which whole a part exceeds", () => {
    const p = oneError({ manualAnswered: 801 });
    expect(p.message).toBe("郑州市 2026年10月 人工接听量（郑州市!D5） 为 801，大于人工排队量 800");
  });

  it("refuses reports on time plus late above those required", () => {
    // 3 + 2 = 5 > 4
    const p = oneError({ reportsLate: 2 });
    expect(p.code).toBe("value.reportsAboveRequired");
    expect(p.field).toBe("reportsLate");
    expect(p.message).toBe(`郑州市 2026年10月 逾期报送信息数（郑州市!${column("reportsLate")}5）：按时 3 + 逾期 2 超过应报送 4`);
  });

  it("accepts reports on time plus late equal to those required", () => {
    // 2 + 2 = 4
    expect(read([rec(ZZ, "2026-10", { reportsOnTime: 2, reportsLate: 2 })]).problems).toEqual([]);
  });

  it("refuses text where a number belongs", () => {
    const p = oneError({ transferDue: "五十" });
    expect(p.code).toBe("value.notNumber");
    expect(p.message).toBe(`郑州市 2026年10月 转办工单量（郑州市!${column("transferDue")}5） 为“五十”，不是数字`);
  });

  it.each(["#DIV/0!", "#N/A"])("refuses the error value %s given as text", (err) => {
    const p = oneError({ infoOrders: err });
    expect(p.code).toBe("value.cellError");
    expect(p.message).toBe(`郑州市 2026年10月 信息咨询类工单量（郑州市!${column("infoOrders")}5） 是错误值 ${err}`);
  });

  it("refuses an error value given as an error object", () => {
    const p = oneError({ infoOrders: { error: "#VALUE!" } });
    expect(p.code).toBe("value.cellError");
    expect(p.message).toContain("是错误值 #VALUE!");
  });

  it("refuses each blank field in an otherwise filled row", () => {
    const r = read([rec(ZZ, "2026-10", { crossCityDue: null, crossCityOnTime: "" })]);
    expect(r.problems.map((p) => [p.code, p.field, p.at?.cell])).toEqual([
      ["value.blank", "crossCityDue", `${column("crossCityDue")}5`],
      ["value.blank", "crossCityOnTime", `${column("crossCityOnTime")}5`],
    ]);
    expect(r.state("410100", "2026-10")).toEqual({ kind: "pending" });
  });

  it("refuses one blank field, naming it", () => {
    const p = oneError({ inspectionMajor: "  " });
    expect(p.code).toBe("value.blank");
    expect(p.message).toBe(`郑州市 2026年10月 督导严重问题数（郑州市!${column("inspectionMajor")}5） 未填写`);
  });

  it("refuses a percentage where a count belongs", () => {
    const p = oneError({ manualAnswered: "95%" });
    expect(p.code).toBe("value.percent");
  });

  it("refuses an error object whatever its text, without throwing", () => {
    // found by the junk-input property: { error: "" } used to be read as text and threw
    const p = oneError({ infoOrders: { error: "" } });
    expect(p.code).toBe("value.cellError");
    expect(p.message).toContain("是错误值 #VALUE!");
  });

  it("refuses a boolean and a date where a count belongs", () => {
    expect(oneError({ ordersTotal: true }).code).toBe("value.notNumber");
    expect(oneError({ ordersTotal: new Date(Date.UTC(2026, 9, 1)) }).code).toBe("value.notNumber");
  });

  it("refuses non-finite numbers", () => {
    expect(oneError({ ordersTotal: NaN }).code).toBe("value.cellError");
    expect(oneError({ ordersTotal: Infinity }).code).toBe("value.cellError");
  });
});

describe("readRecords: errors about rows", () => {
  it("refuses two rows for the same unit and month, naming both", () => {
    const r = read([rec(ZZ, "2026-10", {}, 5), rec(ZZ, "2026年10月", {}, 9)]);
    expect(r.problems.map((p) => [p.code, p.at?.cell])).toEqual([
      ["record.duplicateMonth", "A5"],
      ["record.duplicateMonth", "A9"],
    ]);
    expect(r.problems[0].message).toBe("郑州市 的 2026年10月 有 2 行数据（郑州市!A5）");
    expect(r.state("410100", "2026-10")).toEqual({ kind: "pending" });
  });

  it("refuses a month of another year", () => {
    const r = read([rec(ZZ, "2025-10")]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].code).toBe("record.otherYear");
    expect(r.problems[0].message).toBe("郑州市 有 2025年10月 的数据，不属于 2026 年度（郑州市!A5）");
    expect(r.problems[0].at).toEqual({ sheet: "郑州市", cell: "A5" });
  });

  it("refuses a month it cannot read", () => {
    const r = read([rec(ZZ, "十月份")]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].code).toBe("record.badMonth");
    expect(r.problems[0].message).toBe("郑州市 的月份“十月份”无法识别（郑州市!A5）");
    expect(read([rec(ZZ, "2026-13")]).problems[0].code).toBe("record.badMonth");
  });

  it("refuses a row without a month", () => {
    const r = read([rec(ZZ, null)]);
    expect(r.problems[0].code).toBe("record.noMonth");
    expect(r.problems[0].message).toBe("郑州市 的月份未填写（郑州市!A5）");
  });

  it("refuses a unit not in the list", () => {
    const r = read([{ unitCode: "999999", month: "2026-10", values: GOOD }]);
    expect(r.problems[0].code).toBe("record.unknownUnit");
    expect(r.byMonth.size).toBe(0);
  });
});

describe("readRecords: warnings keep the row", () => {
  function oneWarning(over: Partial<Record<MeasureId, CellValue>>) {
    const r = read([rec(ZZ, "2026-10", over)]);
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(r.problems).toHaveLength(1);
    const state = r.state("410100", "2026-10")!;
    expect(state.kind).toBe("ok");
    return { p: r.problems[0], values: state.kind === "ok" ? state.values : undefined };
  }

  it("warns about a connection rate below 50%", () => {
    // 399 / 800 = 49.875% → shown as 49.9%
    const { p } = oneWarning({ manualAnswered: 399 });
    expect(p.code).toBe("value.lowConnectRate");
    expect(p.message).toBe("郑州市 2026年10月 人工接听量（郑州市!D5） 仅为人工排队量的 49.9%，人工接通率低于 50%");
  });

  it("does not warn at exactly 50%", () => {
    expect(read([rec(ZZ, "2026-10", { manualAnswered: 400 })]).problems).toEqual([]);
  });

  it("warns about a wait above 300 seconds", () => {
    const { p } = oneWarning({ avgWaitSeconds: 301 });
    expect(p.code).toBe("value.longWait");
    expect(p.message).toBe(`郑州市 2026年10月 平均等待时长（秒）（郑州市!${column("avgWaitSeconds")}5） 为 301 秒，超过 300 秒`);
    expect(read([rec(ZZ, "2026-10", { avgWaitSeconds: 300 })]).problems).toEqual([]);
  });

  it("warns about a count written as text and uses its value", () => {
    const { p, values } = oneWarning({ reportsRequired: "96" });
    expect(p.code).toBe("value.text");
    expect(p.message).toBe(`郑州市 2026年10月 应报送信息数（郑州市!${column("reportsRequired")}5） 以文本“96”填写，已按 96 计算`);
    expect(values!.reportsRequired).toBe(96);
  });

  it("reads full-width digits, with a warning", () => {
    const { p, values } = oneWarning({ reportsRequired: "９６" });
    expect(p.code).toBe("value.text");
    expect(p.message).toContain("以文本“９６”填写，已按 96 计算");
    expect(values!.reportsRequired).toBe(96);
  });

  it("reads thousands separators in text", () => {
    const { values } = oneWarning({ ordersTotal: "1,000" });
    expect(values!.ordersTotal).toBe(1000);
  });
});
