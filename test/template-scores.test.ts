// The score columns of the province's indicator sheets: KAOPING.SCORE formulas over the row's own cells
// and the indicator's own row of 评分规则 (A1 over the class's 工单总量 by MEDIAN of plain references),
// whose cached values are what the function gives, so the provisional points and the ranking agree.
// The centres' flavour has no formula at all.

import { FIELDS, INDICATORS } from "../src/engine/catalogue";
import { CellValue } from "../src/engine/cells";
import { DEFAULT_UNITS } from "../src/engine/units";
import { describeRulesSheet, describeTemplate, describeUnitSheet } from "../src/workbook/template";
import { kaopingFunction, runFunction } from "../src/functions/declared";
import { parseCellAddress } from "../src/engine/problems";
import { demoValues } from "../src/workbook/demo-data";
import { SheetSpec } from "../src/workbook/sheet-spec";
import { evaluateWorkbook } from "../src/workbook";

const zhengzhou = DEFAULT_UNITS.find((u) => u.name === "郑州市")!;
const template = describeTemplate({ year: 2026, values: demoValues });
const byName = new Map(template.map((s) => [s.name, s]));
const sheet = byName.get("郑州市")!;
const header = sheet.rows[2].map((c) => String(c?.value ?? ""));
const OCTOBER_ROW = 13;
const october = sheet.rows[OCTOBER_ROW - 1];
const rulesSheet = describeRulesSheet();

/** A cell's value in a sheet of the template. */
function valueAt(spec: SheetSpec, address: string): CellValue {
  const { row, column } = parseCellAddress(address.replace(/\$/g, ""))!;
  return spec.rows[row - 1]?.[column - 1]?.value ?? null;
}

/** A reference of a formula ("D13", "R13:T13", "'评分规则'!$B$3:$H$3", "'开封市'!B13") as the values Excel hands over. */
function resolve(ref: string, from: SheetSpec): CellValue | CellValue[][] {
  const m = /^(?:'((?:[^']|'')+)'!)?(.+)$/.exec(ref)!;
  const spec = m[1] ? byName.get(m[1].replace(/''/g, "'"))! : from;
  if (!m[2].includes(":")) return valueAt(spec, m[2]);
  const [a, b] = m[2]
    .replace(/\$/g, "")
    .split(":")
    .map((x) => parseCellAddress(x)!);
  const rows: CellValue[][] = [];
  for (let r = a.row; r <= b.row; r++) {
    const row: CellValue[] = [];
    for (let c = a.column; c <= b.column; c++) row.push(spec.rows[r - 1]?.[c - 1]?.value ?? null);
    rows.push(row);
  }
  return rows;
}

/** Excel's MEDIAN over the numbers among its arguments. */
function excelMedian(values: readonly CellValue[]): number {
  const numbers = values.filter((v): v is number => typeof v === "number").sort((x, y) => x - y);
  const mid = numbers.length >> 1;
  return numbers.length % 2 ? numbers[mid] : (numbers[mid - 1] + numbers[mid]) / 2;
}

/** The KAOPING.SCORE call inside a score cell's formula: its indicator and its arguments as text. */
function scoreCall(formula: string): { id: string; args: string[] } {
  const m = /KAOPING\.SCORE\("([A-C][0-9])",(.*)\)\)\)$/.exec(formula)!;
  const args: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of m[2]) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      args.push(current);
      current = "";
    } else current += ch;
  }
  args.push(current);
  return { id: m[1], args };
}

describe("the score columns of a unit's indicator sheet (the province's workbook)", () => {
  it("follow the inputs with one score column per indicator and the provisional base", () => {
    expect(header.slice(0, FIELDS.length)).toEqual(FIELDS.map((f) => f.label));
    expect(header.slice(FIELDS.length)).toEqual([...INDICATORS.map((i) => `${i.id} 得分`), "暂估基本分"]);
  });

  it("pass each KAOPING.SCORE only its own indicator's row of 评分规则: A1 row 2 … C2 row 12, columns B to H", () => {
    INDICATORS.forEach((indicator, i) => {
      const { id, args } = scoreCall(october[header.indexOf(`${indicator.id} 得分`)]!.formula!);
      expect(id).toBe(indicator.id);
      expect(args[2]).toBe(`'评分规则'!$B$${i + 2}:$H$${i + 2}`);
      expect(rulesSheet.rows[i + 1][0]?.value).toBe(indicator.id);
    });
  });

  it("cache exactly what KAOPING.SCORE returns for the arguments the formula hands it", () => {
    for (const indicator of INDICATORS) {
      const cell = october[header.indexOf(`${indicator.id} 得分`)]!;
      const { id, args } = scoreCall(cell.formula!);
      const value = resolve(args[0], sheet);
      const third = args[1].startsWith("MEDIAN(")
        ? excelMedian(scoreCall(`KAOPING.SCORE("A1",${args[1].slice(7, -1)})))`).args.map((ref) => resolve(ref, sheet) as CellValue))
        : args[1]
          ? resolve(args[1], sheet)
          : null;
      const expected = runFunction(kaopingFunction("SCORE"), [
        id,
        Array.isArray(value) ? value : [[value]],
        third,
        resolve(args[2], rulesSheet),
      ]);
      expect({ value: cell.value }).toEqual(expected);
    }
  });

  it("score A1 against the median 工单总量 of the unit's class that month, each unit's cell referenced plainly", () => {
    const a1 = october[header.indexOf("A1 得分")]!.formula!;
    const cities = DEFAULT_UNITS.filter((u) => u.unitClass === "省辖市");
    const refs = cities.map((u) => (u.name === "郑州市" ? "B13" : `'${u.name}'!B13`));
    expect(a1).toBe(
      `=IF(COUNTA($B13:$V13)=0,"",IF(COUNTBLANK(B13)>0,NA(),KAOPING.SCORE("A1",B13,MEDIAN(${refs.join(",")}),'评分规则'!$B$2:$H$2)))`,
    );
    // 3 points × min(1, 工单总量 ÷ median), rounded to cents.
    const orders = cities.map((u) => demoValues(u, "2026-10")!.ordersTotal as number);
    const own = demoValues(zhengzhou, "2026-10")!.ordersTotal as number;
    expect(october[header.indexOf("A1 得分")]!.value).toBe(Math.round(300 * Math.min(1, own / excelMedian(orders))) / 100);
  });

  it("guard each call: blank while the month is empty, #N/A while a cell it reads is blank", () => {
    const empty = describeUnitSheet(zhengzhou, 2026).rows[3];
    const a2 = empty[header.indexOf("A2 得分")]!;
    expect(a2.value).toBeNull();
    expect(a2.formula).toBe(`=IF(COUNTA($B4:$V4)=0,"",IF(COUNTBLANK(C4:D4)>0,NA(),KAOPING.SCORE("A2",D4,C4,'评分规则'!$B$3:$H$3)))`);
    const c1 = empty[header.indexOf("C1 得分")]!;
    expect(c1.formula).toBe(`=IF(COUNTA($B4:$V4)=0,"",IF(COUNTBLANK(R4:T4)>0,NA(),KAOPING.SCORE("C1",S4:T4,R4,'评分规则'!$B$11:$H$11)))`);
  });

  it("add all eleven indicator scores into the provisional base", () => {
    const base = october[header.indexOf("暂估基本分")]!;
    const sum = INDICATORS.reduce((s, i) => s + Math.round(Number(october[header.indexOf(`${i.id} 得分`)]!.value) * 100), 0);
    expect(base.value).toBe(sum / 100);
    expect(base.formula).toBe('=IF(COUNTA($B13:$V13)=0,"",SUM(W13:AG13))');
  });
});

describe("the province's provisional scores and the ranking", () => {
  it("agree for every unit and indicator of the demo's October, A1's class median included", () => {
    const sheets = template.map((spec) => ({
      name: spec.name,
      cells: spec.rows.map((row) => row.map((c) => (c?.formula ? null : (c?.value ?? null)))),
    }));
    const { evaluation } = evaluateWorkbook(sheets, { period: { kind: "month", year: 2026, month: 10 } });
    const scored = evaluation.rows.filter((r) => r.scores);
    const mismatches = scored.flatMap((r) => {
      const row = byName.get(r.unit.name)!.rows[OCTOBER_ROW - 1];
      return INDICATORS.filter((i) => row[header.indexOf(`${i.id} 得分`)]?.value !== r.scores![i.id]).map(
        (i) => `${r.unit.name} ${i.id}: template ${row[header.indexOf(`${i.id} 得分`)]?.value}, ranking ${r.scores![i.id]}`,
      );
    });
    expect(scored.length).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  });
});

describe("the centres' template", () => {
  const centres = describeTemplate({ year: 2027, flavour: "centres" });

  it("holds no formula in any cell of any sheet: any spreadsheet program shows it as it is", () => {
    const formulas = centres.flatMap((s) => s.rows.flatMap((row) => row.filter((c) => c?.formula).map((c) => `${s.name}: ${c!.formula}`)));
    expect(formulas).toEqual([]);
  });

  it("has the same input columns as the province's, marked for typing, and no score column", () => {
    const unit = centres.find((s) => s.name === "郑州市")!;
    expect(unit.rows[2].map((c) => c?.value)).toEqual(FIELDS.map((f) => f.label));
    expect(unit.rows[3].slice(1).every((c) => c?.fill === "#E2EFDA" && c.value === null)).toBe(true);
  });
});
