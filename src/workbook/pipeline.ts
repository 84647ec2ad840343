// The whole job on sheets of cell values: read → evaluate → describe the change. Both adapters
// (.xlsx in Node, Office.js in the add-in) call this and only move cells in and out.

import { Evaluation, evaluate, Period, Problem } from "../engine";
import { SHEETS } from "./layout";
import { WorkbookInput, SheetCells, readWorkbook } from "./read";
import { planGeneration } from "./plan";
import { WorkbookChange } from "./sheet-spec";
import { workbookState } from "./check-change";

export interface RankingRun {
  readonly input: WorkbookInput;
  readonly evaluation: Evaluation;
  readonly change: WorkbookChange;
}

export interface RankingRequest {
  readonly period: Period;
  /** Publication date YYYY-MM-DD for the 公示期. */
  readonly published?: string;
  /** "YYYY-MM-DD HH:mm", stamped on what is written. */
  readonly generated: string;
}

/** Evaluates the period only: for validation and previews. */
export function evaluateWorkbook(
  sheets: readonly SheetCells[],
  request: Omit<RankingRequest, "generated">,
): { input: WorkbookInput; evaluation: Evaluation } {
  const input = readWorkbook(sheets, request.period.year);
  const raw = evaluate({
    period: request.period,
    units: input.units,
    records: input.records,
    events: input.events,
    rules: input.rules,
    problems: input.problems,
    published: request.published,
    holidayOverrides: input.holidayOverrides,
    holidaySheet: SHEETS.holidays,
  });
  // A column missing from a sheet is reported once, at its header row: not again for every row as a blank cell.
  const names = new Set(sheets.map((s) => s.name));
  const missing = new Set(input.indicatorSheets.flatMap((s) => (s.missingColumns ?? []).flatMap((f) => s.units.map((u) => `${u}|${f}`))));
  const problems = raw.problems
    .filter((p) => !(missing.size && p.code === "value.blank" && !p.at && missing.has(`${p.unitCode}|${p.field}`)))
    .map((p) => locatedInCell(p, names));
  return { input, evaluation: { ...raw, problems } };
}

/** A problem about a whole sheet of the workbook (no header, a missing rule) points at its A1: every such problem has a cell to click. */
function locatedInCell(p: Problem, sheets: ReadonlySet<string>): Problem {
  return p.at && !p.at.cell && sheets.has(p.at.sheet) ? { ...p, at: { sheet: p.at.sheet, cell: "A1" } } : p;
}

export function rankWorkbook(sheets: readonly SheetCells[], request: RankingRequest): RankingRun {
  const { input, evaluation } = evaluateWorkbook(sheets, request);
  const change = planGeneration(evaluation, workbookState(sheets), request.generated);
  return { input, evaluation, change };
}

/** What a generation writes, in the words of the pane's summary. */
export interface GenerationSummary {
  /** The result sheet written and activated, e.g. "2026年10月 考评结果". */
  readonly resultSheet: string;
  /** The 数据校验 sheet written, when there were problems. */
  readonly validationSheet?: string;
  /** When the period had been generated before: the name the earlier result sheet was renamed to. */
  readonly previousVersion?: string;
  /** Rows added to 修正记录 (0 on a first generation). */
  readonly corrections: number;
}

export function generationSummary(run: RankingRun): GenerationSummary {
  const { change, evaluation } = run;
  const result = change.sheets.find((s) => s.role === "result")!;
  const validation = change.sheets.find((s) => s.role === "validation");
  const corrections =
    change.appends.reduce((n, a) => n + a.rows.length, 0) +
    change.sheets.filter((s) => s.role === "corrections").reduce((n, s) => n + s.rows.length - 1, 0);
  return {
    resultSheet: result.name,
    validationSheet: evaluation.problems.length ? validation?.name : undefined,
    previousVersion: change.renames.find((r) => r.from === result.name)?.to,
    corrections,
  };
}
