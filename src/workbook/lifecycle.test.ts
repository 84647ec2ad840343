import { checkPublicationDate, lifecycleState, periodLastDay } from "./lifecycle";

describe("the publication date", () => {
  it("must come after the period's last day: a month, a quarter, a leap February", () => {
    expect(periodLastDay({ kind: "month", year: 2026, month: 10 })).toBe("2026-10-31");
    expect(periodLastDay({ kind: "quarter", year: 2026, quarter: 4 })).toBe("2026-12-31");
    expect(periodLastDay({ kind: "month", year: 2028, month: 2 })).toBe("2028-02-29");
    expect(checkPublicationDate({ kind: "month", year: 2026, month: 10 }, "2026-10-31").refused).toBe(
      "发布日期 2026-10-31 不晚于2026年10月的最后一天（2026-10-31）：考评期结束后才能发布结果，请更正发布日期",
    );
    expect(checkPublicationDate({ kind: "month", year: 2026, month: 10 }, "2026-11-01")).toEqual({});
    expect(checkPublicationDate({ kind: "quarter", year: 2026, quarter: 4 }, "2026-09-30").refused).toContain("2026年第4季度");
  });

  it("more than a year after the period is a warning, a year to the day is not", () => {
    const october = { kind: "month", year: 2026, month: 10 } as const;
    expect(checkPublicationDate(october, "2027-10-31")).toEqual({});
    expect(checkPublicationDate(october, "2027-11-01").warning).toBe(
      "发布日期 2027-11-01 距2026年10月结束（2026-10-31）已超过一年，请确认日期无误",
    );
  });
});

describe("the state of a result", () => {
  const base = { draft: false, published: "2026-11-05", end: "2026-11-12", version: 1 };
  it("is 草稿 with problems whatever else, 待发布 without a date", () => {
    expect(lifecycleState({ ...base, draft: true })).toBe("draft");
    expect(lifecycleState({ draft: false, version: 0 })).toBe("ready");
  });
  it("is 公示中 to the 公示期's last day, 正式 after it, 已更正 from the second version on", () => {
    expect(lifecycleState({ ...base, today: "2026-11-12" })).toBe("publicity");
    expect(lifecycleState({ ...base, today: "2026-11-13" })).toBe("final");
    expect(lifecycleState({ ...base, version: 2, today: "2026-11-09" })).toBe("corrected");
    expect(lifecycleState({ ...base, version: 2, today: "2027-01-01" })).toBe("corrected");
  });
});
