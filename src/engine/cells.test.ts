import { displayText, isBlank, isEmptyCell, readDate, readNumber } from "./cells";
import { readMonth } from "./period";

// ExcelJS hands a date-formatted cell holding a number beyond its range (1e21) as a Date whose time is NaN.
const INVALID = new Date(NaN);

describe("a date cell that holds no date", () => {
  it("shows as 无效日期 in messages instead of throwing", () => {
    expect(displayText(INVALID)).toBe("无效日期");
  });

  it("is no number, no date and no month", () => {
    expect(readNumber(INVALID)).toEqual({ ok: false, reason: "date", text: "无效日期" });
    expect(readDate(INVALID)).toBeUndefined();
    expect(readMonth(INVALID)).toBeUndefined();
    expect(readMonth(INVALID, 2026)).toBeUndefined();
  });

  it("does not change how a valid date reads", () => {
    const oct9 = new Date(Date.UTC(2026, 9, 9));
    expect([displayText(oct9), readDate(oct9), readMonth(oct9)]).toEqual(["2026-10-09", "2026-10-09", "2026-10"]);
    expect(readNumber(oct9)).toEqual({ ok: false, reason: "date", text: "2026-10-09" });
  });
});

describe("numbers that are no dates or months", () => {
  it("read no date or month from serials out of Excel's range, 1e21 included", () => {
    for (const serial of [1e21, -1, 0, 2958466, NaN, Infinity]) {
      expect(readDate(serial)).toBeUndefined();
      expect(readMonth(serial, 2026)).toBeUndefined();
    }
  });
});

describe("isEmptyCell: nothing at all, so a write may go there", () => {
  it("holds for null, undefined and the empty string, not for a space, 0 or false, which isBlank reads as blank only for the space", () => {
    for (const v of [null, undefined, ""]) expect(isEmptyCell(v)).toBe(true);
    for (const v of [" ", "　", 0, false]) expect(isEmptyCell(v)).toBe(false);
    expect(isBlank(" ")).toBe(true);
    expect(isBlank(0)).toBe(false);
  });
});
