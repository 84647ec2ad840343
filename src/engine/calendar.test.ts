import { calendarKnowsYear, publicityEnd } from "./calendar";

describe("publicityEnd: the 5th working day after publication", () => {
  it("counts a normal week, the publication day itself not counted", () => {
    // Mon 2026-11-09 published: Tue 10 (1), Wed 11 (2), Thu 12 (3), Fri 13 (4), [Sat, Sun], Mon 16 (5)
    const p = publicityEnd("2026-11-09");
    expect(p.end).toBe("2026-11-16");
    expect(p.days).toBe(5);
    expect(p.unknownYears).toEqual([]);
    expect(p.warning).toBeUndefined();
  });

  it("skips a weekend when published on a Friday", () => {
    // Fri 2026-11-13: [Sat 14, Sun 15], Mon 16 (1) … Fri 20 (5)
    expect(publicityEnd("2026-11-13").end).toBe("2026-11-20");
  });

  it("starts counting on Monday when published on a Sunday", () => {
    // Sun 2026-11-15: Mon 16 (1) … Fri 20 (5)
    expect(publicityEnd("2026-11-15").end).toBe("2026-11-20");
  });

  it("skips 国庆/中秋 and counts the 调休 Saturday", () => {
    // Mon 2026-09-28: Tue 29 (1), Wed 30 (2), 10-1 … 10-7 off, Thu 10-8 (3), Fri 10-9 (4), Sat 10-10 worked (5)
    expect(publicityEnd("2026-09-28").end).toBe("2026-10-10");
  });

  it("counts the 调休 Sunday 2026-09-20", () => {
    // Fri 2026-09-18: [Sat 19], Sun 20 worked (1), Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 24 (5)
    expect(publicityEnd("2026-09-18").end).toBe("2026-09-24");
  });

  it("goes round 春节 2026", () => {
    // Fri 2026-02-13: Sat 2-14 worked (1), 2-15 … 2-23 off, Tue 2-24 (2), Wed 25 (3), Thu 26 (4), Fri 27 (5)
    expect(publicityEnd("2026-02-13").end).toBe("2026-02-27");
    // Fri 2026-02-27: Sat 2-28 worked (1), [Sun 3-1], Mon 3-2 (2), Tue 3 (3), Wed 4 (4), Thu 5 (5)
    expect(publicityEnd("2026-02-27").end).toBe("2026-03-05");
  });

  it("counts another number of days when asked", () => {
    // Mon 2026-11-09 + 1 working day = Tue 10; + 0 = the publication day
    expect(publicityEnd("2026-11-09", 1).end).toBe("2026-11-10");
    expect(publicityEnd("2026-11-09", 0).end).toBe("2026-11-09");
  });

  it("lets the workbook's 节假日调整 rows take precedence", () => {
    // Mon 2026-11-09 with Wed 11-11 declared off and Sat 11-14 declared a working day:
    // Tue 10 (1), [Wed 11 off], Thu 12 (2), Fri 13 (3), Sat 14 (4), [Sun 15], Mon 16 (5)
    const p = publicityEnd("2026-11-09", 5, [
      { date: "2026-11-11", workday: false },
      { date: "2026-11-14", workday: true },
    ]);
    expect(p.end).toBe("2026-11-16");
    // declaring the 调休 Saturday 2026-10-10 off: Mon 9-28 → 9-29 (1), 9-30 (2), 10-8 (3), 10-9 (4), [10-10, 10-11], Mon 10-12 (5)
    expect(publicityEnd("2026-09-28", 5, [{ date: "2026-10-10", workday: false }]).end).toBe("2026-10-12");
  });

  it("warns, naming the year, when the calendar does not know it", () => {
    expect(calendarKnowsYear(2026)).toBe(true);
    expect(calendarKnowsYear(2031)).toBe(false);
    // Mon 2031-03-03, weekends only: Tue 4 … Fri 7 (4), Mon 10 (5)
    const p = publicityEnd("2031-03-03", 5, [], "节假日调整");
    expect(p.end).toBe("2031-03-10");
    expect(p.unknownYears).toEqual([2031]);
    expect(p.warning).toContain("2031");
    expect(p.warning).toContain("请在“节假日调整”表中填写该年的放假与调休安排");
  });

  it("asks for the year without naming a sheet when the caller gives none", () => {
    expect(publicityEnd("2031-03-03").warning).toBe(
      "节假日数据未包含 2031 年，公示期截止日仅按周末推算，可能不准确；请补充该年的放假与调休安排。",
    );
  });

  it("warns when the count runs into an unknown year", () => {
    // Thu 2026-12-31 → into 2027: if the calendar does not carry 2027 the warning names it
    const p = publicityEnd("2026-12-31");
    if (calendarKnowsYear(2027)) expect(p.unknownYears).toEqual([]);
    else {
      expect(p.unknownYears).toEqual([2027]);
      expect(p.warning).toContain("2027");
    }
  });

  it("does not warn for an unknown year the workbook's overrides cover", () => {
    const p = publicityEnd("2031-03-03", 5, [{ date: "2031-03-05", workday: false }]);
    // Tue 4 (1), [Wed 5 off], Thu 6 (2), Fri 7 (3), Mon 10 (4), Tue 11 (5)
    expect(p.end).toBe("2031-03-11");
    expect(p.unknownYears).toEqual([]);
    expect(p.warning).toBeUndefined();
  });
});
