// The in-place half of a transaction in WPS: what cells of a sheet that stays look like before a write
// (`remember`), and putting them back after a failure (`restore`); see the host port's steps. ET gives a
// range's NumberFormat only where its cells share one, so formats are read a row at a time, and a cell
// at a time only in a row whose cells differ.

import { cellAddress, parseCellAddress } from "../../engine";
import { RememberStep as Remember, RememberedLook, RestoreStep as Restore } from "../../workbook";
import { EtWorksheet } from "./et-model";
import { isGeneral, writeFormats } from "./et-steps";

/** "A7:J9" as its first row and column and its size. */
function corners(range: string): { row: number; column: number; rows: number; columns: number } {
  const [a, b = a] = range.split(":").map((x) => parseCellAddress(x)!);
  return { row: a.row, column: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

/** The range's number formats, General as "General". */
function formatsOf(ws: EtWorksheet, range: string): string[][] {
  const { row, column, rows, columns } = corners(range);
  const general = (f: string) => (isGeneral(f) ? "General" : f);
  return Array.from({ length: rows }, (_, r) => {
    const whole = ws.Range(`${cellAddress(row + r, column)}:${cellAddress(row + r, column + columns - 1)}`).NumberFormat;
    if (whole !== null && whole !== undefined) return Array<string>(columns).fill(general(whole));
    return Array.from({ length: columns }, (_, c) => general(ws.Range(cellAddress(row + r, column + c)).NumberFormat));
  });
}

const bare = (address: string) => address.replace(/\$/g, "");

export function remember(ws: EtWorksheet, step: Remember): RememberedLook {
  const filter = step.filter ? ws.AutoFilter : undefined;
  const font = step.font ? ws.Range(step.range).Font : undefined;
  const heights = (step.rows ?? []).map((r) => {
    const row = ws.Range(`${r}:${r}`);
    return [r, row.UseStandardHeight ? null : row.RowHeight] as const;
  });
  return {
    formats: formatsOf(ws, step.range),
    filter: step.filter ? (filter ? bare(filter.Range.Address()) : null) : undefined,
    font: font?.Name ? { name: font.Name, size: font.Size } : undefined,
    rowHeights: heights.length ? new Map(heights) : undefined,
  };
}

/** Whether the range holds anything now, or formats other than those remembered. */
function changed(ws: EtWorksheet, range: string, before: RememberedLook): boolean {
  const value2 = ws.Range(range).Value2 as unknown;
  const rows = Array.isArray(value2) ? (value2 as unknown[][]) : [[value2]];
  if (rows.some((row) => row.some((v) => v !== undefined && v !== null && v !== ""))) return true;
  return JSON.stringify(formatsOf(ws, range)) !== JSON.stringify(before.formats);
}

/**
 * Cells written in place, emptied again with the formats they had. Appended rows (and a mark) were
 * written with their look: all of it goes, and any number format and the font return; an import's
 * cells belong to the user's sheet: only their contents go, and the formats they had return.
 */
export function restore(ws: EtWorksheet, step: Restore, before: RememberedLook): void {
  if (before.filter !== undefined) {
    if (ws.AutoFilterMode) ws.AutoFilterMode = false;
    if (before.filter) ws.Range(before.filter).AutoFilter();
  }
  for (const [row, height] of before.rowHeights ?? []) {
    const r = ws.Range(`${row}:${row}`);
    if (height === null) r.UseStandardHeight = true;
    else r.RowHeight = height;
  }
  if (!changed(ws, step.range, before)) return;
  const range = ws.Range(step.range);
  const { row, column } = corners(step.range);
  if (step.clear === "all") {
    range.Clear();
    if (before.formats.some((r) => r.some((f) => !isGeneral(f)))) writeFormats(ws, row, column, before.formats);
    if (before.font) {
      const font = range.Font;
      font.Name = before.font.name;
      font.Size = before.font.size;
    }
    return;
  }
  range.ClearContents();
  if (JSON.stringify(formatsOf(ws, step.range)) !== JSON.stringify(before.formats)) writeFormats(ws, row, column, before.formats);
}
