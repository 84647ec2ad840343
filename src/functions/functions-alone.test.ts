// With the shared runtime Excel may load the add-in only to calculate KAOPING.* formulas, the task pane
// hidden. The functions then run alone: loading them and calling every one of them makes no Excel call —
// no Excel.run, no sync — so a user who only opened the workbook pays for the formulas only.
// (`npm run bench -- functions` checks the same of the shipped dist/functions.js.)

import { MemoryExcel, installGlobals } from "../../test/support/memory-excel";
import { installCustomFunctionsShim } from "../../test/support/custom-functions-shim";
import { ruleTableRows } from "../engine";

describe("the custom functions alone", () => {
  it("load and calculate without reading or writing the workbook", () => {
    const host = new MemoryExcel();
    host.state.addSheet("评分规则");
    const globals = installGlobals(host);
    try {
      installCustomFunctionsShim();
      let f!: typeof import("./functions");
      jest.isolateModules(() => {
        f = require("./functions");
      });
      // Every function, with arguments as the template's cells hand them over.
      expect(f.rate(95, 100)).toBeCloseTo(0.95);
      expect(typeof f.score("A2", [[95]], 100)).toBe("number");
      expect(typeof f.score("A2", [[95]], 100, ruleTableRows())).toBe("number");
      expect(f.rank(90, [[90], [85]], 0.95, [[0.95], [0.9]])).toBe(1);
      expect(typeof f.publicityEnd("2026-11-09")).toBe("number");
      expect([host.runs, host.syncCalls, host.syncCount]).toEqual([0, 0, 0]);
    } finally {
      globals.uninstall();
    }
  });
});
