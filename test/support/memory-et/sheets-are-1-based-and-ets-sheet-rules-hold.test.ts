import { createEt, viewOfMemoryEt } from ".";

test("Sheets.Item counts from 1 and takes names without regard to case; 0 and past the end throw", () => {
  const { app } = createEt({ 甲: [], 乙: [], Notes: [] });
  const sheets = app.ActiveWorkbook!.Worksheets;
  expect(sheets.Count).toBe(3);
  expect(sheets.Item(1).Name).toBe("甲");
  expect(sheets.Item(3).Name).toBe("Notes");
  expect(sheets.Item("notes").Index).toBe(3);
  expect(() => sheets.Item(0)).toThrow(/下标越界/);
  expect(() => sheets.Item(4)).toThrow(/下标越界/);
  expect(() => sheets.Item("丙")).toThrow(/下标越界/);
});

test("Sheets.Add without Before or After puts the sheet before the active one and activates it; After puts it after", () => {
  const { app, host } = createEt({ 甲: [], 乙: [] });
  const sheets = app.ActiveWorkbook!.Worksheets;
  const added = sheets.Add();
  expect(host.sheets.map((s) => s.name)).toEqual(["Sheet3", "甲", "乙"]);
  expect(app.ActiveWorkbook!.ActiveSheet.Name).toBe("Sheet3");
  added.Name = "丙";
  sheets.Add(undefined, sheets.Item(sheets.Count)).Name = "丁";
  expect(host.sheets.map((s) => s.name)).toEqual(["丙", "甲", "乙", "丁"]);
});

test("names are unique without regard to case, at most 31 characters, without \\ / ? * [ ] :", () => {
  const { app } = createEt({ 甲: [], Notes: [] });
  const ws = app.ActiveWorkbook!.Worksheets.Item(1);
  expect(() => (ws.Name = "NOTES")).toThrow(/已被使用/);
  expect(() => (ws.Name = "a".repeat(32))).toThrow(/名称无效/);
  expect(() => (ws.Name = "a/b")).toThrow(/名称无效/);
  ws.Name = "甲"; // its own name again
});

test("visibility is -1, 0 or 2; a hidden sheet cannot be activated; the last visible sheet can be neither hidden nor deleted", () => {
  const { app, host } = createEt({ 甲: [], 乙: [] });
  const sheets = app.ActiveWorkbook!.Worksheets;
  sheets.Item(2).Visible = 2;
  expect(viewOfMemoryEt(host).sheets.map((s) => s.visibility)).toEqual(["visible", "veryHidden"]);
  expect(() => sheets.Item(2).Activate()).toThrow(/隐藏/);
  expect(() => (sheets.Item(1).Visible = 0)).toThrow(/至少要有一张可见/);
  expect(() => ((sheets.Item(1) as { Visible: unknown }).Visible = true)).toThrow(/-1、0 或 2/);
  app.DisplayAlerts = false;
  expect(() => sheets.Item(1).Delete()).toThrow(/至少要有一张可见/);
});

test("Delete asks the clerk unless DisplayAlerts is off; a deleted sheet's object fails", () => {
  const { app, host } = createEt({ 甲: [], 乙: [] });
  const ws = app.ActiveWorkbook!.Worksheets.Item("乙");
  expect(() => ws.Delete()).toThrow(/确认框/);
  expect(host.dialogs).toEqual(["删除工作表“乙”"]);
  app.DisplayAlerts = false;
  ws.Delete();
  expect(host.sheets.map((s) => s.name)).toEqual(["甲"]);
  expect(() => ws.Name).toThrow(/已被删除/);
});

test("Move places a sheet before or after another", () => {
  const { app, host } = createEt({ 甲: [], 乙: [], 丙: [] });
  const sheets = app.ActiveWorkbook!.Worksheets;
  sheets.Item("丙").Move(sheets.Item("甲"));
  expect(host.sheets.map((s) => s.name)).toEqual(["丙", "甲", "乙"]);
  sheets.Item("丙").Move(undefined, sheets.Item("乙"));
  expect(host.sheets.map((s) => s.name)).toEqual(["甲", "乙", "丙"]);
});

test("UsedRange spans values, formats and merges, and is A1 on an empty sheet", () => {
  const { app } = createEt({ 甲: [[null, "x"]], 空: [] });
  const ws = app.ActiveWorkbook!.Worksheets.Item("甲");
  expect(ws.UsedRange.Address()).toBe("$B$1");
  ws.Range("D5").Interior.Color = 0xff;
  expect(ws.UsedRange.Address()).toBe("$B$1:$D$5");
  expect(app.ActiveWorkbook!.Worksheets.Item("空").UsedRange.Address()).toBe("$A$1");
});
