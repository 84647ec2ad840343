// A corruption run: random edits of the kinds the malformed-workbook cases make (junk in a cell, a row
// cleared, removed or repeated, a sheet removed, renamed or emptied, a header lost, a month of another
// year), on random seeds, over the base workbook as the adapters give it. No error may lack a sheet and
// a cell: the pane selects the cell of an issue on click (spec §9), and the CLI's JSON names both.

import fc from "fast-check";
import { CellValue, Period, parsePeriod } from "../../src/engine";
import { SheetCells, evaluateWorkbook } from "../../src/workbook";
import { workbookSheets } from "../../src/adapters/xlsx/cells";
import { openBase } from "../support/cli-harness";

jest.setTimeout(120_000);

const junk: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(null, "", " ", "abc", -3, 1.5, "95%", "９６", true, 1e21, "合计", "郑洲市", "#N/A"),
  fc.constantFrom<CellValue>({ error: "#DIV/0!" }, "2025-10", "2026-10", "10月", "2026年13月", "示例"),
  fc.integer({ min: -5, max: 100000 }),
  fc.string({ maxLength: 4 }),
);

type Edit = (sheets: SheetCells[]) => SheetCells[];

const at = (sheets: readonly SheetCells[], i: number) => sheets[i % sheets.length];
const withCells = (sheets: SheetCells[], i: number, cells: CellValue[][]) =>
  sheets.map((s, j) => (j === i % sheets.length ? { name: s.name, cells } : s));
const copy = (cells: readonly (readonly CellValue[])[]) => cells.map((r) => [...(r ?? [])]);

const edits: fc.Arbitrary<Edit> = fc.oneof(
  // Junk in a cell of the data, the header or just below.
  fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.nat({ max: 20 }), junk).map(([i, r, c, v]): Edit => (sheets) => {
    const cells = copy(at(sheets, i).cells);
    while (cells.length <= r) cells.push([]);
    cells[r][c] = v;
    return withCells(sheets, i, cells);
  }),
  // A row cleared, removed or repeated.
  fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.constantFrom("clear", "remove", "repeat")).map(([i, r, how]): Edit => (sheets) => {
    const cells = copy(at(sheets, i).cells);
    if (r >= cells.length) return sheets;
    if (how === "clear") cells[r] = [];
    else if (how === "remove") cells.splice(r, 1);
    else cells.splice(r, 0, [...cells[r]]);
    return withCells(sheets, i, cells);
  }),
  // A sheet removed, emptied or renamed (to a unit's typo, another unit, a catalogue name, a stranger).
  fc
    .tuple(fc.nat(), fc.constantFrom("remove", "empty", "郑洲市", "郑州", "开封市", "考评单位", "考评事件", "汇总", "Sheet1"))
    .map(([i, how]): Edit => (sheets) => {
      const k = i % sheets.length;
      if (how === "remove") return sheets.filter((_, j) => j !== k);
      if (how === "empty") return withCells(sheets, k, []);
      if (sheets.some((s) => s.name === how)) return sheets;
      return sheets.map((s, j) => (j === k ? { name: how, cells: s.cells } : s));
    }),
  // Every month of a sheet moved to another year.
  fc.tuple(fc.nat(), fc.constantFrom(2025, 2027)).map(
    ([i, year]): Edit =>
      (sheets) =>
        withCells(
          sheets,
          i,
          copy(at(sheets, i).cells).map((row) =>
            row.map((v) => (typeof v === "string" && /^2026-\d\d$/.test(v) ? `${year}${v.slice(4)}` : v)),
          ),
        ),
  ),
);

const periods: fc.Arbitrary<Period> = fc.constantFrom("2026-10", "2026-01", "2026-Q4", "2026", "2025-10").map((p) => parsePeriod(p)!);

let base: SheetCells[] = [];
beforeAll(async () => {
  base = workbookSheets(await openBase());
});

it("finds no error without a sheet and a cell, whatever the corruption (random seeds)", () => {
  fc.assert(
    fc.property(fc.array(edits, { minLength: 1, maxLength: 5 }), periods, (list, period) => {
      const sheets = list.reduce((s, edit) => (s.length ? edit(s) : s), base);
      const { evaluation } = evaluateWorkbook(sheets, { period });
      const unplaced = evaluation.problems.filter((p) => p.severity === "error" && !(p.at?.sheet && p.at.cell));
      expect(unplaced.map((p) => `${p.code} ${p.message}`)).toEqual([]);
      // A place is a sheet of the workbook.
      for (const p of evaluation.problems) if (p.at) expect(sheets.map((s) => s.name)).toContain(p.at.sheet);
    }),
    { numRuns: 300 },
  );
});
