// One generation's effect on the workbook, decided from what is there (the lifecycle of lifecycle.ts):
// the period's first result; a draft or unpublished result replaced in place; a correction — the
// published version kept as “… vN” and marked superseded, the new version beside it, 修正记录 appended;
// nothing new when nothing changed; or, when the data has problems after a publication, only 数据校验.
// 数据校验, the inputs ledger and the registry are written every time. Sheets the product did not make
// are never renamed, replaced or deleted.

import { CellGrid, Evaluation, Unit, columnLetters, isEmptyCell } from "../engine";
import { SHEETS } from "./layout";
import { describeResultSheet, describeValidationSheet, periodKeyOf, resultSheetName } from "./result-sheets";
import { RESULT_FACTS, ResultTable, headerValue, readPreviousResult, renderResultTable, tableHeaderIndex } from "./result-layout";
import { PublicationOptions, describePublicationSheet, publicationSheetName } from "./publication-table";
import { CellWrite, MAX_SHEET_NAME, ProductSheet, SheetAppend, SheetSpec, WorkbookChange } from "./sheet-spec";
import { WorkbookState } from "./check-change";
import {
  GenerationKind,
  LIFECYCLE_LABELS,
  LifecycleOutcome,
  LifecycleState,
  StoredState,
  SUPERSEDED_LABEL,
  currentResult,
  dayOf,
  isPublished,
  lifecycleState,
  publishedDate,
} from "./lifecycle";
import { INPUTS_SHEET, InputValue, describeInputsSheet, inputChanges, readInputSnapshot } from "./ledger";
import {
  ResultEffects,
  correctionRows,
  correctionsRowHeights,
  describeCorrectionsSheet,
  hasCorrectionsLayout,
  highlightChanges,
  resultEffects,
} from "./corrections";

/** A name not taken yet: `base`, else `base (2)`, `base (3)` …, within Excel's 31 characters. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export interface GenerationRequest {
  /** "YYYY-MM-DD HH:mm": the version's time; its day decides whether the 公示期 is over. */
  readonly generated: string;
  /** Why a correction was made (修正记录's 原因). */
  readonly reason?: string;
  /** The period's input values as read now (ledger.ts) and the fingerprint of everything the result depends on. */
  readonly inputs: readonly InputValue[];
  readonly fingerprint: string;
  readonly units: readonly Unit[];
}

export interface GenerationPlan {
  readonly change: WorkbookChange;
  readonly lifecycle: LifecycleOutcome;
}

/** What the generation is to the period's current result. */
function kindOf(
  current: ProductSheet | undefined,
  evaluation: Evaluation,
  table: ResultTable,
  published: string | undefined,
  stored: StoredState,
  fingerprint: string,
  state: WorkbookState,
): GenerationKind {
  if (!current) return "created";
  const cells = state.cellsOf(current.name);
  // A version of an earlier release has no fingerprint: it is the same when the sheet would read the same.
  const sameInputs =
    current.inputs === undefined ? resultEffects(readPreviousResult(cells ?? []), table).size === 0 : current.inputs === fingerprint;
  const same = sameInputs && publishedDate(current, cells) === published;
  if (!isPublished(current)) return same && current.state === stored ? "unchanged" : "replaced";
  if (evaluation.status === "draft") return "draftKept";
  return same ? "unchanged" : "corrected";
}

/** The version the generation leaves current: 0 while nothing is published. */
function versionOf(kind: GenerationKind, current: ProductSheet | undefined, published: boolean): number {
  if (kind === "corrected") return (current?.version ?? 1) + 1;
  if (kind === "unchanged" || kind === "draftKept") return current?.version ?? (published ? 1 : 0);
  return published ? 1 : 0;
}

/** The change as it is planned: what each step adds to it. */
interface Draft {
  readonly state: WorkbookState;
  /** The registry of sheets still present, as the change leaves it. */
  readonly next: ProductSheet[];
  readonly taken: Set<string>;
  readonly renames: { from: string; to: string }[];
  readonly sheets: SheetSpec[];
  readonly appends: SheetAppend[];
  readonly cellWrites: CellWrite[];
}

/** What the planning of a generation works from. */
interface GenerationBasis {
  readonly evaluation: Evaluation;
  /** The result table, rendered once for the sheet and for the comparison with the version it replaces. */
  readonly table: ResultTable;
  readonly request: GenerationRequest;
  readonly period: string;
  readonly current: ProductSheet | undefined;
  readonly kind: GenerationKind;
  readonly version: number;
  readonly published: string | undefined;
  readonly stored: StoredState;
  readonly lifecycle: LifecycleState;
}

export function planGeneration(evaluation: Evaluation, state: WorkbookState, request: GenerationRequest): GenerationPlan {
  const present = new Set(state.sheetNames.map((n) => n.toLowerCase()));
  const registry = state.registry.filter((s) => present.has(s.name.toLowerCase()));
  const period = periodKeyOf(evaluation);
  const current = currentResult(registry, period);
  const published = evaluation.status === "final" ? evaluation.publication?.published : undefined;
  const stored: StoredState = evaluation.status === "draft" ? "draft" : published ? "published" : "ready";
  const table = renderResultTable(evaluation);
  const kind = kindOf(current, evaluation, table, published, stored, request.fingerprint, state);
  const version = versionOf(kind, current, !!published);
  const end = evaluation.publication?.end;
  const lifecycle = lifecycleState({ draft: evaluation.status === "draft", published, end, version, today: dayOf(request.generated) });
  const basis: GenerationBasis = { evaluation, table, request, period, current, kind, version, published, stored, lifecycle };
  const draft: Draft = {
    state,
    next: [...registry],
    taken: new Set(state.sheetNames),
    renames: [],
    sheets: [],
    appends: [],
    cellWrites: [],
  };

  const written = kind === "draftKept" ? { name: current!.name, corrections: 0 } : planResult(draft, basis);
  const validation = planValidation(draft, basis);
  const change: WorkbookChange = {
    renames: draft.renames,
    sheets: draft.sheets,
    appends: draft.appends,
    cellWrites: draft.cellWrites,
    registry: draft.next,
    activate: kind === "draftKept" ? validation : written.name,
  };
  const outcome = { kind, sheet: written.name, state: lifecycle, version, published, corrections: written.corrections };
  return { change, lifecycle: { ...outcome, previousVersion: written.previous } };
}

/** The result sheet (and, for a correction, the kept version, its mark and 修正记录), the inputs ledger and their registry entries. */
function planResult(draft: Draft, s: GenerationBasis): { name: string; previous?: string; corrections: number } {
  const { current, kind, version, request, evaluation, period } = s;
  let name = current?.name;
  if (!name) {
    name = freeName(resultSheetName(evaluation), draft.taken);
    draft.taken.add(name);
  }
  const registry = draft.next;
  let effects: ResultEffects = new Map();
  let log = registry.find((e) => e.role === "corrections")?.name;
  let previous: string | undefined;
  let corrections = 0;
  if (kind === "corrected") {
    ({ effects, log, previous, corrections } = planCorrection(draft, s, log));
  } else if (version >= 2) {
    // The same correction written again (its 公示期 ended, say): its highlights come from the version it replaced.
    const prior = registry.find((e) => e.role === "result" && e.period === period && e.version === version - 1);
    if (prior) effects = resultEffects(readPreviousResult(draft.state.cellsOf(prior.name) ?? []), s.table);
    previous = prior?.name;
  }
  const created = kind === "unchanged" ? (current?.created ?? request.generated) : request.generated;
  const shown = stateOptions(s.lifecycle, version, evaluation, created, previous, log, request.reason);
  // Nothing changed: the sheet is written again only when its state is to read otherwise (公示中 → 正式).
  const rewrite = kind !== "unchanged" || headerValue(draft.state.cellsOf(name), RESULT_FACTS.state) !== shown.label;
  if (rewrite) {
    const spec = describeResultSheet(evaluation, { generated: created, version, name, state: shown, table: s.table });
    draft.sheets.unshift(version >= 2 ? highlightChanges(spec, effects) : spec);
  }
  const entry: ProductSheet = {
    name,
    role: "result",
    period,
    version,
    created,
    state: s.stored,
    published: s.published,
    inputs: request.fingerprint,
  };
  if (current && kind !== "corrected") registry[registry.indexOf(current)] = entry;
  else registry.push(entry);
  planPublication(draft, s, { generated: created, state: shown, resultSheet: name }, rewrite);
  // The inputs a published version was computed from, for the next correction's 修正记录 (drafts need none).
  const ledgerMissing = () => !readInputSnapshot(draft.state.cellsOf(INPUTS_SHEET), period).length;
  if (s.stored === "published" && (kind !== "unchanged" || ledgerMissing())) {
    draft.sheets.push(describeInputsSheet(draft.state.cellsOf(INPUTS_SHEET), period, request.inputs));
    if (!registry.some((e) => e.role === "inputs")) registry.push({ name: INPUTS_SHEET, role: "inputs", created: request.generated });
  }
  return { name, previous, corrections };
}

/**
 * The period's 公示表, written with its result sheet (or when the period has none yet). It always shows
 * the current version: a correction replaces it in place — the superseded version's table stays in its
 * kept result sheet “… vN” and the changes in 修正记录 — so there is one 公示表 a period to publish.
 */
function planPublication(draft: Draft, s: GenerationBasis, options: PublicationOptions, rewrite: boolean): void {
  const existing = draft.next.find((e) => e.role === "publication" && e.period === s.period);
  if (existing && !rewrite) return;
  const name = existing?.name ?? freeName(publicationSheetName(s.evaluation), draft.taken);
  draft.taken.add(name);
  draft.sheets.splice(1, 0, describePublicationSheet(s.evaluation, { ...options, name }));
  const entry: ProductSheet = { name, role: "publication", period: s.period, created: options.generated };
  if (existing) draft.next[draft.next.indexOf(existing)] = entry;
  else draft.next.push(entry);
}

/** A correction: the published version kept as “… vN” and marked, 修正记录 appended to (or made). */
function planCorrection(
  draft: Draft,
  s: GenerationBasis,
  existingLog: string | undefined,
): { effects: ResultEffects; log: string; previous: string; corrections: number } {
  const current = s.current!;
  const kept = freeName(`${current.name.slice(0, MAX_SHEET_NAME - 4)} v${current.version ?? 1}`, draft.taken);
  draft.taken.add(kept);
  draft.renames.push({ from: current.name, to: kept });
  draft.next[draft.next.indexOf(current)] = { ...current, name: kept, state: "superseded" };
  const previousCells = draft.state.cellsOf(current.name) ?? [];
  const effects = resultEffects(readPreviousResult(previousCells), s.table);
  // A version published before the inputs were kept (an earlier release) has none to compare with: effects only.
  const before = readInputSnapshot(draft.state.cellsOf(INPUTS_SHEET), s.period);
  const changes = before.length ? inputChanges(before, s.request.inputs) : [];
  const rows = correctionRows(s.evaluation, changes, effects, {
    version: s.version,
    generated: s.request.generated,
    reason: s.request.reason,
    units: s.request.units,
    published: { before: publishedDate(current, draft.state.cellsOf(current.name)), after: s.published },
  });
  const spec = describeCorrectionsSheet(rows);
  let log = existingLog && hasCorrectionsLayout(draft.state.cellsOf(existingLog)) ? existingLog : undefined;
  if (log) {
    draft.appends.push({
      sheet: log,
      rows,
      headerRow: spec.headerRow,
      font: spec.font,
      bordered: true,
      rowHeights: correctionsRowHeights(rows),
    });
  } else {
    // None yet, or one of an earlier layout (left as it is): a new 修正记录.
    log = freeName(spec.name, draft.taken);
    draft.taken.add(log);
    draft.sheets.push({ ...spec, name: log });
    draft.next.push({ name: log, role: "corrections", created: s.request.generated });
  }
  draft.cellWrites.push(supersededMark(kept, previousCells, s.version, s.request.generated, log));
  return { effects, log, previous: kept, corrections: rows.length };
}

/** 数据校验, written on every generation; returns its name. */
function planValidation(draft: Draft, s: GenerationBasis): string {
  const validation = draft.next.find((e) => e.role === "validation");
  const name = validation ? validation.name : freeName(SHEETS.validation, draft.taken);
  draft.taken.add(name);
  draft.sheets.push({ ...describeValidationSheet(s.evaluation, s.request.generated), name });
  const entry: ProductSheet = { name, role: "validation", period: s.period, created: s.request.generated };
  if (validation) draft.next[draft.next.indexOf(validation)] = { ...validation, ...entry };
  else draft.next.push(entry);
  return name;
}

/** The state, version and notice a result sheet shows. */
function stateOptions(
  state: LifecycleState,
  version: number,
  evaluation: Evaluation,
  created: string,
  previous: string | undefined,
  corrections: string | undefined,
  reason: string | undefined,
) {
  const end = evaluation.publication?.end;
  const notices: Record<LifecycleState, string> = {
    draft: "",
    ready: "待发布：尚未填写发布日期；填写发布日期后重新生成，即为第 1 版并进入公示。",
    publicity: `公示中：公示期至 ${end} 截止，期间各单位可提出异议。`,
    final: `公示期已于 ${end} 截止，无更正，结果为正式结果。`,
    corrected:
      `更正：本版为第 ${version} 版（${created} 更正），替代第 ${version - 1} 版${previous ? `“${previous}”` : ""}；` +
      `变更见“${corrections ?? SHEETS.corrections}”表，改动的单元格已标色。${reason ? `更正原因：${reason}` : ""}`,
  };
  return {
    label: LIFECYCLE_LABELS[state],
    version: version ? `第 ${version} 版${state === "corrected" ? "（更正）" : ""}` : "—（未发布）",
    notice: notices[state] || undefined,
    link: state === "corrected" && corrections ? { sheet: corrections, cell: "A1" } : undefined,
    alert: state === "draft" || state === "corrected",
  };
}

/**
 * The mark on a superseded version: in the first empty row above its table (else beside its title), in the
 * title's column — after 名次 and 单位 where those repeat on the second printed page — linking to 修正记录.
 */
function supersededMark(sheet: string, cells: CellGrid, next: number, generated: string, corrections: string): CellWrite {
  const headerIndex = tableHeaderIndex(cells);
  const titleColumn = columnLetters(
    Math.max(
      0,
      (cells[0] ?? []).findIndex((v) => !isEmptyCell(v)),
    ) + 1,
  );
  let cell = `${columnLetters((cells[0]?.length ?? 0) + 2)}1`;
  for (let r = 1; r < headerIndex; r++) {
    if ((cells[r] ?? []).every(isEmptyCell)) {
      cell = `${titleColumn}${r + 1}`;
      break;
    }
  }
  return {
    sheet,
    cell,
    value: `${SUPERSEDED_LABEL}：本版已被第 ${next} 版替代（${generated} 更正），变更见“${corrections}”表`,
    style: { bold: true, fontColor: "#C00000", link: { sheet: corrections, cell: "A1" } },
  };
}
