// What a full recalculation of the province's workbook hands to the add-in's functions, counted from the
// formulas' arguments, and the volatile functions a formula would call.

import { DEFAULT_UNITS } from "../../src/engine";
import { cellRangeSize, formulaLoad, functionLoad, volatileCalls } from "./function-load";
import { describeTemplate } from "../../src/workbook/template";
import { demoValues } from "../../src/workbook/demo-data";

describe("the load of KAOPING.* on a full recalculation", () => {
  it("a full-year 28-unit workbook hands 33,264 cell values and 3,696 indicator literals to 3,696 KAOPING.SCORE calls", () => {
    // 28 units × 12 months × 11 indicators = 3,696 calls, each with its indicator as a literal and its rule row
    // (B:H, 7 cells). Value and third argument: A1 1 + MEDIAN 1; A2, A3, B1–B5 1 + 1; A4 1; C1 2 + 1; C2 1 + 1.
    // Per unit-month: 7 × 11 + (2 + 2 × 7 + 1 + 3 + 2) = 77 + 22 = 99 values; 336 unit-months → 33,264.
    expect(DEFAULT_UNITS).toHaveLength(28);
    const load = functionLoad(describeTemplate({ year: 2026, values: demoValues }));
    expect(load).toEqual({ calls: 3_696, values: 33_264, literals: 3_696 });
    expect(load.values).toBeLessThanOrEqual(40_000);
  });

  it("is the same for an empty template: the formulas, not the data, decide the load", () => {
    expect(functionLoad(describeTemplate({ year: 2027 }))).toEqual({ calls: 3_696, values: 33_264, literals: 3_696 });
  });

  it("the centres' template hands nothing to the add-in", () => {
    expect(functionLoad(describeTemplate({ year: 2027, flavour: "centres" }))).toEqual({ calls: 0, values: 0, literals: 0 });
  });

  it("counted the earlier way, one call with the whole 评分规则 table handed 322 values (1 + 1 + 40 × 8)", () => {
    expect(formulaLoad(`=IF(COUNTA($B13:$V13)=0,"",KAOPING.SCORE("A2",D13,C13,'评分规则'!$A$1:$H$40))`)).toEqual({
      calls: 1,
      values: 322,
      literals: 1,
    });
  });

  it("counts a range's cells, a reference or an expression as one value, and a whole column as 1,048,576 cells", () => {
    expect(cellRangeSize("'评分规则'!$B$3:$H$3")).toBe(7);
    expect(cellRangeSize("'it''s'!S13:T13")).toBe(2);
    expect(cellRangeSize("D13")).toBe(1);
    expect(cellRangeSize("B:B")).toBe(1_048_576);
    expect(cellRangeSize("MEDIAN(B13,C13)")).toBeUndefined();
    expect(formulaLoad(`=KAOPING.SCORE("A1",B13,MEDIAN(B13,'开封市'!B13),'评分规则'!$B$2:$H$2)`)).toEqual({
      calls: 1,
      values: 9,
      literals: 1,
    });
  });
});

describe("volatile functions in a formula", () => {
  it("are found by name where they are called, not inside text", () => {
    expect(volatileCalls(`=IFERROR(INDEX(INDIRECT("'x'!B:B"),MATCH("郑州市",INDIRECT("'x'!B:B"),0)),"")`)).toEqual(["INDIRECT"]);
    expect(volatileCalls(`=TODAY()+offset(A1,1,1)`)).toEqual(["OFFSET", "TODAY"]);
    expect(volatileCalls(`=IF(A1="NOW()","",SUM(B1:B3))`)).toEqual([]);
    expect(volatileCalls(`=KAOPING.RANK(A1,A1:A3)`)).toEqual([]);
  });
});
