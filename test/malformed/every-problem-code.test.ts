// Every problem code the engine and workbook layers raise, each brought about by an edit of the base
// workbook (as the adapters give it: sheets of cell values), and found with a sheet and a cell: the
// pane selects the cell on click (spec §9). A new code without a case here fails the last test.

import { CellValue, PROBLEM_CODES, ProblemCode, parseCellAddress, parsePeriod } from "../../src/engine";
import { Problem } from "../../src/engine/problems";
import { SheetCells, evaluateWorkbook, planImport } from "../../src/workbook";
import { workbookSheets } from "../../src/adapters/xlsx/cells";
import { COL, OCT_ROW, openBase } from "../support/cli-harness";

jest.setTimeout(60_000);

type Edit = (book: Book) => void;

/** The base workbook's sheets, editable by A1 address. */
class Book {
  constructor(public sheets: SheetCells[]) {}
  set(sheet: string, address: string, value: CellValue): this {
    const { row, column } = parseCellAddress(address)!;
    const s = this.sheets.find((x) => x.name === sheet)!;
    const cells = s.cells.map((r) => [...(r ?? [])]);
    while (cells.length < row) cells.push([]);
    cells[row - 1][column - 1] = value;
    this.sheets = this.sheets.map((x) => (x === s ? { name: s.name, cells } : x));
    return this;
  }
  rows(sheet: string, f: (cells: CellValue[][]) => CellValue[][]): this {
    this.sheets = this.sheets.map((x) => (x.name === sheet ? { name: x.name, cells: f(x.cells.map((r) => [...(r ?? [])])) } : x));
    return this;
  }
  rename(sheet: string, name: string): this {
    this.sheets = this.sheets.map((x) => (x.name === sheet ? { name, cells: x.cells } : x));
    return this;
  }
  remove(sheet: string): this {
    this.sheets = this.sheets.filter((x) => x.name !== sheet);
    return this;
  }
  add(name: string, cells: CellValue[][]): this {
    this.sheets = [...this.sheets, { name, cells }];
    return this;
  }
}

const Z = "郑州市";
const oct = (col: keyof typeof COL) => `${COL[col]}${OCT_ROW}`;
const event = (row: CellValue[]) => (b: Book) => b.rows("考评事件", (c) => [...c, row]);
const ruleCell = (address: string, value: CellValue) => (b: Book) => b.set("评分规则", address, value);

/** One edit per code, and the period it is ranked for (2026-10 unless said). */
const CASES: Partial<Record<ProblemCode, { edit: Edit; period?: string; published?: string }>> = {
  "value.blank": { edit: (b) => b.set(Z, oct("ordersTotal"), null) },
  "value.cellError": { edit: (b) => b.set(Z, oct("ordersTotal"), { error: "#DIV/0!" }) },
  "value.notNumber": { edit: (b) => b.set(Z, oct("ordersTotal"), "很多") },
  "value.percent": { edit: (b) => b.set(Z, oct("ordersTotal"), "95%") },
  "value.negative": { edit: (b) => b.set(Z, oct("ordersTotal"), -3) },
  "value.fractional": { edit: (b) => b.set(Z, oct("ordersTotal"), 1.5) },
  "value.tooLarge": { edit: (b) => b.set(Z, oct("ordersTotal"), 1e16) },
  "value.partAboveWhole": { edit: (b) => b.set(Z, oct("manualAnswered"), 10_000_000) },
  "value.reportsAboveRequired": {
    edit: (b) => {
      const required = b.sheets.find((s) => s.name === Z)!.cells[OCT_ROW - 1][parseCellAddress(oct("reportsRequired"))!.column - 1];
      b.set(Z, oct("reportsOnTime"), required).set(Z, oct("reportsLate"), 1);
    },
  },
  "value.text": { edit: (b) => b.set(Z, oct("ordersTotal"), "1200") },
  "value.longWait": { edit: (b) => b.set(Z, oct("avgWaitSeconds"), 900) },
  "value.lowConnectRate": { edit: (b) => b.set(Z, oct("manualAnswered"), 1) },
  "record.duplicateMonth": { edit: (b) => b.rows(Z, (c) => [...c, [...c[OCT_ROW - 1]]]) },
  "record.unknownUnit": {
    edit: (b) =>
      b.add("汇总", [
        ["单位", "月份", "工单总量", "人工排队量", "人工接听量", "信息咨询类工单量"],
        ["郑洲市", "2026-10", 1, 1, 1, 1],
      ]),
  },
  "record.badMonth": { edit: (b) => b.set(Z, oct("month"), "2026年13月") },
  "record.noMonth": { edit: (b) => b.set(Z, oct("month"), null) },
  "record.otherYear": { edit: (b) => b.set(Z, oct("month"), "2025-10") },
  "record.missing": { edit: (b) => b.rows(Z, (c) => c.map((r, i) => (i === OCT_ROW - 1 ? [r[0]] : r))) },
  "period.otherYear": { edit: () => {}, period: "2025-10" },
  "sheet.noHeader": { edit: (b) => b.rows(Z, (c) => c.map((r, i) => (i === 2 ? [] : r))) },
  "sheet.noMonthColumn": { edit: (b) => b.set(Z, "A3", "备注") },
  "sheet.missingColumns": { edit: (b) => b.set(Z, "C3", "其他") },
  "sheet.duplicateUnit": {
    edit: (b) =>
      b.add(
        "郑州",
        b.sheets.find((s) => s.name === Z)!.cells.map((r) => [...r]),
      ),
  },
  "sheet.empty": { edit: (b) => b.rows(Z, () => []) },
  "sheet.unknownUnit": { edit: (b) => b.rename(Z, "郑洲市") },
  "units.noHeader": { edit: (b) => b.set("考评单位", "B1", "名称？") },
  "units.empty": { edit: (b) => b.rows("考评单位", (c) => [c[0]]) },
  "units.duplicate": { edit: (b) => b.rows("考评单位", (c) => [...c, [...c[1]]]) },
  "units.badMonth": { edit: (b) => b.set("考评单位", "D2", "某月") },
  "events.noHeader": { edit: (b) => b.rows("考评事件", () => [["甲", "乙"], ["丙"]]) },
  "events.date": { edit: event(["某日", Z, "荣誉奖励", "省级", "月度"]) },
  "events.unit": { edit: event(["2026-10-09", "郑洲市", "荣誉奖励", "省级", "月度"]) },
  "events.type": { edit: event(["2026-10-09", Z, "表扬信", "省级", "月度"]) },
  "events.level": { edit: event(["2026-10-09", Z, "荣誉奖励", "乡级", "月度"]) },
  "events.scope": { edit: event(["2026-10-09", Z, "荣誉奖励", "省级", "每周"]) },
  "events.points": { edit: event(["2026-10-09", Z, "荣誉奖励", "省级", "月度", "两分"]) },
  "event.otherYear": { edit: event(["2025-10-09", Z, "荣誉奖励", "省级", "月度"]) },
  "holidays.bad": { edit: (b) => b.rows("节假日调整", (c) => [...c, ["某日", "休息日"]]) },
  "calendar.unknownYear": { edit: () => {}, published: "2036-11-05" },
  "rules.noHeader": { edit: (b) => b.rows("评分规则", (c) => c.slice(1)) },
  "rules.missingColumn": { edit: ruleCell("C1", "做法") },
  "rules.duplicateId": { edit: (b) => b.rows("评分规则", (c) => [...c, [...c[1]]]) },
  "rules.unknownId": { edit: (b) => b.rows("评分规则", (c) => [...c, ["Q9", "新指标", "线性区间", 1, 0.9, 0.8]]) },
  "rules.missingIndicator": { edit: (b) => b.rows("评分规则", (c) => c.filter((r) => r[0] !== "A3")) },
  "rules.baseTotal": { edit: ruleCell("D2", 4) },
  "rules.missingMethod": { edit: ruleCell("C3", null) },
  "rules.unknownMethod": { edit: ruleCell("C3", "看心情") },
  "rules.methodMismatch": { edit: ruleCell("C3", "等待秒数扣分") },
  "rules.missingParam": { edit: ruleCell("E3", null) },
  "rules.notNumber": { edit: ruleCell("E3", "高") },
  "rules.rateRange": { edit: ruleCell("E3", 95) },
  "rules.range": { edit: ruleCell("D3", 0) },
  "rules.rampOrder": { edit: ruleCell("E3", 0.5) },
  "rules.unknownPolicy": { edit: ruleCell("G3", "随便") },
  "rules.unknownLevel": { edit: (b) => b.rows("评分规则", (c) => [...c, ["D1-乡级", "荣誉奖励", null, 1]]) },
};

/** Codes no workbook edit can bring about, with where they arise instead; each still names its place where it has one. */
const ELSEWHERE: Partial<Record<ProblemCode, string>> = {
  "event.badPoints": "events given to the engine directly (the reader reports events.points first)",
  "event.unknownUnit": "events given to the engine directly (the reader reports events.unit first)",
  "calendar.badPublished": "a publication date the caller gives; the CLI and the pane refuse one that is no date first",
  "calendar.publishedEarly": "the publication date option, refused before ranking",
  "calendar.publishedLate": "the publication date option (a warning about the option, not about a cell)",
  "import.unreadable": "a returned file that is not in the workbook (the file list names it)",
  "import.noRow": "the import (its case below)",
  "import.conflict": "the import (its case below)",
};

let base: SheetCells[] = [];
beforeAll(async () => {
  base = workbookSheets(await openBase());
});

function problemsAfter(edit: Edit, period = "2026-10", published?: string): Problem[] {
  const book = new Book(base);
  edit(book);
  return [...evaluateWorkbook(book.sheets, { period: parsePeriod(period)!, published }).evaluation.problems];
}

describe.each(Object.entries(CASES))("%s", (code, { edit, period, published }) => {
  it("is raised by its edit, with a sheet of the workbook and a cell", () => {
    const book = new Book(base);
    edit(book);
    const problems = problemsAfter(edit, period, published).filter((p) => p.code === code);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(book.sheets.map((s) => s.name)).toContain(p.at?.sheet);
      expect(p.at?.cell).toMatch(/^[A-Z]+\d+$/);
    }
  });
});

it("places a unit's wholly empty month at the month's row", () => {
  const [p] = problemsAfter(CASES["record.missing"]!.edit).filter((x) => x.code === "record.missing");
  expect(p.at).toEqual({ sheet: Z, cell: `A${OCT_ROW}` });
});

it("places a missing month whose row is gone where the row belongs", () => {
  const [p] = problemsAfter((b) => b.rows(Z, (c) => c.filter((_, i) => i !== OCT_ROW - 1))).filter((x) => x.code === "record.missing");
  expect(p.at).toEqual({ sheet: Z, cell: `A${OCT_ROW}` });
});

it("places a month typed with another year's number at its own row, not below it", () => {
  const [p] = problemsAfter(CASES["record.otherYear"]!.edit).filter((x) => x.code === "record.missing");
  expect(p.at).toEqual({ sheet: Z, cell: `A${OCT_ROW}` });
});

it("places the first missing month of a quarter at its row", () => {
  const [p] = problemsAfter(CASES["record.missing"]!.edit, "2026-Q4").filter((x) => x.code === "record.missing");
  expect(p.message).toContain("10月");
  expect(p.at).toEqual({ sheet: Z, cell: `A${OCT_ROW}` });
});

it("places a unit without a sheet at its 考评单位 row", () => {
  const [p] = problemsAfter((b) => b.remove(Z)).filter((x) => x.code === "record.missing");
  expect(p.at).toEqual({ sheet: "考评单位", cell: "B2" });
});

it("places a period outside the workbook's year at 考评单位!A1, or at the sheet whose months decide it", () => {
  expect(problemsAfter(() => {}, "2025-10").find((p) => p.code === "period.otherYear")!.at).toEqual({ sheet: "考评单位", cell: "A1" });
  const without = problemsAfter((b) => b.remove("考评单位"), "2025-10").find((p) => p.code === "period.otherYear")!;
  expect(without.at).toEqual({ sheet: "郑州市", cell: "A1" });
});

it("asks 是否为 郑州市 of a unit typed 郑洲市: a sheet's name, a summary row, an event", () => {
  const sheetName = problemsAfter(CASES["sheet.unknownUnit"]!.edit).find((p) => p.code === "sheet.unknownUnit")!;
  expect(sheetName.message).toBe("郑洲市：表名“郑洲市”不是考评单位，该表的数据未计入（是否为 郑州市？）");
  const row = problemsAfter(CASES["record.unknownUnit"]!.edit).find((p) => p.code === "record.unknownUnit")!;
  expect(row.message).toBe("汇总!A2：单位“郑洲市”不在考评单位名单中（是否为 郑州市？），该行未计入");
  const ev = problemsAfter(CASES["events.unit"]!.edit).find((p) => p.code === "events.unit")!;
  expect(ev.message).toContain("单位“郑洲市”不在考评单位名单中（是否为 郑州市？）");
  // Nothing to ask of a name two characters away, or of another sheet of the user's.
  expect(problemsAfter((b) => b.rename(Z, "郑某某")).some((p) => p.code === "sheet.unknownUnit")).toBe(false);
});

it("places the import's problems at the sheet they are about", () => {
  const book = new Book(base);
  const workbook = { sheets: book.sheets, names: book.sheets.map((s) => s.name) };
  const withoutRow = new Book(base).rows(Z, (c) => c.filter((_, i) => i !== OCT_ROW - 1));
  const returned = [{ name: "郑州市.xlsx", sheets: base.filter((s) => s.name === Z) }];
  const noRow = planImport(returned, { sheets: withoutRow.sheets, names: withoutRow.sheets.map((s) => s.name) }, "2026-11-05 09:30");
  for (const p of noRow.problems.filter((x) => x.code === "import.noRow")) expect(p.at?.sheet).toBe(Z);
  const changed = new Book(base).set(Z, oct("ordersTotal"), 1);
  const conflict = planImport([{ name: "郑州市.xlsx", sheets: changed.sheets.filter((s) => s.name === Z) }], workbook, "2026-11-05 09:30");
  const found = conflict.problems.filter((x) => x.code === "import.conflict");
  expect(found.length).toBeGreaterThan(0);
  for (const p of found) expect(p.at).toEqual({ sheet: Z, cell: oct("ordersTotal") });
});

it("has a case for every problem code, or says where the code arises instead", () => {
  const covered = new Set([...Object.keys(CASES), ...Object.keys(ELSEWHERE)]);
  expect(Object.keys(PROBLEM_CODES).filter((c) => !covered.has(c))).toEqual([]);
});
