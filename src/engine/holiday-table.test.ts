import * as fs from "fs";
import * as path from "path";
import { getHolidaysInRange, isWorkday } from "chinese-days";
import { calendarKnowsYear, isCalendarWorkday } from "./calendar";
import { HOLIDAY_SOURCE, HOLIDAY_TABLE } from "./holiday-table";

const { source } = require("../../build/holiday-table") as { source: () => string };

/** Every date of `year`, YYYY-MM-DD. */
function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

describe("the holiday table generated from chinese-days", () => {
  const years = Object.keys(HOLIDAY_TABLE).map(Number);

  it("knows exactly the years chinese-days lists holidays for, 2004 to 2026 at least", () => {
    for (let year = 2000; year <= 2040; year++) {
      expect([year, calendarKnowsYear(year)]).toEqual([year, getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0]);
    }
    expect(years[0]).toBeLessThanOrEqual(2004);
    expect(years).toContain(2026);
  });

  it("says working day or day off as chinese-days does, for every day of every year it covers", () => {
    const differ: string[] = [];
    for (const year of years) for (const day of daysOf(year)) if (isCalendarWorkday(day) !== isWorkday(day)) differ.push(day);
    expect(differ).toEqual([]);
  });

  it("is the file build/holiday-table.js writes from the installed chinese-days", () => {
    const written = fs.readFileSync(path.join(__dirname, "holiday-table.ts"), "utf8");
    expect(written).toBe(source());
    expect(HOLIDAY_SOURCE).toMatch(/^chinese-days \d+\.\d+\.\d+$/);
  });
});
