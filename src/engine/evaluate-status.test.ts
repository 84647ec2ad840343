import { evaluate } from "./evaluate";
import { totalEvents } from "./events";
import { problem } from "./problems";
import { DEFAULT_RULES } from "./rules";
import { Unit } from "./units";

const UNITS: Unit[] = [
  { code: "1", name: "甲市", unitClass: "省辖市" },
  { code: "2", name: "乙市", unitClass: "省辖市" },
];
const FULL = {
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
const period = { kind: "month", year: 2026, month: 10 } as const;

describe("the result's status and the rows of units whose data could not be used", () => {
  it("is final when every unit is scored and no table has errors", () => {
    const e = evaluate({ period, units: UNITS, records: UNITS.map((u) => ({ unitCode: u.code, month: "2026-10", values: FULL })) });
    expect(e.status).toBe("final");
    expect(e.draftReasons).toEqual([]);
  });

  it("lists a unit whose sheet could not be read as 数据待核, not 缺报, and says why the result is a draft", () => {
    const unreadable = problem("error", "sheet.noHeader", "乙市：找不到指标表头", "请按模板恢复表头。", {
      unitCode: "2",
      at: { sheet: "乙市", cell: "A1" },
    });
    const e = evaluate({ period, units: UNITS, records: [{ unitCode: "1", month: "2026-10", values: FULL }], problems: [unreadable] });
    const yi = e.rows.find((r) => r.unit.code === "2")!;
    expect(yi.result).toBe("pending");
    expect(e.status).toBe("draft");
    expect(e.draftReasons).toEqual(["有单位数据待核"]);
  });

  it("is a draft when a 考评事件 row could not be read, since a bonus or a 不合格 may be missing", () => {
    const badEvent = problem("error", "events.unit", "考评事件!B3：单位“丙市”不在考评单位名单中，该事件未计入", "请填写考评单位的全称。", {
      at: { sheet: "考评事件", cell: "B3" },
    });
    const e = evaluate({
      period,
      units: UNITS,
      records: UNITS.map((u) => ({ unitCode: u.code, month: "2026-10", values: FULL })),
      problems: [badEvent],
    });
    expect(e.rows.every((r) => r.result === "ranked")).toBe(true);
    expect(e.status).toBe("draft");
    expect(e.draftReasons).toEqual(["考评事件或考评单位表有错误"]);
  });
});

describe("a unit list that names a code twice", () => {
  it("keeps the first unit of the code, scores it from its rows, and reports the repeat as an error that makes the result a draft", () => {
    const units: Unit[] = [...UNITS, { code: "1", name: "甲市（重复）", unitClass: "省直管县" }];
    const e = evaluate({ period, units, records: UNITS.map((u) => ({ unitCode: u.code, month: "2026-10", values: FULL })) });
    expect(e.rows.map((r) => [r.unit.name, r.result])).toEqual([
      ["甲市", "ranked"],
      ["乙市", "ranked"],
    ]);
    expect(e.problems.map((p) => [p.code, p.message])).toEqual([["units.duplicate", "考评单位代码 1 重复（甲市（重复）），只按第一个计"]]);
    expect(e.draftReasons).toEqual(["考评事件或考评单位表有错误"]);
  });
});

describe("the lines that explain a bonus or a deduction", () => {
  it("name each counted event with its points, date, level and description, in date order", () => {
    const t = totalEvents(
      DEFAULT_RULES,
      [
        { date: "2026-10-20", unitCode: "1", type: "criticism", level: "city", scope: "monthly", description: "媒体曝光" },
        { date: "2026-10-15", unitCode: "1", type: "honour", level: "provincial", scope: "monthly", description: "文明窗口" },
      ],
      "1",
      new Set(["2026-10"]),
      "monthly",
    );
    // 省级 honour +1.00; 市级 criticism −1.00
    expect(t.lines).toEqual(["加分 +1.00：2026-10-15 省级荣誉奖励（文明窗口）", "减分 −1.00：2026-10-20 市级批评曝光（媒体曝光）"]);
  });
});

describe("a confirmed falsification (弄虚作假) where the data is missing or faulty", () => {
  const falsified = { date: "2026-10-12", unitCode: "2", type: "falsification", scope: "monthly" } as const;

  it("lists the unit as 不合格 for the month, not as 缺报, and keeps the result final", () => {
    const e = evaluate({ period, units: UNITS, records: [{ unitCode: "1", month: "2026-10", values: FULL }], events: [falsified] });
    const yi = e.rows.find((r) => r.unit.code === "2")!;
    expect(yi.result).toBe("disqualified");
    expect(yi.rank).toBeNull();
    expect(yi.note).toContain("弄虚作假");
    expect(e.status).toBe("final");
  });

  it("counts that month 0 in the quarter instead of holding the unit back", () => {
    const q = { kind: "quarter", year: 2026, quarter: 4 } as const;
    const records = ["2026-10", "2026-11", "2026-12"].flatMap((m) => UNITS.map((u) => ({ unitCode: u.code, month: m, values: FULL })));
    // 乙市's October row is gone, but October is 不合格 anyway: (0 + 67 + 67) / 3 = 44.67
    const withoutOct = records.filter((r) => !(r.unitCode === "2" && r.month === "2026-10"));
    const e = evaluate({ period: q, units: UNITS, records: withoutOct, events: [falsified] });
    const yi = e.rows.find((r) => r.unit.code === "2")!;
    expect(yi.result).toBe("ranked");
    expect(yi.total).toBe(44.67);
    expect(yi.note).toContain("2026年10月 不合格，按 0 分计入");
  });
});

describe("an event whose 分值 is not a number", () => {
  it("is reported and scored at its level's points, never as NaN", () => {
    const e = evaluate({
      period,
      units: UNITS,
      records: UNITS.map((u) => ({ unitCode: u.code, month: "2026-10", values: FULL })),
      events: [{ date: "2026-10-08", unitCode: "1", type: "honour", level: "provincial", scope: "monthly", points: Number.NaN }],
    });
    const jia = e.rows.find((r) => r.unit.code === "1")!;
    // 省级 honour: +1.00 → 68.00
    expect(jia.bonus).toBe(1);
    expect(jia.total).toBe(68);
    expect(e.problems.map((p) => p.code)).toContain("event.badPoints");
    expect(e.status).toBe("draft");
  });
});
