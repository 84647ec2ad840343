// A cell and the ranking sheet never disagree (spec §7): the KP functions and the workbook reader are
// fed the same cells and accept and refuse the same ones, with the same words.

import { CellValue, DEFAULT_UNITS, FIELDS, HOLIDAY_KINDS, MeasureId, excelSerialToIso, fieldDef } from "../engine";
import { SheetCells, demoValues, evaluateWorkbook } from "../workbook";
import { kaopingFunction, runFunction } from "./declared";

/** 郑州市's October in the demo workbook: a row that passes every check. */
const GOOD = demoValues(DEFAULT_UNITS[0], "2026-10");

/** 郑州市's October row with one cell replaced, in the template's column order (月份 in A). */
function row(field: MeasureId, cell: CellValue): CellValue[] {
  return FIELDS.map((f) => (f.id === "month" ? "2026-10" : f.id === field ? cell : (GOOD[f.id as MeasureId] ?? null)));
}

/** A function run as any host runs it: on the arguments as given. */
const run = (id: string, ...args: unknown[]) => runFunction(kaopingFunction(id), args);

/** What a function says about its arguments: accepted, or the error and message it gives. */
function kp(result: ReturnType<typeof run>): { accepted: true } | { accepted: false; code: string; message: string } {
  return "value" in result ? { accepted: true } : { accepted: false, code: result.error, message: result.message };
}

/** What the reader says about 郑州市's October row: scored, or 数据待核 with the problem at the cell. */
function reader(field: MeasureId, cell: CellValue) {
  const sheets: SheetCells[] = [{ name: "郑州市", cells: [FIELDS.map((f) => f.label), row(field, cell)] }];
  const { evaluation } = evaluateWorkbook(sheets, { period: { kind: "month", year: 2026, month: 10 } });
  const zhengzhou = evaluation.rows.find((r) => r.unit.name === "郑州市")!;
  const errors = evaluation.problems.filter((p) => p.severity === "error" && p.unitCode === "410100");
  return { accepted: zhengzhou.result === "ranked", errors };
}

const MEASURE_CELLS: readonly [string, CellValue][] = [
  ["a number", 12],
  ["zero", 0],
  ["a number written as text", "12"],
  ["full-width digits", "１２"],
  ["thousands separators", "1,200"],
  ["a blank", null],
  ["an empty text", ""],
  ["spaces", "  "],
  ["an error object", { error: "#DIV/0!" }],
  ["an error given as text", "#N/A"],
  ["an error object without text", { error: "" }],
  ["words", "五十"],
  ["a boolean", true],
  ["a date", new Date(Date.UTC(2026, 9, 1))],
  ["an invalid date (ExcelJS's date-formatted 1e21)", new Date(NaN)],
  ["a percentage", "95%"],
  ["a full-width percentage", "９５％"],
  ["a negative number", -3],
  ["a negative number as text", "-3"],
  ["a fraction", 12.5],
  ["a number beyond 10^12", 2e12],
  ["a number not finite", Infinity],
];

describe("the KP functions and the workbook reader", () => {
  // A count (督导一般问题数, read by C2) and the wait in seconds (A4).
  const cases = MEASURE_CELLS.flatMap(([what, cell]) => [
    { what, cell, field: "inspectionMinor" as MeasureId, score: () => run("SCORE", "C2", cell, 0) },
    { what, cell, field: "avgWaitSeconds" as MeasureId, score: () => run("SCORE", "A4", cell) },
  ]);

  it.each(cases)("accept and refuse $what as $field alike, with the same words", ({ cell, field, score }) => {
    const total = kp(run("TOTAL", [FIELDS.map((f) => f.label)], [row(field, cell)], 1000));
    const single = kp(score());
    const book = reader(field, cell);
    expect(single.accepted).toBe(book.accepted);
    expect(total.accepted).toBe(book.accepted);
    if (book.accepted || total.accepted || single.accepted) return;
    // The reader's message is the function's, with unit, month and cell around it.
    const [problem] = book.errors;
    expect(book.errors).toHaveLength(1);
    expect(problem.at).toEqual({ sheet: "郑州市", cell: expect.stringMatching(/^[A-Z]+2$/) });
    if (total.message) {
      const label = fieldDef(field).label;
      expect(problem.message).toBe(`郑州市 2026年10月 ${label}（郑州市!${problem.at!.cell}）${total.message.slice(label.length)}`);
      expect(single.message).toBe(total.message);
    }
  });

  it("tell a count from a wait the same way: 12.5 is a wait but not a count", () => {
    expect(reader("avgWaitSeconds", 12.5).accepted).toBe(true);
    expect(reader("inspectionMinor", 12.5).accepted).toBe(false);
    expect(kp(run("SCORE", "A4", 12.5)).accepted).toBe(true);
    expect(kp(run("SCORE", "C2", 12.5, 0))).toEqual({
      accepted: false,
      code: "invalidValue",
      message: "督导一般问题数 为 12.5，数量应为整数",
    });
  });
});

describe("the KP functions and the workbook reader read 节假日调整 alike", () => {
  // Published Fri 2026-11-06: Mon 9 … Fri 13 are the five working days. Mon 2026-11-09 made a day
  // off moves the end to Mon 16; made a working day it stays Fri 13.
  const endOf = (word: CellValue) => {
    const cells = [
      ["日期", "类型"],
      ["2026-11-09", word],
    ];
    const { evaluation } = evaluateWorkbook([{ name: "节假日调整", cells }], {
      period: { kind: "month", year: 2026, month: 10 },
      published: "2026-11-06",
    });
    const bad = evaluation.problems.filter((p) => p.code === "holidays.bad");
    const result = run("PUBLICITYEND", "2026-11-06", 5, [["2026-11-09", word]]);
    const fn = kp(result);
    const fnEnd = "value" in result ? excelSerialToIso(result.value) : undefined;
    return { readerEnd: evaluation.publication!.end, readerAccepts: bad.length === 0, fnAccepts: fn.accepted, fnEnd };
  };

  it.each([...HOLIDAY_KINDS.workday, true, "ＴＲＵＥ", " 上班 "])("take %p as a working day", (word) => {
    expect(endOf(word)).toEqual({ readerEnd: "2026-11-13", readerAccepts: true, fnAccepts: true, fnEnd: "2026-11-13" });
  });

  it.each([...HOLIDAY_KINDS.dayOff, false, "FALSE"])("take %p as a day off", (word) => {
    expect(endOf(word)).toEqual({ readerEnd: "2026-11-16", readerAccepts: true, fnAccepts: true, fnEnd: "2026-11-16" });
  });

  it.each(["不知道", "周末", "是", "上班吧", 1, null])("refuse %p, and leave the day as the calendar has it", (word) => {
    const { readerEnd, readerAccepts, fnAccepts } = endOf(word);
    expect([readerAccepts, fnAccepts]).toEqual([false, false]);
    expect(readerEnd).toBe("2026-11-13");
  });
});
