// The score columns of the centres' indicator sheets: KAOPING.SCORE formulas over the row's own cells,
// whose cached values are what the function gives, so a centre's provisional points and the ranking agree.

import { FIELDS } from "../src/engine/catalogue";
import { CellValue } from "../src/engine/cells";
import { DEFAULT_UNITS } from "../src/engine/units";
import { describeUnitSheet } from "../src/workbook/template";
import { monthResultColumn } from "../src/workbook/result-sheets";
import { kpScore } from "../src/functions/kp";
import { parseCellAddress } from "../src/engine/problems";
import { demoValues } from "../src/workbook/demo-data";

const zhengzhou = DEFAULT_UNITS.find((u) => u.name === "郑州市")!;
const sheet = describeUnitSheet(zhengzhou, 2026, demoValues);
const header = sheet.rows[2].map((c) => String(c?.value ?? ""));
const october = sheet.rows[2 + 10];

/** The value of a cell reference like "D13" (or a range "S13:T13") within the October row. */
function resolve(ref: string): CellValue | CellValue[][] {
  const cell = (a: string) => october[parseCellAddress(a)!.column - 1]?.value ?? null;
  if (ref.includes(":")) {
    const [a, b] = ref.split(":");
    const from = parseCellAddress(a)!.column;
    const to = parseCellAddress(b)!.column;
    return [october.slice(from - 1, to).map((c) => c?.value ?? null)];
  }
  return cell(ref);
}

describe("the score columns of a unit's indicator sheet", () => {
  it("follow the inputs with one score column per indicator and the provisional base", () => {
    expect(header.slice(0, FIELDS.length)).toEqual(FIELDS.map((f) => f.label));
    expect(header.slice(FIELDS.length)).toEqual([
      "A1 得分",
      "A2 得分",
      "A3 得分",
      "A4 得分",
      "B1 得分",
      "B2 得分",
      "B3 得分",
      "B4 得分",
      "B5 得分",
      "C1 得分",
      "C2 得分",
      "暂估基本分",
    ]);
  });

  it("score every indicator but A1 with KAOPING.SCORE over the row's own cells, and cache exactly what it returns", () => {
    const ids = ["A2", "A3", "A4", "B1", "B2", "B3", "B4", "B5", "C1", "C2"];
    for (const id of ids) {
      const cell = october[header.indexOf(`${id} 得分`)]!;
      const m = new RegExp(`[^A-Z]KAOPING\\.SCORE\\("${id}",([^,]*),([^,]*),'评分规则'!\\$A\\$1:\\$H\\$40\\)`).exec(cell.formula!);
      expect(m).not.toBeNull();
      const value = resolve(m![1]);
      const denominator = m![2] ? resolve(m![2]) : null;
      const expected = kpScore(id, Array.isArray(value) ? value : [[value]], denominator === null ? null : [[denominator as CellValue]]);
      expect(cell.value).toBe(expected);
    }
  });

  it("reads the arguments from the right fields: A2 is 人工接听量 over 人工排队量", () => {
    const a2 = october[header.indexOf("A2 得分")]!.formula!;
    const answered = header.indexOf("人工接听量") + 1;
    const queued = header.indexOf("人工排队量") + 1;
    const letter = (n: number) => String.fromCharCode(64 + n);
    expect(a2).toContain(`KAOPING.SCORE("A2",${letter(answered)}13,${letter(queued)}13,`);
  });

  it("shows A1 from the month's published result sheet, and nothing before it exists", () => {
    const a1 = october[header.indexOf("A1 得分")]!;
    expect(a1.value).toBeNull();
    const column = monthResultColumn("A1 工单数量 得分");
    expect(a1.formula).toBe(
      `=IFERROR(INDEX(INDIRECT("'2026年10月 考评结果'!${column}:${column}"),MATCH("郑州市",INDIRECT("'2026年10月 考评结果'!B:B"),0)),"")`,
    );
  });

  it("leaves a month that has not been filled in blank rather than showing errors", () => {
    const empty = describeUnitSheet(zhengzhou, 2026).rows[3];
    const a2 = empty[header.indexOf("A2 得分")]!;
    expect(a2.value).toBeNull();
    expect(a2.formula).toMatch(/^=IF\(COUNTA\(\$B4:\$V4\)=0,"",KAOPING\.SCORE/);
  });

  it("adds the indicator scores into the provisional base", () => {
    const base = october[header.indexOf("暂估基本分")]!;
    const sum = ["A2", "A3", "A4", "B1", "B2", "B3", "B4", "B5", "C1", "C2"].reduce(
      (s, id) => s + Math.round(Number(october[header.indexOf(`${id} 得分`)]!.value) * 100),
      0,
    );
    expect(base.value).toBe(sum / 100);
    expect(base.formula).toBe('=IF(COUNTA($B13:$V13)=0,"",SUM(W13:AG13))');
  });
});
