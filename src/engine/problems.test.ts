import { cellAddress, columnLetters, columnNumber, parseCellAddress } from "./problems";

describe("cell addresses", () => {
  it("turn column letters into numbers and back: A 1, Z 26, AA 27, AZ 52, XFD 16384", () => {
    expect(["A", "Z", "AA", "AZ", "XFD"].map(columnNumber)).toEqual([1, 26, 27, 52, 16384]);
    expect([1, 26, 27, 52, 16384].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "XFD"]);
  });

  it("read an A1 address with or without $ signs, and nothing else", () => {
    expect(parseCellAddress("D14")).toEqual({ row: 14, column: 4 });
    expect(parseCellAddress("$AG$13")).toEqual({ row: 13, column: 33 });
    expect(parseCellAddress(cellAddress(13, 33))).toEqual({ row: 13, column: 33 });
    expect(parseCellAddress("郑州市!D14")).toBeUndefined();
    expect(parseCellAddress("D")).toBeUndefined();
  });
});
