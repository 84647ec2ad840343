// The KAOPING functions as declared once: the runner reads each argument as its declaration says and
// returns every failure as an error result, the same for any host that calls it.

import { ruleTableRows } from "../engine";
import { FunctionResult, KAOPING_FUNCTIONS, kaopingFunction, runFunction } from "./declared";

const run = (id: string, ...args: unknown[]): FunctionResult => runFunction(kaopingFunction(id), args);

/** A call of each function that gives a number, its arguments as a host hands them over. */
const GOOD: Record<string, unknown[]> = {
  RATE: [95, 100],
  SCORE: ["A2", [[850]], 1000, ruleTableRows()],
  TOTAL: [[["人工排队量"]], [[1000]], 5000],
  RANK: [90, [[90], [85]], 0.95, [[0.95], [0.9]]],
  PUBLICITYEND: ["2026-11-06", 5, [["2026-11-10", "休息日"]]],
};

describe("the KAOPING functions declared once", () => {
  it("declare every argument's name, label and what blank and 0 mean", () => {
    for (const fn of KAOPING_FUNCTIONS) {
      expect(fn.args.length).toBeGreaterThan(0);
      for (const arg of fn.args) {
        expect(arg.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(arg.label).toMatch(/[\u4e00-\u9fff]/);
        expect(arg.means).toMatch(/空白/);
      }
    }
  });

  it("run a good call of each to its number", () => {
    // 95 ÷ 100; A2 850/1000 = 85 % between the 75 % and 95 % lines → 10 × 10/20 = 5; 90 tops 85; Fri 11-06 +5 working
    // days with Tue 11-10 off → Mon 11-16 (serial 46342).
    expect(run("RATE", ...GOOD.RATE)).toEqual({ value: 0.95 });
    expect(run("SCORE", ...GOOD.SCORE)).toEqual({ value: 5 });
    expect(run("RANK", ...GOOD.RANK)).toEqual({ value: 1 });
    expect(run("PUBLICITYEND", ...GOOD.PUBLICITYEND)).toEqual({ value: 46342 });
  });

  it("read an argument where a 0 is a blank the same with 0 as with an empty cell, for every such argument", () => {
    for (const fn of KAOPING_FUNCTIONS) {
      fn.args.forEach((arg, i) => {
        if (arg.zero !== "blank" || arg.kind === "rules") return;
        const withBlank = [...GOOD[fn.id]];
        const withZero = [...GOOD[fn.id]];
        withBlank[i] = arg.kind === "range" ? [[null, null]] : null;
        withZero[i] = arg.kind === "range" ? [[0, 0]] : 0;
        expect([fn.id, arg.name, runFunction(fn, withZero)]).toEqual([fn.id, arg.name, runFunction(fn, withBlank)]);
      });
    }
  });

  it("refuse more than one cell for a cell argument, naming it", () => {
    expect(run("RATE", [[1, 2]], 10)).toEqual({ error: "invalidValue", message: "分子应为单个单元格，收到 2 个单元格" });
    expect(run("RANK", [[1, 2]], [[1]])).toEqual({ error: "invalidValue", message: "分数应为单个单元格，收到 2 个单元格" });
  });

  it("pass an error value on where the argument says so, and read it as a value elsewhere", () => {
    expect(run("PUBLICITYEND", { error: "#DIV/0!" })).toEqual({ error: "divisionByZero", message: "" });
    expect(run("SCORE", { error: "#N/A" }, [[1]], 2)).toEqual({ error: "notAvailable", message: "指标是错误值 #N/A" });
    // A count reads an error as the count's problem (records.ts), the same error passed on.
    expect(run("RATE", { code: "#NUM!" }, 10)).toMatchObject({ error: "invalidNumber" });
  });

  it("turn a failure that is not the function's own into #VALUE! with what went wrong", () => {
    const thrower = {
      ...kaopingFunction("RATE"),
      compute: () => {
        throw new RangeError("boom");
      },
    };
    expect(runFunction(thrower, [1, 2])).toEqual({ error: "invalidValue", message: "计算出错：boom" });
  });
});
