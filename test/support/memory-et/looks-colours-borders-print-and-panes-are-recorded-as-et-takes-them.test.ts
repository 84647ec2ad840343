import { createEt, viewOfMemoryEt } from ".";

const setUp = () => {
  const et = createEt({
    表: [
      ["a", "b"],
      ["c", "d"],
    ],
  });
  return { ...et, ws: et.app.ActiveWorkbook!.Worksheets.Item(1) };
};

test("colours are BGR integers: 0x0000FF is red, and a #RRGGBB string is refused", () => {
  const { ws, host } = setUp();
  ws.Range("A1").Interior.Color = 0x0000ff;
  ws.Range("B1").Font.Color = 0xff0000;
  expect(() => ((ws.Range("A2").Interior as { Color: unknown }).Color = "#FF0000")).toThrow(/BGR/);
  const cells = viewOfMemoryEt(host).sheets[0].cells;
  expect(cells.A1.fill).toBe("#FF0000");
  expect(cells.B1.fontColor).toBe("#0000FF");
});

test("a mixed range reads back null for a look its cells do not share", () => {
  const { ws } = setUp();
  ws.Range("A1").Font.Bold = true;
  expect(ws.Range("A1").Font.Bold).toBe(true);
  expect(ws.Range("A1:B1").Font.Bold).toBeNull();
});

test("borders by index: the outer edges 7–10 and the inside lines 11–12 (of a range with cells on both sides); other indexes throw", () => {
  const { ws, host } = setUp();
  for (const i of [7, 8, 9, 10, 11, 12] as Et.XlBordersIndex[]) {
    ws.Range("A1:B2").Borders.Item(i).LineStyle = 1;
    ws.Range("A1:B2").Borders.Item(i).Weight = 2;
  }
  expect(() => ws.Range("A1").Borders.Item(13 as Et.XlBordersIndex)).toThrow(/边框索引/);
  expect(() => ws.Range("A1:A2").Borders.Item(11 as Et.XlBordersIndex)).toThrow(/内部边框/);
  expect(() => ws.Range("A1:B1").Borders.Item(12 as Et.XlBordersIndex)).toThrow(/内部边框/);
  const cells = viewOfMemoryEt(host).sheets[0].cells;
  for (const a of ["A1", "B1", "A2", "B2"]) expect(cells[a].border).toBe("thin/thin/thin/thin");
});

test("fit to pages counts only while Zoom is false; titles, footer and margins are kept as given", () => {
  const { ws, host } = setUp();
  const page = ws.PageSetup;
  page.Orientation = 2 as Et.XlPageOrientation;
  page.PaperSize = 9 as Et.XlPaperSize;
  page.FitToPagesWide = 2;
  page.FitToPagesTall = false;
  expect(viewOfMemoryEt(host).sheets[0].print.fit).toBeNull();
  page.Zoom = false;
  page.PrintTitleRows = "$6:$6";
  page.CenterFooter = "第 &P 页";
  page.TopMargin = 36;
  expect(viewOfMemoryEt(host).sheets[0].print).toMatchObject({
    orientation: "landscape",
    paper: "A4",
    fit: { wide: 2, tall: 0 },
    titleRows: "6:6",
    footer: "第 &P 页",
    margins: "0.7/0.7/0.5/0.75/0.3/0.3",
  });
});

test("panes freeze on the active window's sheet at SplitRow/SplitColumn", () => {
  const { app, host } = setUp();
  const w = app.ActiveWindow;
  w.SplitRow = 5;
  w.SplitColumn = 2;
  w.FreezePanes = true;
  expect(viewOfMemoryEt(host).sheets[0].frozen).toEqual({ rows: 5, columns: 2 });
});

test("AutoFilter() toggles: on over the range, off again on a second call", () => {
  const { ws, host } = setUp();
  ws.Range("A1:B2").AutoFilter();
  expect(ws.AutoFilterMode).toBe(true);
  expect(ws.AutoFilter!.Range.Address()).toBe("$A$1:$B$2");
  ws.Range("A1:B2").AutoFilter();
  expect(ws.AutoFilter).toBeNull();
  expect(viewOfMemoryEt(host).sheets[0].autoFilter).toBeNull();
});

test("a second validation or comment on the same cells is refused until the first is deleted", () => {
  const { ws } = setUp();
  ws.Range("A1:A2").Validation.Add(1 as Et.XlDVType, 1, 7, "0");
  expect(() => ws.Range("A2").Validation.Add(1 as Et.XlDVType, 1, 7, "0")).toThrow(/已有数据有效性/);
  ws.Range("A1:A2").Validation.Delete();
  ws.Range("A2").Validation.Add(3 as Et.XlDVType, 1, undefined, "是,否");
  ws.Range("B1").AddComment("说明");
  expect(() => ws.Range("B1").AddComment("again")).toThrow(/已有批注/);
  expect(ws.Range("B1").Comment!.Text()).toBe("说明");
  expect(ws.Range("B2").Comment).toBeNull();
});

test("column widths are characters, drawn as 7 pixels each plus 5 of padding; row heights are points", () => {
  const { ws, host } = setUp();
  ws.Range("A:A").ColumnWidth = (70 - 5) / 7;
  ws.Range("2:2").RowHeight = 30;
  const view = viewOfMemoryEt(host).sheets[0];
  expect(view.columnWidths).toEqual({ A: 52.5 });
  expect(view.rowHeights).toEqual({ "2": 30 });
  ws.Range("2:2").UseStandardHeight = true;
  expect(viewOfMemoryEt(host).sheets[0].rowHeights).toEqual({});
});

test("an address of several areas (up to 255 characters) takes looks on every area, and refuses values and merges", () => {
  const { ws, host } = setUp();
  const both = ws.Range("A1,B2");
  both.Font.Bold = true;
  both.Interior.Color = 0x00ff00;
  const cells = viewOfMemoryEt(host).sheets[0].cells;
  expect([cells.A1.bold, cells.B2.bold, cells.B1.bold]).toEqual([true, true, false]);
  expect(cells.B2.fill).toBe("#00FF00");
  expect(both.Address()).toBe("$A$1,$B$2");
  expect(() => both.Value2).toThrow(/多重选定区域/);
  expect(() => both.Merge()).toThrow(/多重选定区域/);
  expect(() => ws.Range(Array.from({ length: 40 }, (_, i) => `A${i + 1}:B${i + 1}`).join(","))).toThrow(/地址无效/);
});
