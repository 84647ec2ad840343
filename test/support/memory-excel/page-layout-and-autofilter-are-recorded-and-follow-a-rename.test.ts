import { createWorkbook, snapshotSheet } from "./index";

const rows = [
  ["名次", "单位", "总分"],
  [1, "郑州市", 66],
  [2, "开封市", 63.5],
];

describe("page layout and autofilter (ExcelApi 1.9) are recorded and follow a rename", () => {
  test("A4 landscape, one page wide, the header row on every page; a filter over the table", async () => {
    const host = createWorkbook({ 结果: rows });
    expect(snapshotSheet(host, "结果").pageLayout).toEqual({
      orientation: "Portrait",
      paperSize: "Letter",
      zoom: { scale: 100 },
      printTitleRows: null,
      printTitleColumns: null,
      centerFooter: null,
      // Excel's normal margins, in points.
      margins: { leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 },
    });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("结果");
      ws.pageLayout.paperSize = "A4";
      ws.pageLayout.orientation = "Landscape";
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.setPrintTitleRows("$1:$1");
      ws.pageLayout.setPrintTitleColumns("$A:$B");
      ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = "第 &P 页，共 &N 页";
      ws.pageLayout.leftMargin = 21.6;
      ws.autoFilter.apply(ws.getRange("A1:C3"));
      const enabled = ws.autoFilter.load("enabled");
      const range = ws.autoFilter.getRangeOrNullObject().load("address");
      await context.sync();
      expect([enabled.enabled, range.address]).toEqual([true, "结果!A1:C3"]);
      ws.name = "2026年10月 考评结果";
      await context.sync();
    });
    const snap = snapshotSheet(host, "2026年10月 考评结果");
    expect(snap.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "1:1",
      printTitleColumns: "A:B",
      centerFooter: "第 &P 页，共 &N 页",
      margins: { leftMargin: 21.6, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 },
    });
    expect(snap.autoFilter).toBe("A1:C3");
  });

  test("what Office refuses fails the sync: title rows that are not whole rows, a scale out of 10–400, an unknown paper", async () => {
    const host = createWorkbook({ 结果: rows });
    const attempt = (set: (ws: Excel.Worksheet) => void) =>
      host.run(async (context) => {
        set(context.workbook.worksheets.getItem("结果"));
        await context.sync();
      });
    await expect(attempt((ws) => ws.pageLayout.setPrintTitleRows("A1:C1"))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((ws) => ws.pageLayout.setPrintTitleColumns("A1:B3"))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((ws) => (ws.pageLayout.zoom = { scale: 5 }))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((ws) => (ws.pageLayout.paperSize = "A9" as Excel.PaperType))).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(snapshotSheet(host, "结果").pageLayout.printTitleRows).toBeNull();
  });

  test("borders (ExcelApi 1.1): edges on the outer cells, inside borders on both cells they separate", async () => {
    const host = createWorkbook({ 结果: rows });
    await host.run(async (context) => {
      const borders = context.workbook.worksheets.getItem("结果").getRange("A1:B2").format.borders;
      for (const index of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
        borders.getItem(index).style = "Continuous";
        borders.getItem(index).weight = "Thin";
      }
      borders.getItem("EdgeRight").weight = "Thick";
      await context.sync();
    });
    const thin = "Continuous/Thin";
    const snap = snapshotSheet(host, "结果");
    expect(snap.borders.A1).toEqual({ top: thin, bottom: thin, left: thin, right: thin });
    expect(snap.borders.B2).toEqual({ top: thin, bottom: thin, left: thin, right: "Continuous/Thick" });
    expect(snap.borders.C1).toBeUndefined();
  });

  test("a sheet without a filter gives a null range; remove takes a filter away", async () => {
    const host = createWorkbook({ 结果: rows });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("结果");
      const none = ws.autoFilter.getRangeOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
      ws.autoFilter.apply("A1:C3");
      ws.autoFilter.remove();
      await context.sync();
    });
    expect(snapshotSheet(host, "结果").autoFilter).toBeNull();
  });
});
