import { createWorkbook, snapshotSheet } from "./index";

// RangeFormat.useStandardHeight (ExcelApi 1.7), as Microsoft documents it: true where every row of the range
// has the sheet's standard height, null where the rows differ, false otherwise; setting it to true gives the
// rows back the standard height, and setting it to false does nothing.
describe("useStandardHeight gives rows back the sheet's standard height", () => {
  test("reads true, null or false, and true forgets the rows' own heights", async () => {
    const host = createWorkbook({ 修正记录: [["版本"], [2], [2]] });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("修正记录");
      ws.getRange("2:2").format.rowHeight = 47;
      const second = ws.getRange("2:2").format.load("useStandardHeight");
      const third = ws.getRange("3:3").format.load("useStandardHeight");
      const both = ws.getRange("2:3").format.load("useStandardHeight");
      await context.sync();
      expect([second.useStandardHeight, third.useStandardHeight, both.useStandardHeight]).toEqual([false, true, null]);
    });
    expect(snapshotSheet(host, "修正记录").rowHeights).toEqual({ "2": 47 });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("修正记录");
      ws.getRange("2:2").format.useStandardHeight = false;
      await context.sync();
    });
    expect(snapshotSheet(host, "修正记录").rowHeights).toEqual({ "2": 47 });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("修正记录");
      ws.getRange("2:3").format.useStandardHeight = true;
      await context.sync();
    });
    expect(snapshotSheet(host, "修正记录").rowHeights).toEqual({});
  });
});
