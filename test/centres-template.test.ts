// The centres' template and the per-unit files: what a centre fills without the add-in, and that the
// province takes it back — a per-unit file written to .xlsx, typed into, and imported by the pane's import.

import ExcelJS from "exceljs";
import { EVENT_LEVELS, EVENT_SCOPES, EVENT_TYPES, FIELDS, HOLIDAY_KINDS } from "../src/engine";
import { writeSheet } from "../src/adapters/xlsx/writer";
import { workbookSheets } from "../src/adapters/xlsx/cells";
import { ListValidation, describeTemplate, describeUnitFile, planImport, readWorkbook, unitFileName } from "../src/workbook";

const centres = describeTemplate({ year: 2027, flavour: "centres" });
const sheetOf = (name: string) => centres.find((s) => s.name === name)!;
const ZHENGZHOU = { code: "410100", name: "郑州市", unitClass: "省辖市" };
const TWO_UNITS = [ZHENGZHOU, { code: "410200", name: "开封市", unitClass: "省辖市" }];

async function roundTrip(specs: ReturnType<typeof describeTemplate>, edit?: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const spec of specs) writeSheet(wb, spec);
  edit?.(wb);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

describe("the centres' template", () => {
  it("opens with 填报说明, then the data sheets and one plain indicator sheet per unit", () => {
    expect(centres.slice(0, 5).map((s) => s.name)).toEqual(["填报说明", "评分规则", "考评单位", "考评事件", "节假日调整"]);
    expect(centres).toHaveLength(5 + 28);
  });

  it("gives 考评事件 dropdowns for 单位 (the 考评单位 names), 类型, 级别 and 计入, and 节假日调整 one for 类型, in the catalogue's words", () => {
    const lists = (name: string) =>
      Object.fromEntries(
        (sheetOf(name).validations ?? []).filter((v): v is ListValidation => v.kind === "list").map((v) => [v.title, v.values ?? v.source]),
      );
    expect(lists("考评事件")).toEqual({
      单位: "'考评单位'!$B$2:$B$29",
      类型: EVENT_TYPES.map((t) => t.label),
      级别: EVENT_LEVELS.map((l) => l.label),
      计入: EVENT_SCOPES.map((s) => s.label),
    });
    expect(lists("考评事件").类型).toEqual(["荣誉奖励", "批评曝光", "弄虚作假"]);
    expect(lists("节假日调整")).toEqual({ 类型: [HOLIDAY_KINDS.workday[0], HOLIDAY_KINDS.dayOff[0]] });
    expect(lists("节假日调整").类型).toEqual(["工作日", "休息日"]);
  });

  it("carries each field's definition from the method as a note on its header", () => {
    const header = sheetOf("郑州市").rows[2];
    expect(header.map((c) => c?.note)).toEqual(FIELDS.map((f) => `${f.label}：${f.definition}`));
    expect(header[1]?.note).toBe("工单总量：12328 电话系统当月所受理的工单总量（办法第六条（一）工单数量）。");
  });

  it("has one example row in 考评事件, marked 示例, that the reader passes over", async () => {
    const example = sheetOf("考评事件").rows[1];
    expect(String(example[0]?.value)).toMatch(/^示例/);
    // Written and read back (two units are enough: the example row is in 考评事件).
    const read = readWorkbook(workbookSheets(await roundTrip(describeTemplate({ year: 2027, flavour: "centres", units: TWO_UNITS }))));
    expect(read.events).toEqual([]);
    expect(read.problems.filter((p) => p.message.includes("考评事件"))).toEqual([]);
  });

  it("has an instruction sheet whose rows wrap and are tall enough for their text", () => {
    const sheet = sheetOf("填报说明");
    expect(sheet.columnWidths).toEqual([72]);
    sheet.rows.forEach((row, i) => {
      expect(row[0]?.wrap).toBe(true);
      // 70 usable character widths a line, a Chinese character taking two: at least 15 pt a line.
      const units = [...String(row[0]?.value)].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
      expect(sheet.rowHeights?.[i + 1]).toBeGreaterThanOrEqual(Math.ceil(units / 70) * 15);
    });
  });
});

describe("a per-unit file", () => {
  it("is named after its unit and holds 填报说明, the unit's row of 考评单位 and its plain indicator sheet", () => {
    expect(unitFileName(ZHENGZHOU, 2027)).toBe("郑州市-2027年指标.xlsx");
    const specs = describeUnitFile(ZHENGZHOU, 2027);
    expect(specs.map((s) => s.name)).toEqual(["填报说明", "考评单位", "郑州市"]);
    expect(specs.flatMap((s) => s.rows.flat().filter((c) => c?.formula))).toEqual([]);
  });

  it("filled in by the centre and saved, is taken back by the import into the province's workbook", async () => {
    // The centre types March: 工单总量 (B6) 5000, 人工排队量 (C6) 4000, 人工接听量 (D6) 3900.
    const returned = await roundTrip(describeUnitFile(ZHENGZHOU, 2027), (wb) => {
      const ws = wb.getWorksheet("郑州市")!;
      ws.getCell("B6").value = 5000;
      ws.getCell("C6").value = 4000;
      ws.getCell("D6").value = 3900;
    });
    const province = await roundTrip(describeTemplate({ year: 2027, units: TWO_UNITS }));
    const sheets = workbookSheets(province);
    const plan = planImport(
      [{ name: "郑州市-2027年指标.xlsx", sheets: workbookSheets(returned) }],
      { sheets, names: sheets.map((s) => s.name) },
      "2027-04-02 10:00",
    );
    expect(plan.problems).toEqual([]);
    expect(plan.files).toEqual([{ name: "郑州市-2027年指标.xlsx", sheets: ["郑州市"], rows: 1 }]);
    expect(plan.change?.cellWrites).toEqual([
      { sheet: "郑州市", cell: "B6", value: 5000 },
      { sheet: "郑州市", cell: "C6", value: 4000 },
      { sheet: "郑州市", cell: "D6", value: 3900 },
    ]);
  });
});
