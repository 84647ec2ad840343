import { createWorkbook, inspectCell, listSheets } from "./index";

describe("queued writes are invisible until sync, and apply in order", () => {
  test("nothing reaches the document before sync", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["hello"]];
      context.workbook.worksheets.add("New");
      expect(inspectCell(host, "Sheet1", "A1").value).toBe("");
      expect(listSheets(host).map((s) => s.name)).toEqual(["Sheet1"]);
      await context.sync();
      expect(inspectCell(host, "Sheet1", "A1").value).toBe("hello");
      expect(listSheets(host).map((s) => s.name)).toEqual(["Sheet1", "New"]);
    });
  });

  test("a load sees the writes queued before it, not those after it", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [[1]];
      const before = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      range.values = [[2]];
      await context.sync();
      expect(before.values).toEqual([[1]]);
      expect(inspectCell(host, "Sheet1", "A1").value).toBe(2);
    });
  });

  test("Excel.run sends what is still queued when the batch ends", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [["late"]];
    });
    expect(inspectCell(host, "Sheet1", "B2").value).toBe("late");
    expect(host.requests.map((r) => r.implicit)).toEqual([true]);
  });

  test("a worksheet proxy follows its sheet through a rename", async () => {
    const host = createWorkbook({ Old: [] });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Old");
      sheet.name = "New";
      sheet.getRange("A1").values = [["still here"]];
      await context.sync();
      sheet.load("name");
      await context.sync();
      expect(sheet.name).toBe("New");
    });
    expect(inspectCell(host, "New", "A1").value).toBe("still here");
  });

  test("null entries leave cells unchanged; '' clears them", async () => {
    const host = createWorkbook({ Sheet1: [["a", "b", "c"]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [[null, "", "z"]];
      await context.sync();
    });
    expect(["A1", "B1", "C1"].map((a) => inspectCell(host, "Sheet1", a).value)).toEqual(["a", "", "z"]);
  });

  test("ranges derive from each other: getCell, getResizedRange, getOffsetRange, getRangeByIndexes", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const base = sheet.getRange("B2:C3");
      const cell = base.getCell(1, 1).load("address");
      const resized = base.getResizedRange(1, -1).load("address");
      const offset = base.getOffsetRange(2, 0).load("address");
      const byIndex = sheet.getRangeByIndexes(0, 0, 2, 3).load("address, rowCount, columnCount");
      await context.sync();
      expect(cell.address).toBe("Sheet1!C3");
      expect(resized.address).toBe("Sheet1!B2:B4");
      expect(offset.address).toBe("Sheet1!B4:C5");
      expect([byIndex.address, byIndex.rowCount, byIndex.columnCount]).toEqual(["Sheet1!A1:C2", 2, 3]);
    });
  });

  test("addresses quote sheet names as Excel does", async () => {
    const host = createWorkbook({ "2026年10月 考评结果": [], 考评单位: [] });
    await host.run(async (context) => {
      const a = context.workbook.worksheets.getItem("2026年10月 考评结果").getRange("A1:B2").load("address");
      const b = context.workbook.worksheets.getItem("考评单位").getRange("C3").load("address");
      await context.sync();
      expect(a.address).toBe("'2026年10月 考评结果'!A1:B2");
      expect(b.address).toBe("考评单位!C3");
    });
  });
});
