import { createWorkbook, MemoryExcelError } from "./index";

describe("reading a property before load and sync throws PropertyNotLoaded", () => {
  test("values are unavailable until load + sync, then available", async () => {
    const host = createWorkbook({ Sheet1: [[1, 2]] });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      expect(() => range.values).toThrow(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
      range.load("values");
      expect(() => range.values).toThrow(MemoryExcelError);
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      expect(() => range.address).toThrow(/'address' is not available/);
    });
  });

  test("the error carries Office's code and name", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      try {
        void sheet.name;
        throw new Error("expected a throw");
      } catch (e) {
        expect(e).toBeInstanceOf(MemoryExcelError);
        expect((e as MemoryExcelError).code).toBe("PropertyNotLoaded");
        expect((e as MemoryExcelError).name).toBe("RichApi.Error");
      }
    });
  });

  test("every load form works: strings, arrays, paths, select objects, option objects", async () => {
    const host = createWorkbook({ Sheet1: [["x"]] });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("address, rowCount");
      range.load(["columnCount"]);
      range.load("format/fill/color, format/font/bold");
      range.load({ select: "text" });
      range.load({ numberFormat: true, format: { columnWidth: true } });
      await context.sync();
      expect(range.address).toBe("Sheet1!A1");
      expect([range.rowCount, range.columnCount]).toEqual([1, 1]);
      expect(range.format.fill.color).toBe("#FFFFFF");
      expect(range.format.font.bold).toBe(false);
      expect(range.text).toEqual([["x"]]);
      expect(range.numberFormat).toEqual([["General"]]);
      expect(range.format.columnWidth).toBe(48);
    });
  });

  test("a property set locally reads back what was set, before any sync (as Office's proxies do)", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["=1+1"]];
      expect(range.values).toEqual([["=1+1"]]);
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([[2]]);
    });
  });

  test("a collection's items need loading; load('items/name') gives the names", async () => {
    const host = createWorkbook({ A: [], B: [] });
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items' is not available/);
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["A", "B"]);
      expect(() => sheets.items[0].visibility).toThrow(/'visibility' is not available/);
    });
  });

  test("isNullObject needs a sync; getItemOrNullObject of a missing sheet is a null object", async () => {
    const host = createWorkbook({ A: [] });
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("a");
      expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("A");
    });
  });

  test("the used range of an empty sheet is A1; OrNullObject gives a null object", async () => {
    const host = createWorkbook({ Empty: [], Data: [[], [null as unknown as string, 5]] });
    await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Empty").getUsedRange().load("address");
      const none = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
      const data = context.workbook.worksheets.getItem("Data").getUsedRange(true).load("address, values");
      await context.sync();
      expect(used.address).toBe("Empty!A1");
      expect(none.isNullObject).toBe(true);
      expect(data.address).toBe("Data!B2");
      expect(data.values).toEqual([[5]]);
    });
  });
});
