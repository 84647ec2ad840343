// One generation's effect on the workbook, decided from what is there (the lifecycle of lifecycle.ts):
// the period's first result; a draft or unpublished result replaced in place; a correction — the
// published version kept as “… vN” and marked superseded, the new version beside it, 修正记录 appended;
// nothing new when nothing changed; or, when the data has problems after a publication, only 数据校验.
// 数据校验, the inputs ledger and the registry are written every time. Sheets the product did not make
// are never renamed, replaced or deleted.

import { CellGrid, Evaluation, Unit, columnLetters } from "../engine";
import { SHEETS } from "./layout";
import { describeResultSheet, describeValidationSheet, periodKeyOf, resultSheetName } from "./result-sheets";
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
} from "./lifecycle";
import { INPUTS_SHEET, InputValue, describeInputsSheet, inputChanges, readInputSnapshot } from "./ledger";
import {
  ResultEffects,
  correctionRows,
  describeCorrectionsSheet,
  hasCorrectionsLayout,
  highlightChanges,
  readPreviousResult,
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
  published: string | undefined,
  stored: StoredState,
  fingerprint: string,
): GenerationKind {
  if (!current) return "created";
  const same = current.inputs === fingerprint && current.published === published;
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

export function planGeneration(evaluation: Evaluation, state: WorkbookState, request: GenerationRequest): GenerationPlan {
  const present = new Set(state.sheetNames.map((n) => n.toLowerCase()));
  const registry = state.registry.filter((s) => present.has(s.name.toLowerCase()));
  const taken = new Set(state.sheetNames);
  const period = periodKeyOf(evaluation);
  const current = currentResult(registry, period);
  const published = evaluation.status === "final" ? evaluation.publication?.published : undefined;
  const stored: StoredState = evaluation.status === "draft" ? "draft" : published ? "published" : "ready";
  const kind = kindOf(current, evaluation, published, stored, request.fingerprint);
  const version = versionOf(kind, current, !!published);
  const lifecycle = lifecycleState({
    draft: evaluation.status === "draft",
    published,
    end: evaluation.publication?.end,
    version,
    today: dayOf(request.generated),
  });
  const next: ProductSheet[] = [...registry];
  const sheets: SheetSpec[] = [];
  const appends: SheetAppend[] = [];
  const cellWrites: CellWrite[] = [];
  const renames: { from: string; to: string }[] = [];
  let corrections = 0;
  let previousVersion: string | undefined;

  let resultName = current?.name;
  if (kind !== "draftKept") {
    if (!current) {
      resultName = freeName(resultSheetName(evaluation), taken);
      taken.add(resultName);
    }
    let effects: ResultEffects = new Map();
    let corrSheet = registry.find((s) => s.role === "corrections")?.name;
    if (kind === "corrected") {
      const kept = freeName(`${current!.name.slice(0, MAX_SHEET_NAME - 4)} v${current!.version ?? 1}`, taken);
      taken.add(kept);
      renames.push({ from: current!.name, to: kept });
      previousVersion = kept;
      next[next.indexOf(current!)] = { ...current!, name: kept, state: "superseded" };
      const previousCells = state.cellsOf(current!.name) ?? [];
      effects = resultEffects(readPreviousResult(previousCells), evaluation);
      const changes = inputChanges(readInputSnapshot(state.cellsOf(INPUTS_SHEET), period), request.inputs);
      const rows = correctionRows(evaluation, changes, effects, {
        version,
        generated: request.generated,
        reason: request.reason,
        units: request.units,
        published: { before: current!.published, after: published },
      });
      corrections = rows.length;
      const log = corrSheet && hasCorrectionsLayout(state.cellsOf(corrSheet)) ? corrSheet : undefined;
      const spec = describeCorrectionsSheet();
      if (log) appends.push({ sheet: log, rows, headerRow: spec.headerRow });
      else {
        corrSheet = freeName(spec.name, taken);
        taken.add(corrSheet);
        sheets.push({ ...spec, name: corrSheet, rows: [...spec.rows, ...rows] });
        next.push({ name: corrSheet, role: "corrections", created: request.generated });
      }
      cellWrites.push(supersededMark(kept, previousCells, version, request.generated, corrSheet!));
    } else if (version >= 2) {
      // The same correction written again (its 公示期 ended, say): its highlights come from the version it replaced.
      const prior = registry.find((s) => s.role === "result" && s.period === period && s.version === version - 1);
      if (prior) effects = resultEffects(readPreviousResult(state.cellsOf(prior.name) ?? []), evaluation);
      previousVersion = prior?.name;
    }
    const created = kind === "unchanged" ? (current?.created ?? request.generated) : request.generated;
    const sheetState = stateOptions(lifecycle, version, evaluation, created, previousVersion, corrSheet, request.reason);
    // Nothing changed: the sheet is written again only when its state is to read otherwise (公示中 → 正式).
    if (kind !== "unchanged" || shownState(state.cellsOf(resultName!)) !== sheetState.label) {
      const spec = describeResultSheet(evaluation, { generated: created, version, name: resultName, state: sheetState });
      sheets.unshift(version >= 2 ? highlightChanges(spec, effects) : spec);
    }
    const entry: ProductSheet = {
      name: resultName!,
      role: "result",
      period,
      version,
      created,
      state: stored,
      published,
      inputs: request.fingerprint,
    };
    if (current && kind !== "corrected") next[next.indexOf(current)] = entry;
    else next.push(entry);
    if (kind !== "unchanged") sheets.push(describeInputsSheet(state.cellsOf(INPUTS_SHEET), period, request.inputs));
    if (kind !== "unchanged" && !registry.some((s) => s.role === "inputs"))
      next.push({ name: INPUTS_SHEET, role: "inputs", created: request.generated });
  }

  const validation = registry.find((s) => s.role === "validation");
  const validationName = validation ? validation.name : freeName(SHEETS.validation, taken);
  taken.add(validationName);
  sheets.push({ ...describeValidationSheet(evaluation, request.generated), name: validationName });
  if (validation) next[next.indexOf(validation)] = { ...validation, period, created: request.generated };
  else next.push({ name: validationName, role: "validation", period, created: request.generated });

  const change: WorkbookChange = {
    renames,
    sheets,
    appends,
    cellWrites,
    registry: next,
    activate: kind === "draftKept" ? validationName : resultName,
  };
  return { change, lifecycle: { kind, sheet: resultName!, state: lifecycle, version, published, previousVersion, corrections } };
}

/** The state a result sheet shows: the cell after 状态 in its header block; undefined when there is none. */
function shownState(cells: CellGrid | undefined): string | undefined {
  for (const row of (cells ?? []).slice(0, 6)) {
    const at = row.findIndex((v) => v === "状态");
    if (at >= 0) return String(row[at + 1] ?? "");
  }
  return undefined;
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

/** The mark on a superseded version: in the first empty row above its table (else beside its title), linking to 修正记录. */
function supersededMark(sheet: string, cells: CellGrid, next: number, generated: string, corrections: string): CellWrite {
  const headerIndex = cells.findIndex((row) => String(row[0] ?? "") === "名次" && String(row[1] ?? "") === "单位");
  let cell = `${columnLetters((cells[0]?.length ?? 0) + 2)}1`;
  for (let r = 1; r < headerIndex; r++) {
    if ((cells[r] ?? []).every((v) => v === null || v === "")) {
      cell = `A${r + 1}`;
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
