// Setting up a workbook for a year (spec §8): the set-up sheets and one indicator sheet per unit that
// are missing, nothing that is already there. The created sheets enter the registry as the product's.

import { readWorkbook } from "./read";
import { WorkbookSheets } from "./overview";
import { WorkbookChange } from "./sheet-spec";
import { describeTemplate } from "./template";

export interface SetUpPlan {
  /** Undefined when nothing is missing. */
  readonly change?: WorkbookChange;
  /** Sheets to create, in the order they are added. */
  readonly created: readonly string[];
  /** Template sheets the workbook already has (or whose unit's data lives elsewhere), left as they are. */
  readonly kept: readonly string[];
}

/** The template for `year` less what the workbook has; `generated` ("YYYY-MM-DD HH:mm") is stamped in the registry. */
export function planSetUp(year: number, workbook: WorkbookSheets, generated: string): SetUpPlan {
  const input = readWorkbook(workbook.sheets, year);
  const names = new Set(workbook.names.map((n) => n.toLowerCase()));
  const specs = describeTemplate({ year, units: input.units });
  // A unit whose data already lives in some sheet (its own or a summary) gets no new sheet.
  const covered = new Set(input.indicatorSheets.flatMap((s) => s.units));
  const coveredUnit = (name: string) => input.units.some((u) => u.name === name && covered.has(u.code));
  const wanted = specs.filter((s) => !names.has(s.name.toLowerCase()) && !(s.role === "unitInput" && coveredUnit(s.name)));
  const kept = specs.filter((s) => !wanted.includes(s)).map((s) => s.name);
  if (!wanted.length) return { created: [], kept };
  const registry = [...input.registry, ...wanted.map((s) => ({ name: s.name, role: s.role, created: generated }))];
  const change: WorkbookChange = { renames: [], sheets: wanted, appends: [], cellWrites: [], registry, activate: wanted[0].name };
  return { change, created: wanted.map((s) => s.name), kept };
}
