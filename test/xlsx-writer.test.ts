// The ExcelJS adapter applies a change only after checkChange accepts it against the workbook as it
// is: a sheet the product did not make keeps its name and contents, a cell that holds a value keeps it.

import ExcelJS from "exceljs";
import {
  ChangeRefused,
  HostPort,
  HostStep,
  ProductSheet,
  REGISTRY_SHEET,
  WorkbookChange,
  applyChange as applyThroughPort,
  describeRegistrySheet,
} from "../src/workbook";
import { workbookSheets } from "../src/adapters/xlsx/cells";
import { applyChange, writeSheet } from "../src/adapters/xlsx/writer";
import { xlsxPort } from "../src/adapters/xlsx/xlsx-port";
import { viewOfExcelJs } from "./support/what-a-user-sees";

const MINE: ProductSheet[] = [{ name: "修正记录", role: "corrections", created: "2026-11-05 09:30" }];

/** A user's sheet named 数据校验 (not in the registry), a user's input sheet, and the product's 修正记录. */
function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const own = wb.addWorksheet("数据校验");
  own.getCell("A1").value = "我自己的校验";
  const input = wb.addWorksheet("郑州市");
  input.getCell("B13").value = 1200;
  input.getCell("C13").numFmt = "0";
  const log = wb.addWorksheet("修正记录");
  log.getCell("A1").value = "生成时间";
  writeSheet(wb, describeRegistrySheet(MINE)).state = "veryHidden";
  return wb;
}

const nothing: WorkbookChange = { renames: [], sheets: [], appends: [], cellWrites: [], registry: MINE };

function contents(wb: ExcelJS.Workbook) {
  return { sheets: wb.worksheets.map((ws) => [ws.name, ws.state]), cells: workbookSheets(wb) };
}

describe("applyChange on an ExcelJS workbook", () => {
  test("refuses to replace a sheet of the user's that has a product sheet's name, and changes nothing", async () => {
    const wb = workbook();
    const before = contents(wb);
    const change: WorkbookChange = { ...nothing, sheets: [{ name: "数据校验", role: "validation", rows: [[{ value: "新" }]] }] };
    await expect(applyChange(wb, change)).rejects.toThrow(ChangeRefused);
    await expect(applyChange(wb, change)).rejects.toThrow(
      "“数据校验”不是本工具生成的工作表，不会被改名、替换或追加内容；本次未写入任何内容。",
    );
    expect(contents(wb)).toEqual(before);
  });

  test("refuses a value for a cell that holds one, and changes nothing", async () => {
    const wb = workbook();
    const before = contents(wb);
    await expect(applyChange(wb, { ...nothing, cellWrites: [{ sheet: "郑州市", cell: "B13", value: 999 }] })).rejects.toThrow(
      "郑州市!B13 已有内容，不会被覆盖；本次未写入任何内容。",
    );
    expect(contents(wb)).toEqual(before);
  });

  test("fills empty cells (a string as text), appends under the last row and grows the autofilter over it", async () => {
    const wb = workbook();
    await applyChange(wb, {
      ...nothing,
      cellWrites: [
        { sheet: "郑州市", cell: "C13", value: 1100 },
        { sheet: "郑州市", cell: "D13", value: "=1+2" },
      ],
      appends: [{ sheet: "修正记录", rows: [[{ value: "2026-11-06 10:00" }, { value: "2026年10月" }]], headerRow: 1 }],
    });
    const input = wb.getWorksheet("郑州市")!;
    expect([input.getCell("C13").value, input.getCell("C13").numFmt]).toEqual([1100, "0"]);
    expect([input.getCell("D13").value, input.getCell("D13").numFmt]).toEqual(["=1+2", "@"]);
    const log = wb.getWorksheet("修正记录")!;
    expect(log.getCell("A2").value).toBe("2026-11-06 10:00");
    expect(log.autoFilter).toBe("A1:B2");
    expect(wb.getWorksheet(REGISTRY_SHEET)!.state).toBe("veryHidden");
  });
});

describe("the ExcelJS host port under failure", () => {
  /** A change that writes a sheet, appends to 修正记录 and fills an empty cell of the user's. */
  const change: WorkbookChange = {
    ...nothing,
    sheets: [{ name: "2026年10月 考评结果", role: "result", rows: [[{ value: "名次", bold: true, fill: "#DDEEFF" }, { value: 1 }]] }],
    appends: [{ sheet: "修正记录", rows: [[{ value: "2026-11-06 10:00" }]], headerRow: 1, rowHeights: { 1: 30 } }],
    cellWrites: [{ sheet: "郑州市", cell: "C13", value: "待核" }],
    registry: [...MINE, { name: "2026年10月 考评结果", role: "result", period: "2026-10", created: "2026-11-06 10:00" }],
    activate: "2026年10月 考评结果",
  };

  /** xlsxPort with the k-th step (over every execute) failing, the steps before it applied. */
  function failingAt(wb: ExcelJS.Workbook, k: number): HostPort & { executed: number } {
    const port = xlsxPort(wb);
    const failing = {
      ...port,
      executed: 0,
      async execute(steps: readonly HostStep[]) {
        for (const step of steps) {
          if (++failing.executed === k) throw new Error(`injected at ${k}`);
          await port.execute([step]);
        }
      },
    };
    return failing;
  }

  test("a failure at any step leaves the workbook as it was, or past the commit point complete", async () => {
    const reference = workbook();
    const counted = failingAt(reference, 0);
    await applyThroughPort(counted, change, await counted.read());
    const after = viewOfExcelJs(reference);
    const outcomes: string[] = [];
    for (let k = 1; k <= counted.executed; k++) {
      const wb = workbook();
      const before = viewOfExcelJs(wb);
      const port = failingAt(wb, k);
      const outcome = await applyThroughPort(port, change, await port.read()).then(
        () => "done",
        () => "failed",
      );
      expect({ k, view: viewOfExcelJs(wb) }).toEqual({ k, view: outcome === "done" ? after : before });
      outcomes.push(outcome);
    }
    // After the registry's rename only the old registry's deletion and the calculation's resumption are left.
    expect(outcomes.join(" ")).toMatch(/^(failed )+done done$/);
  });
});
