import { createWorkbook, listSheets, setCells, sheetValues, snapshotSheet, snapshotWorkbook } from "./index";

describe("snapshots capture what a user sees, for exact comparison", () => {
  test("a workbook built from plain data snapshots back to the same values", () => {
    const host = createWorkbook({
      考评单位: [
        ["代码", "名称"],
        [410100, "郑州市"],
      ],
      Empty: [],
    });
    expect(sheetValues(host, "考评单位")).toEqual([
      ["代码", "名称"],
      [410100, "郑州市"],
    ]);
    const snap = snapshotSheet(host, "Empty");
    expect([snap.extent, snap.values]).toEqual(["", []]);
    expect(listSheets(host)).toEqual([
      { name: "考评单位", position: 0, visibility: "Visible", active: true },
      { name: "Empty", position: 1, visibility: "Visible", active: false },
    ]);
  });

  test("snapshots run from A1 to the last used cell and include formulas, formats and fills", async () => {
    const host = createWorkbook();
    setCells(host, "Sheet1", "B2", [[1, "=B2*2"]]);
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("C2");
      r.numberFormat = [["0.00"]];
      r.format.fill.color = "#C6EFCE";
      await context.sync();
    });
    const snap = snapshotSheet(host, "Sheet1");
    expect(snap.extent).toBe("A1:C2");
    expect(snap.values).toEqual([
      ["", "", ""],
      ["", 1, 2],
    ]);
    expect(snap.formulas).toEqual([
      ["", "", ""],
      ["", 1, "=B2*2"],
    ]);
    expect(snap.text[1]).toEqual(["", "1", "2.00"]);
    expect(snap.numberFormats[1]).toEqual(["General", "General", "0.00"]);
    expect(snap.fills[1]).toEqual([null, null, "#C6EFCE"]);
  });

  test("a snapshot is plain JSON: equal before and after a round trip through JSON", () => {
    const host = createWorkbook({ S: [["a", 1, true, "=1/0"]] });
    const snap = snapshotWorkbook(host);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snap[0].values).toEqual([["a", 1, true, "#DIV/0!"]]);
  });

  test("any change shows up as a difference", async () => {
    const host = createWorkbook({ S: [["a"]] });
    const before = JSON.stringify(snapshotWorkbook(host));
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").format.font.italic = true;
      await context.sync();
    });
    expect(JSON.stringify(snapshotWorkbook(host))).not.toBe(before);
  });
});
