import { createWorkbook, inspectCell } from "./index";

describe("text starting with = is a formula unless the cell is formatted as text", () => {
  test("writing '=1+1' to a General cell stores a formula; values read its result", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [["=1+1", "=A1*10"]];
      await context.sync();
      range.load("values, formulas");
      await context.sync();
      expect(range.values).toEqual([[2, 20]]);
      expect(range.formulas).toEqual([["=1+1", "=A1*10"]]);
    });
    expect(inspectCell(host, "Sheet1", "A1").formula).toBe("=1+1");
  });

  test("with numberFormat '@' set first (same batch), the text is stored as typed", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:D1");
      range.numberFormat = [["@", "@", "@", "@"]];
      range.values = [["=1+1", "+86 371", "-abc", "@home"]];
      await context.sync();
      range.load("values, formulas, text");
      await context.sync();
      expect(range.values).toEqual([["=1+1", "+86 371", "-abc", "@home"]]);
      expect(range.formulas).toEqual([["=1+1", "+86 371", "-abc", "@home"]]);
    });
    expect(inspectCell(host, "Sheet1", "A1").formula).toBeUndefined();
  });

  test("order matters: numberFormat '@' set after the value is too late", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["=1+1"]];
      range.numberFormat = [["@"]];
      await context.sync();
    });
    expect(inspectCell(host, "Sheet1", "A1")).toMatchObject({ formula: "=1+1", value: 2 });
  });

  test("'+…' and '-…' that are not numbers become formulas; numeric text becomes numbers", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1").values = [["-abc", "+1+2", "410100", "-3.5", "TRUE", "97.31%"]];
      await context.sync();
    });
    const cells = ["A1", "B1", "C1", "D1", "E1", "F1"].map((a) => inspectCell(host, "Sheet1", a));
    expect(cells.map((c) => c.value)).toEqual(["#NAME?", 3, 410100, -3.5, true, 0.9731]);
    expect(cells[0].formula).toBe("=-abc");
    expect(cells[5].numberFormat).toBe("0.00%");
  });

  test("date-like text becomes a date serial, as typed into Excel", async () => {
    const host = createWorkbook({ Sheet1: [["2026-10", "2026-10-05"]] });
    expect(inspectCell(host, "Sheet1", "A1")).toMatchObject({ value: 46296, numberFormat: "mmm-yy", text: "Oct-26" });
    expect(inspectCell(host, "Sheet1", "B1")).toMatchObject({ value: 46300, text: "2026/10/5" });
  });

  test("Excel errors come back as strings such as '#DIV/0!'", async () => {
    const host = createWorkbook({ Sheet1: [[1, 0, "=A1/B1", "=NOSUCH(1)", "=Missing!A1", '=IFERROR(A1/B1,"—")']] });
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("C1:F1").load("values, valueTypes, text");
      await context.sync();
      expect(r.values).toEqual([["#DIV/0!", "#NAME?", "#REF!", "—"]]);
      expect(r.valueTypes).toEqual([["Error", "Error", "Error", "String"]]);
      expect(r.text[0][0]).toBe("#DIV/0!");
    });
  });

  test("formulas across sheets and common functions evaluate; custom functions can be registered", async () => {
    const host = createWorkbook({
      数据: [[3, 4, 5]],
      Sheet2: [["=SUM(数据!A1:C1)", "=ROUND(2/3,2)", "=KP.RATE(数据!A1,数据!B1)", '="a"&"b"']],
    });
    host.registerFunction("KP.RATE", (a, b) => (a as number) / (b as number));
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet2").getRange("A1:D1").load("values");
      await context.sync();
      expect(r.values).toEqual([[12, 0.67, 0.75, "ab"]]);
    });
  });

  test("text renders through the number format", async () => {
    const host = createWorkbook({ Sheet1: [[0.97314, 63.5, 1234.5]] });
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      r.numberFormat = [["0.00%", "0.00", "#,##0.00"]];
      r.load("text");
      await context.sync();
      expect(r.text).toEqual([["97.31%", "63.50", "1,234.50"]]);
    });
  });
});
