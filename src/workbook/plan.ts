// One generation's effect on the workbook, decided from what is there: a new result sheet, the
// earlier one kept under a versioned name, 数据校验 replaced, 修正记录 appended, the registry updated.
// Sheets the product did not make are never renamed, replaced or deleted.

import { Evaluation } from "../engine";
import { SHEETS } from "./layout";
import {
  correctionRows,
  describeCorrectionsSheet,
  describeResultSheet,
  describeValidationSheet,
  periodKeyOf,
  readPreviousResult,
  resultSheetName,
} from "./result-sheets";
import { MAX_SHEET_NAME, ProductSheet, SheetAppend, SheetSpec, WorkbookChange } from "./sheet-spec";
import { WorkbookState } from "./check-change";

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

export function planGeneration(evaluation: Evaluation, state: WorkbookState, generated: string): WorkbookChange {
  const present = new Set(state.sheetNames);
  const taken = new Set(state.sheetNames);
  const registry = state.registry.filter((s) => present.has(s.name));
  const period = periodKeyOf(evaluation);
  const renames: { from: string; to: string }[] = [];
  const sheets: SheetSpec[] = [];
  const appends: SheetAppend[] = [];
  const nextRegistry: ProductSheet[] = [...registry];

  const current = registry.find((s) => s.role === "result" && s.period === period && !/ v\d+$/.test(s.name));
  let version = 1;
  let resultName: string;
  if (current) {
    version = (current.version ?? 1) + 1;
    const kept = freeName(`${current.name.slice(0, MAX_SHEET_NAME - 4)} v${current.version ?? 1}`, taken);
    renames.push({ from: current.name, to: kept });
    taken.add(kept);
    nextRegistry[nextRegistry.indexOf(current)] = { ...current, name: kept };
    resultName = current.name;
    const previous = readPreviousResult(state.cellsOf(current.name) ?? []);
    const changes = correctionRows(previous, evaluation, version, generated);
    const corrections = registry.find((s) => s.role === "corrections");
    const spec = describeCorrectionsSheet();
    if (corrections) appends.push({ sheet: corrections.name, rows: changes, headerRow: spec.headerRow });
    else {
      const name = freeName(spec.name, taken);
      taken.add(name);
      sheets.push({ ...spec, name, rows: [...spec.rows, ...changes] });
      nextRegistry.push({ name, role: "corrections", created: generated });
    }
  } else {
    resultName = freeName(resultSheetName(evaluation), taken);
    taken.add(resultName);
  }
  sheets.unshift(describeResultSheet(evaluation, { generated, version, name: resultName }));
  const resultEntry: ProductSheet = { name: resultName, role: "result", period, version, created: generated };
  nextRegistry.push(resultEntry);

  const validation = registry.find((s) => s.role === "validation");
  const validationName = validation ? validation.name : freeName(SHEETS.validation, taken);
  taken.add(validationName);
  sheets.push({ ...describeValidationSheet(evaluation, generated), name: validationName });
  if (validation) nextRegistry[nextRegistry.indexOf(validation)] = { ...validation, period, created: generated };
  else nextRegistry.push({ name: validationName, role: "validation", period, created: generated });

  return { renames, sheets, appends, cellWrites: [], registry: nextRegistry, activate: resultName };
}
