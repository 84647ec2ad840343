import { EventLevel, EventScope, EventType } from "./catalogue";
import { ScoringEvent, totalEvents } from "./events";
import { DEFAULT_RULES } from "./rules";

const ZZ = "410100";
const OCT = new Set(["2026-10"]);
const YEAR = new Set(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`));

const ev = (
  type: EventType,
  level: EventLevel | undefined,
  date = "2026-10-12",
  scope: EventScope = "monthly",
  extra: Partial<ScoringEvent> = {},
): ScoringEvent => ({
  date,
  unitCode: ZZ,
  type,
  level,
  scope,
  ...extra,
});
const monthly = (events: ScoringEvent[]) => totalEvents(DEFAULT_RULES, events, ZZ, OCT, "monthly");
const annual = (events: ScoringEvent[]) => totalEvents(DEFAULT_RULES, events, ZZ, YEAR, "annual");

describe("totalEvents: honours (荣誉奖励)", () => {
  it.each([
    ["national", 200],
    ["provincial", 100],
    ["city", 50],
  ] as const)("gives a %s honour its level's points (%p cents)", (level, cents) => {
    const t = monthly([ev("honour", level)]);
    expect(t.bonusCents).toBe(cents);
    expect(t.deductionCents).toBe(0);
    expect(t.notes).toEqual([]);
  });

  it("adds honours within the month up to the cap", () => {
    // 省级 1 + 市级 0.5 + 市级 0.5 = 2.00 (below 3)
    expect(monthly([ev("honour", "provincial"), ev("honour", "city"), ev("honour", "city")]).bonusCents).toBe(200);
    // 国家级 2 + 省级 1 = 3.00 (at the cap, no note)
    const atCap = monthly([ev("honour", "national"), ev("honour", "provincial")]);
    expect(atCap.bonusCents).toBe(300);
    expect(atCap.notes).toEqual([]);
  });

  it("caps the month's bonus at +3 with a note", () => {
    // 国家级 2 + 国家级 2 = 4 → 3
    const t = monthly([ev("honour", "national"), ev("honour", "national", "2026-10-30")]);
    expect(t.bonusCents).toBe(300);
    expect(t.notes).toEqual(["加分 4.00 超过月度上限，按 3.00 计"]);
  });

  it("leaves out events of another month, another unit, or scored in the year", () => {
    const t = monthly([
      ev("honour", "national", "2026-09-30"),
      ev("honour", "national", "2026-11-01"),
      { ...ev("honour", "national"), unitCode: "410200" },
      ev("honour", "national", "2026-10-05", "annual"),
    ]);
    expect(t.bonusCents).toBe(0);
  });
});

describe("totalEvents: the note's lines", () => {
  it("read the same whatever the order of rows that share a day and a description", () => {
    // Same day and 说明, different 分值 or level: ordered by type, level, then points (0.50 before 3.00).
    const half = ev("honour", undefined, "2026-10-17", "monthly", { description: "乙" });
    const three = ev("honour", undefined, "2026-10-17", "monthly", { description: "乙", points: 3 });
    const national = ev("honour", "national", "2026-10-17", "monthly", { description: "乙" });
    const criticism = ev("criticism", "city", "2026-10-17", "monthly", { description: "乙" });
    const expected = [
      "减分 −1.00：2026-10-17 市级批评曝光（乙）",
      "加分 +0.50：2026-10-17 荣誉奖励（乙）",
      "加分 +3.00：2026-10-17 荣誉奖励（乙）",
      "加分 +2.00：2026-10-17 国家级荣誉奖励（乙）",
    ];
    expect(monthly([three, half, national, criticism]).lines).toEqual(expected);
    expect(monthly([criticism, national, half, three]).lines).toEqual(expected);
  });
});

describe("totalEvents: criticism (批评曝光)", () => {
  it.each([
    ["national", 300],
    ["provincial", 200],
    ["city", 100],
  ] as const)("deducts a %s criticism's points (%p cents)", (level, cents) => {
    expect(monthly([ev("criticism", level)]).deductionCents).toBe(cents);
  });

  it("caps the month's deduction at −6 with a note", () => {
    // 3 + 3 + 2 = 8 → 6
    const t = monthly([ev("criticism", "national"), ev("criticism", "national"), ev("criticism", "provincial")]);
    expect(t.deductionCents).toBe(600);
    expect(t.notes).toEqual(["减分 8.00 超过月度上限，按 6.00 计"]);
  });

  it("keeps bonus and deduction apart", () => {
    // +1 and −2
    const t = monthly([ev("honour", "provincial"), ev("criticism", "provincial")]);
    expect([t.bonusCents, t.deductionCents]).toEqual([100, 200]);
  });
});

describe("totalEvents: the row's own 分值", () => {
  it("overrides the level's default", () => {
    // 省级 would be 1; the row says 1.5
    expect(monthly([ev("honour", "provincial", undefined, undefined, { points: 1.5 })]).bonusCents).toBe(150);
    // 市级 criticism would be 1; the row says 2.5 (written −2.5 or 2.5 alike)
    expect(monthly([ev("criticism", "city", undefined, undefined, { points: -2.5 })]).deductionCents).toBe(250);
    expect(monthly([ev("criticism", "city", undefined, undefined, { points: 2.5 })]).deductionCents).toBe(250);
  });

  it("still obeys the cap", () => {
    // 2.5 + 1.5 = 4 → 3
    const t = monthly([
      ev("honour", "city", undefined, undefined, { points: 2.5 }),
      ev("honour", "city", undefined, undefined, { points: 1.5 }),
    ]);
    expect(t.bonusCents).toBe(300);
  });
});

describe("totalEvents: the year", () => {
  it("adds only events scored in the year", () => {
    // annual: 国家级 2 (Mar) + 省级 1 (Oct) = 3; the monthly 国家级 is not part of it
    const t = annual([
      ev("honour", "national", "2026-03-02", "annual"),
      ev("honour", "provincial", "2026-10-12", "annual"),
      ev("honour", "national", "2026-10-12", "monthly"),
    ]);
    expect(t.bonusCents).toBe(300);
  });

  it("caps the year's bonus at +5 and deduction at −10", () => {
    // bonus 2 + 2 + 2 = 6 → 5; deduction 3 × 4 = 12 → 10
    const t = annual([
      ev("honour", "national", "2026-01-10", "annual"),
      ev("honour", "national", "2026-05-10", "annual"),
      ev("honour", "national", "2026-12-10", "annual"),
      ev("criticism", "national", "2026-02-10", "annual"),
      ev("criticism", "national", "2026-03-10", "annual"),
      ev("criticism", "national", "2026-04-10", "annual"),
      ev("criticism", "national", "2026-06-10", "annual"),
    ]);
    expect(t.bonusCents).toBe(500);
    expect(t.deductionCents).toBe(1000);
    expect(t.notes).toEqual(["加分 6.00 超过年度上限，按 5.00 计", "减分 12.00 超过年度上限，按 10.00 计"]);
  });

  it("does not cap an annual +4 at the monthly +3", () => {
    // 国家级 2 + 国家级 2 in the same month, scored in the year: 4 ≤ 5
    expect(annual([ev("honour", "national", "2026-10-01", "annual"), ev("honour", "national", "2026-10-02", "annual")]).bonusCents).toBe(
      400,
    );
  });
});

describe("totalEvents: falsification (弄虚作假)", () => {
  it("makes the month 不合格", () => {
    const f = ev("falsification", undefined, "2026-10-20", "monthly", { description: "虚报工单" });
    const t = monthly([f]);
    expect(t.disqualified).toBe(true);
    expect(t.falsifications).toEqual([f]);
    expect(t.bonusCents).toBe(0);
    expect(t.deductionCents).toBe(0);
  });

  it("belongs to its month whatever its 计入 says", () => {
    expect(monthly([ev("falsification", undefined, "2026-10-20", "annual")]).disqualified).toBe(true);
    expect(annual([ev("falsification", undefined, "2026-10-20", "annual")]).disqualified).toBe(false);
  });

  it("lists several falsifications by date, whatever the order of the rows", () => {
    const a = ev("falsification", undefined, "2026-10-03", "monthly", { description: "甲" });
    const b = ev("falsification", undefined, "2026-10-17", "monthly", { description: "乙" });
    expect(monthly([b, a]).falsifications).toEqual([a, b]);
    expect(monthly([a, b]).falsifications).toEqual([a, b]);
  });

  it("does not touch other months", () => {
    expect(monthly([ev("falsification", undefined, "2026-09-20")]).disqualified).toBe(false);
  });
});
