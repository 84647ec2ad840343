// The whole job on sheets of cell values: read → evaluate → describe the change. Both adapters
// (.xlsx in Node, Office.js in the add-in) call this and only move cells in and out.

import { Evaluation, evaluate, Period, Problem, periodKey, periodLabel, problem } from "../engine";
import { SHEETS } from "./layout";
import { WorkbookInput, SheetCells, readWorkbook } from "./read";
import { planGeneration } from "./plan";
import { WorkbookChange } from "./sheet-spec";
import { ChangeRefused, WorkbookState, workbookState } from "./check-change";
import { monthsWithData } from "./overview";
import {
  LifecycleOutcome,
  checkPublicationDate,
  currentResult,
  isPublished,
  outcomeSentence,
  publicationRefusal,
  publishedDate,
} from "./lifecycle";
import { inputFingerprint, inputSnapshot } from "./ledger";
import { ProblemPlaces } from "./problem-places";
import { withRankChanges } from "./notice-facts";

export interface RankingRun {
  readonly input: WorkbookInput;
  readonly evaluation: Evaluation;
  readonly change: WorkbookChange;
  /** What the generation was to the period's result: its state, version, whether anything changed. */
  readonly lifecycle: LifecycleOutcome;
}

export interface RankingRequest {
  readonly period: Period;
  /** Publication date YYYY-MM-DD for the 公示期. */
  readonly published?: string;
  /** "YYYY-MM-DD HH:mm", stamped on what is written. */
  readonly generated: string;
  /** Why a correction is made: 修正记录's 原因. */
  readonly reason?: string;
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
  const places = new ProblemPlaces(
    input,
    sheets.map((s) => s.name),
  );
  const missing = new Set(input.indicatorSheets.flatMap((s) => (s.missingColumns ?? []).flatMap((f) => s.units.map((u) => `${u}|${f}`))));
  const problems = outsideYear(
    request.period,
    input,
    raw.problems.filter((p) => !(missing.size && p.code === "value.blank" && !p.at && missing.has(`${p.unitCode}|${p.field}`))),
  ).map((p) => places.place(p));
  if (request.published) {
    const check = checkPublicationDate(request.period, request.published);
    if (check.refused) problems.push(problem("error", "calendar.publishedEarly", check.refused, "请填写考评期结束之后的发布日期。"));
    if (check.warning) problems.push(problem("warning", "calendar.publishedLate", check.warning, "如日期有误，请更正后重新生成。"));
  }
  return { input, evaluation: withRankChanges(input, { ...raw, problems }) };
}

/**
 * A period outside the year the workbook's data is of: one problem saying so, instead of one for every
 * row of another year and every unit that then has no data.
 */
function outsideYear(period: Period, input: WorkbookInput, problems: readonly Problem[]): Problem[] {
  const years = [...new Set(monthsWithData(input).map((m) => Number(m.slice(0, 4))))];
  if (!years.length || years.includes(period.year)) return [...problems];
  const message = `工作簿中的数据属于 ${years.join("、")} 年，所选期间 ${periodLabel(period)} 不在其中，所有单位均无该期间的数据`;
  const action = `请选择 ${years.join("、")} 年内的期间，或打开 ${period.year} 年的工作簿。`;
  return [
    problem("error", "period.otherYear", message, action),
    ...problems.filter((p) => p.code !== "record.otherYear" && p.code !== "record.missing"),
  ];
}

/** The publication date of the period's published version in the workbook (its ledger), if there is one. */
export function carriedPublication(state: WorkbookState, period: Period): string | undefined {
  const present = new Set(state.sheetNames.map((n) => n.toLowerCase()));
  const current = currentResult(
    state.registry.filter((s) => present.has(s.name.toLowerCase())),
    periodKey(period),
  );
  return current && isPublished(current) ? publishedDate(current, state.cellsOf(current.name)) : undefined;
}

/**
 * Ranks the period and plans the change. The publication date carries over from the published version
 * unless a new one is given; a date on or before the period's last day is refused (ChangeRefused).
 */
export function rankWorkbook(sheets: readonly SheetCells[], request: RankingRequest): RankingRun {
  const refused = publicationRefusal(request.period, request.published);
  if (refused) throw new ChangeRefused(refused);
  const state = workbookState(sheets);
  const published = request.published ?? carriedPublication(state, request.period);
  const { input, evaluation } = evaluateWorkbook(sheets, { period: request.period, published });
  const inputs = inputSnapshot(input, request.period);
  const { change, lifecycle } = planGeneration(evaluation, state, {
    generated: request.generated,
    reason: request.reason?.trim() || undefined,
    inputs,
    fingerprint: inputFingerprint(input, inputs),
    units: input.units,
  });
  return { input, evaluation, change, lifecycle };
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
  /** The publication state, the version and what the generation did. */
  readonly lifecycle: LifecycleOutcome;
  /** One sentence on what the generation did (结果未变化, 第 2 版 …). */
  readonly message: string;
}

export function generationSummary(run: RankingRun): GenerationSummary {
  const { change, evaluation, lifecycle } = run;
  const validation = change.sheets.find((s) => s.role === "validation");
  return {
    resultSheet: lifecycle.sheet,
    validationSheet: evaluation.problems.length ? validation?.name : undefined,
    previousVersion: lifecycle.kind === "corrected" ? lifecycle.previousVersion : undefined,
    corrections: lifecycle.corrections,
    lifecycle,
    message: outcomeSentence(lifecycle, lifecycle.sheet),
  };
}
