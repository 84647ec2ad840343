// The ExcelJS adapter applies a change only after checkChange accepts it against the workbook as it
// is: a sheet the product did not make keeps its name and contents, a cell that holds a value keeps it.

import ExcelJS from "exceljs";
import { ChangeRefused, ProductSheet, REGISTRY_SHEET, WorkbookChange, describeRegistrySheet } from "../src/workbook";
import { workbookSheets } from "../src/adapters/xlsx/cells";
import { applyChange, writeSheet } from "../src/adapters/xlsx/writer";

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
  test("refuses to replace a sheet of the user's that has a product sheet's name, and changes nothing", () => {
    const wb = workbook();
    const before = contents(wb);
    const change: WorkbookChange = { ...nothing, sheets: [{ name: "数据校验", role: "validation", rows: [[{ value: "新" }]] }] };
    expect(() => applyChange(wb, change)).toThrow(ChangeRefused);
    expect(() => applyChange(wb, change)).toThrow("“数据校验”不是本工具生成的工作表，不会被改名、替换或追加内容；本次未写入任何内容。");
    expect(contents(wb)).toEqual(before);
  });

  test("refuses a value for a cell that holds one, and changes nothing", () => {
    const wb = workbook();
    const before = contents(wb);
    expect(() => applyChange(wb, { ...nothing, cellWrites: [{ sheet: "郑州市", cell: "B13", value: 999 }] })).toThrow(
      "郑州市!B13 已有内容，不会被覆盖；本次未写入任何内容。",
    );
    expect(contents(wb)).toEqual(before);
  });

  test("fills empty cells (a string as text), appends under the last row and grows the autofilter over it", () => {
    const wb = workbook();
    applyChange(wb, {
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
