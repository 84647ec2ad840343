// The whole job on sheets of cell values: read → evaluate → describe the change. Both adapters
// (.xlsx in Node, Office.js in the add-in) call this and only move cells in and out.

import { Evaluation, evaluate, Period } from "../engine";
import { SHEETS } from "./layout";
import { WorkbookInput, SheetCells, readWorkbook } from "./read";
import { planGeneration } from "./plan";
import { WorkbookChange } from "./sheet-spec";

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
  const missing = new Set(input.indicatorSheets.flatMap((s) => (s.missingColumns ?? []).flatMap((f) => s.units.map((u) => `${u}|${f}`))));
  const evaluation = missing.size
    ? { ...raw, problems: raw.problems.filter((p) => !(p.code === "value.blank" && !p.at && missing.has(`${p.unitCode}|${p.field}`))) }
    : raw;
  return { input, evaluation };
}

export function rankWorkbook(sheets: readonly SheetCells[], request: RankingRequest): RankingRun {
  const { input, evaluation } = evaluateWorkbook(sheets, request);
  const byName = new Map(sheets.map((s) => [s.name, s.cells]));
  const change = planGeneration(
    evaluation,
    { sheetNames: sheets.map((s) => s.name), registry: input.registry, cellsOf: (name) => byName.get(name) },
    request.generated,
  );
  return { input, evaluation, change };
}
