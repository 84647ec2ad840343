// 修正记录: what a reader of a corrected result needs. Per change of a published version: the version,
// when, the unit, what changed at the input (sheet!cell, item, old, new) and what it did to the
// result (indicator scores, total, rank, the tie-break note, old → new), with the reason given.
// Numbers stay numbers, with their formats. The new version's changed cells are highlighted.

import { CellGrid, CellValue, Evaluation, Unit, formatPercentOf, formatTotal, periodLabel } from "../engine";
import { SHEETS, headerCell as header, textCell as text } from "./layout";
import { InputChange } from "./ledger";
import { NO_VALUE_MARK, PreviousResult, RESULT_HEADERS, ResultTable } from "./result-layout";
import { CellSpec, SheetSpec } from "./sheet-spec";
import { BODY_FONT, listPrint, wrappedHeights } from "./print-style";

export const CORRECTIONS_TITLE = "修正记录";
export const CORRECTIONS_HEADERS = ["版本", "更正时间", "期间", "单位", "类别", "位置", "项目", "原值", "新值", "原因"] as const;
const HEADER_ROW = 3;
/**
 * 147 characters (809 points): A4 landscape one page wide at 92 % (741 points between Excel's normal margins),
 * above the 9 pt floor. 更正时间 (YYYY-MM-DD HH:mm) takes 18.
 */
const COLUMN_WIDTHS = [5, 18, 11, 10, 8, 12, 16, 20, 20, 27];

/** The fill of a cell whose value a correction changed, in the new version. */
export const CHANGED_FILL = "#FFC7CE";

/** The 修正记录 sheet with its title, headers and first rows (none: the empty sheet). */
export function describeCorrectionsSheet(entries: readonly (readonly (CellSpec | null)[])[] = []): SheetSpec {
  const width = CORRECTIONS_HEADERS.length;
  const pad = (cells: CellSpec[]) => [...cells, ...Array<null>(width - cells.length).fill(null)];
  return {
    name: SHEETS.corrections,
    role: "corrections",
    rows: [
      pad([text(CORRECTIONS_TITLE, { bold: true, fontSize: 14 })]),
      pad([
        text(
          "每次发布更正后追加：输入数据的变化（工作表!单元格、项目、原值、新值）及其对结果的影响（指标得分、总分、名次、备注中的同分说明）。更正前的版本保留在“… vN”工作表中。",
          { fontColor: "#595959", wrap: true },
        ),
      ]),
      CORRECTIONS_HEADERS.map(header),
      ...entries,
    ],
    columnWidths: COLUMN_WIDTHS,
    freeze: { rows: HEADER_ROW },
    merges: [`A1:J1`, `A2:J2`],
    rowHeights: {
      1: 24,
      2: 30,
      ...Object.fromEntries(Object.entries(correctionsRowHeights(entries)).map(([r, h]) => [Number(r) + HEADER_ROW, h])),
    },
    headerRow: HEADER_ROW,
    print: listPrint(HEADER_ROW),
    font: BODY_FONT,
    borders: [`A${HEADER_ROW}:J${HEADER_ROW + entries.length}`],
  };
}

/**
 * The heights of 修正记录 rows whose 项目, values or 原因 wrap, by their place among `rows` (1 = the first), so
 * that a long 原因 prints whole rather than cut at the row's single line.
 */
export function correctionsRowHeights(rows: readonly (readonly (CellSpec | null)[])[]): Record<number, number> {
  return wrappedHeights(rows, COLUMN_WIDTHS, new Set());
}

/** Whether an existing 修正记录 has this layout (an earlier release's has other headers: a new sheet is made). */
export function hasCorrectionsLayout(cells: CellGrid | undefined): boolean {
  const row = cells?.[HEADER_ROW - 1] ?? [];
  return CORRECTIONS_HEADERS.every((h, i) => row[i] === h);
}

/** A value as the new version shows it, with its format, for comparing and for 修正记录. */
interface Shown {
  readonly value: string | number | null;
  readonly numberFormat?: string;
}

function same(a: CellValue | undefined, b: string | number | null): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === "" || v === NO_VALUE_MARK;
  if (blank(a) && blank(b)) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return String(a ?? "") === String(b ?? "");
}

/** The kind of an effect, by the column it is in. */
function effectKind(headerText: string): string {
  const { rank, total, note } = RESULT_HEADERS;
  return headerText === rank || headerText === total || headerText === note ? headerText : "得分";
}

/** Per unit name: the headers of the result columns whose values changed, with the old and new values. */
export type ResultEffects = Map<string, { header: string; before: CellValue; after: Shown }[]>;

/** The earlier version's table against the new one as rendered for its sheet (nothing is rendered twice). */
export function resultEffects(previous: PreviousResult, table: ResultTable): ResultEffects {
  const out: ResultEffects = new Map();
  for (const { unit, cells } of table.rows) {
    const before = previous.get(unit);
    const effects: { header: string; before: CellValue; after: Shown }[] = [];
    for (const [i, c] of table.columns.entries()) {
      if (c.header === RESULT_HEADERS.unit || c.derived) continue;
      const cell = cells[i];
      const after = {
        value: cell.value === true || cell.value === false ? String(cell.value) : cell.value,
        numberFormat: cell.numberFormat,
      };
      const was = before ? (before.get(c.header) ?? null) : null;
      // A blank 加分 / 减分 is 0: an earlier version that showed 0.00 reads the same.
      const zero = <T>(v: T): T | 0 => (c.blankIsZero && (v === null || v === "") ? 0 : v);
      if (!same(zero(was), zero(after.value))) effects.push({ header: c.header, before: was, after });
    }
    if (effects.length) out.set(unit, effects);
  }
  return out;
}

function valueCell(v: CellValue | string | number | null, numberFormat?: string): CellSpec | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return { value: v, numberFormat: numberFormat && numberFormat !== "@" ? numberFormat : "0.##" };
  return text(String(v instanceof Date ? v.toISOString().slice(0, 10) : v), { wrap: true });
}

export interface CorrectionContext {
  readonly version: number;
  readonly generated: string;
  readonly reason?: string;
  readonly units: readonly Unit[];
  /** The publication date before and now, when it changed. */
  readonly published?: { readonly before?: string; readonly after?: string };
}

/** A cell that starts at the top of its row, as a wrapped cell beside it does (an alignment makes it top-aligned). */
function topAligned(cell: CellSpec | null): CellSpec | null {
  if (!cell || cell.align || cell.wrap) return cell;
  return { ...cell, align: typeof cell.value === "number" ? "right" : "left" };
}

/**
 * The 修正记录 rows of one correction: per unit, its input changes and then their effects, the units whose
 * input changed before the others; a changed publication date first.
 */
export function correctionRows(
  evaluation: Evaluation,
  inputs: readonly InputChange[],
  effects: ResultEffects,
  ctx: CorrectionContext,
): (CellSpec | null)[][] {
  const period = periodLabel(evaluation.period);
  const nameOf = new Map(ctx.units.map((u) => [u.code, u.name]));
  const row = (unit: string, kind: string, place: CellSpec | null, item: string, before: CellSpec | null, after: CellSpec | null) =>
    [
      { value: ctx.version, numberFormat: "0", align: "center" as const },
      text(ctx.generated),
      text(period),
      text(unit),
      text(kind),
      place,
      text(item, { wrap: true }),
      before,
      after,
      ctx.reason ? text(ctx.reason, { wrap: true }) : null,
    ].map(topAligned);
  const out: (CellSpec | null)[][] = [];
  if (ctx.published && ctx.published.before !== ctx.published.after)
    out.push(row("全部", "发布日期", null, "发布日期", valueCell(ctx.published.before ?? null), valueCell(ctx.published.after ?? null)));
  const units = [...new Set([...inputs.map((c) => nameOf.get(c.unitCode) ?? c.unitCode), ...effects.keys()])];
  const order = new Map(evaluation.rows.map((r, i) => [r.unit.name, i]));
  // The units whose input changed first (the cause), then those only moved by it; each group in result order.
  const changed = new Set(inputs.map((c) => nameOf.get(c.unitCode) ?? c.unitCode));
  const rank = (u: string) => (changed.has(u) ? 0 : 1e9) + (order.get(u) ?? 1e8);
  units.sort((a, b) => rank(a) - rank(b));
  for (const unit of units) {
    for (const c of inputs.filter((i) => (nameOf.get(i.unitCode) ?? i.unitCode) === unit)) {
      const place = c.cell ? text(`${c.sheet}!${c.cell}`, { link: { sheet: c.sheet, cell: c.cell }, fontColor: "#0563C1" }) : text(c.sheet);
      out.push(row(unit, "输入数据", place, c.field, valueCell(c.before, "0.##"), valueCell(c.after, "0.##")));
    }
    for (const e of effects.get(unit) ?? []) {
      out.push(
        row(
          unit,
          effectKind(e.header),
          null,
          e.header,
          valueCell(e.before, e.after.numberFormat),
          valueCell(e.after.value, e.after.numberFormat),
        ),
      );
    }
  }
  return out;
}

/** The new version with the cells a correction changed highlighted, each with a note of its old value. */
export function highlightChanges(spec: SheetSpec, effects: ResultEffects): SheetSpec {
  if (!spec.headerRow || !effects.size) return spec;
  const headers = spec.rows[spec.headerRow - 1].map((c) => String(c?.value ?? ""));
  const unitColumn = headers.indexOf(RESULT_HEADERS.unit);
  const rows = spec.rows.map((cells, r) => {
    if (r < spec.headerRow!) return cells;
    const unit = String(cells[unitColumn]?.value ?? "");
    const changed = effects.get(unit);
    if (!changed) return cells;
    return cells.map((cell, c) => {
      const e = changed.find((x) => x.header === headers[c]);
      if (!e || !cell) return cell;
      const was = `更正前：${shownBefore(e.before, cell.numberFormat)}`;
      return { ...cell, fill: CHANGED_FILL, note: [cell.note, was].filter(Boolean).join("\n") };
    });
  });
  return { ...spec, rows };
}

/** An earlier value as its cell showed it: 85.67% for a rate, 52.47 for a score, 空 for nothing. */
function shownBefore(v: CellValue, numberFormat: string | undefined): string {
  if (v === null || v === "") return "空";
  if (typeof v === "number") return numberFormat === "0.00%" ? formatPercentOf(v) : numberFormat === "0.00" ? formatTotal(v) : String(v);
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}
