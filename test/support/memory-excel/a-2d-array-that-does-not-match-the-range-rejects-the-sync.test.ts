import { createWorkbook, inspectCell, MemoryExcelError } from "./index";

describe("a 2-D array that does not match the range rejects the sync", () => {
  test("wrong row or column count: InvalidArgument at sync, not at assignment", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => (range.values = [[1, 2, 3]])).not.toThrow();
      const error = await context.sync().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MemoryExcelError);
      expect((error as MemoryExcelError).code).toBe("InvalidArgument");
      expect((error as MemoryExcelError).message).toBe(
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
      expect((error as MemoryExcelError).debugInfo.errorLocation).toContain("values");
    });
  });

  test("ragged rows are refused too, for values, formulas and numberFormat", async () => {
    const host = createWorkbook();
    for (const prop of ["values", "formulas", "numberFormat"] as const) {
      await expect(
        host.run(async (context) => {
          const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
          range[prop] = [["a", "b"], ["c"]];
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  test("actions before the bad one in the same sync have been applied", async () => {
    const host = createWorkbook();
    await expect(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["first"]];
        sheet.getRange("A2:B2").values = [["too", "many", "cells"]];
        sheet.getRange("A3").values = [["never"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(inspectCell(host, "Sheet1", "A1").value).toBe("first");
    expect(inspectCell(host, "Sheet1", "A3").value).toBe("");
  });

  test("an invalid address fails the sync with InvalidArgument", async () => {
    const host = createWorkbook();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("not an address").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
