import { createWorkbook, ExcelEnums, snapshotSheet } from "./index";

describe("charts keep legend, series and position; freezeAt sets rows and columns", () => {
  test("a bar chart's legend, category labels and position are recorded and follow a sheet rename", async () => {
    const host = createWorkbook({
      结果: [
        ["单位", "总分"],
        ["郑州市", 66],
        ["开封市", 63.5],
      ],
    });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("结果");
      const chart = sheet.charts.add(ExcelEnums.ChartType.barClustered as Excel.ChartType, sheet.getRange("B2:B3"), "Columns");
      chart.title.text = "总分";
      chart.legend.visible = false;
      chart.series.getItemAt(0).setXAxisValues(sheet.getRange("A2:A3"));
      chart.setPosition("D2");
      const series = chart.series.load("items/name");
      const legend = chart.legend.load("visible");
      await context.sync();
      expect(series.items.map((s) => s.name)).toEqual(["Series1"]);
      expect(legend.visible).toBe(false);
      sheet.name = "2026年10月 考评结果";
      await context.sync();
    });
    expect(snapshotSheet(host, "2026年10月 考评结果").charts).toEqual([
      {
        name: "Chart 1",
        type: "BarClustered",
        source: "'2026年10月 考评结果'!B2:B3",
        seriesBy: "Columns",
        title: "总分",
        legend: false,
        categories: "'2026年10月 考评结果'!A2:A3",
        position: "D2",
      },
    ]);
  });

  test("a series that does not exist, or x-axis values from a block, fail the sync", async () => {
    const host = createWorkbook({
      Sheet1: [
        ["a", 1, 2],
        ["b", 3, 4],
      ],
    });
    const run = (use: (chart: Excel.Chart, sheet: Excel.Worksheet) => void) =>
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        use(sheet.charts.add("BarClustered", sheet.getRange("B1:B2"), "Columns"), sheet);
        await context.sync();
      });
    await expect(run((chart, sheet) => chart.series.getItemAt(1).setXAxisValues(sheet.getRange("A1:A2")))).rejects.toMatchObject({
      code: "ItemNotFound",
    });
    await expect(run((chart, sheet) => chart.series.getItemAt(0).setXAxisValues(sheet.getRange("A1:C2")))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(run((chart) => chart.setPosition("Other!A1"))).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("freezeAt takes the top-left pane: A1:B5 keeps five rows and two columns, A1:A3 three rows and one column", async () => {
    const host = createWorkbook({ A: [], B: [] });
    await host.run(async (context) => {
      const a = context.workbook.worksheets.getItem("A");
      a.freezePanes.freezeAt(a.getRange("A1:B5"));
      context.workbook.worksheets.getItem("B").freezePanes.freezeAt("A1:A3");
      await context.sync();
    });
    expect([snapshotSheet(host, "A").frozenRows, snapshotSheet(host, "A").frozenColumns]).toEqual([5, 2]);
    expect([snapshotSheet(host, "B").frozenRows, snapshotSheet(host, "B").frozenColumns]).toEqual([3, 1]);
    await expect(
      host.run(async (context) => {
        const a = context.workbook.worksheets.getItem("A");
        a.freezePanes.freezeAt(context.workbook.worksheets.getItem("B").getRange("A1:B2"));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
