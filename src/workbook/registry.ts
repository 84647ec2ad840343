// The registry `_kp12328` (very hidden): the product's list of the sheets it made. Read, written, and
// asked which sheets are the product's — one answer for the generation's checks (check-change.ts), the
// reader (read.ts) and the command-line tool's carried sheets (adapters/xlsx/ledger.ts).

import { CellGrid, displayText, readNumber } from "../engine";
import { CellSpec, ProductSheet, REGISTRY_SHEET, SheetRole, SheetSpec } from "./sheet-spec";

const text = (v: CellGrid[number][number] | undefined) => displayText(v ?? null).trim();

/** The registry sheet lists the product's own sheets: name | role | period | version | created | state | published | inputs. */
export function readRegistry(cells: CellGrid | undefined): ProductSheet[] {
  if (!cells) return [];
  const out: ProductSheet[] = [];
  for (const row of cells.slice(1)) {
    const name = text(row[0]);
    const role = text(row[1]);
    if (!name || !role) continue;
    const version = readNumber(row[3] ?? null);
    out.push({
      name,
      role: role as ProductSheet["role"],
      period: text(row[2]) || undefined,
      version: version.ok ? version.value : undefined,
      created: text(row[4]),
      state: (text(row[5]) || undefined) as ProductSheet["state"],
      published: text(row[6]) || undefined,
      inputs: text(row[7]) || undefined,
    });
  }
  return out;
}

/** The registry as rows of cell values, header first. */
export function registryRows(registry: readonly ProductSheet[]): (string | number | null)[][] {
  return [
    ["sheet", "role", "period", "version", "created", "state", "published", "inputs"],
    ...registry.map((s) => [
      s.name,
      s.role,
      s.period ?? null,
      s.version ?? null,
      s.created,
      s.state ?? null,
      s.published ?? null,
      s.inputs ?? null,
    ]),
  ];
}

/** The registry sheet `_kp12328` as written (very hidden): every cell text-formatted, so a sheet name stays text. */
export function describeRegistrySheet(registry: readonly ProductSheet[]): SheetSpec {
  const rows = registryRows(registry).map((r) => r.map((value): CellSpec => ({ value, numberFormat: "@" })));
  return { name: REGISTRY_SHEET, role: "registry", rows };
}

/** A sheet name as Excel compares names: without regard to case ("Sheet1" and "SHEET1" are one sheet). */
export function sheetKey(name: string): string {
  return name.toLowerCase();
}

/** The roles of what a generation writes (results and their records), which the reader never reads as input. */
export const OUTPUT_ROLES: readonly SheetRole[] = ["result", "publication", "validation", "corrections", "inputs", "registry"];

/**
 * The product's sheets, as sheetKey: those the registry lists (of `roles`, else all) and the registry itself. A sheet
 * of that name whatever its case is the product's; any other sheet is the user's.
 */
export function productSheetKeys(registry: readonly ProductSheet[], roles?: readonly SheetRole[]): Set<string> {
  const listed = roles ? registry.filter((s) => roles.includes(s.role)) : registry;
  return new Set([...listed.map((s) => sheetKey(s.name)), sheetKey(REGISTRY_SHEET)]);
}
