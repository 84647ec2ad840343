// The in-place half of a transaction on Excel: what cells of a sheet that stays look like before a write
// (`remember`), and putting them back after a failure (`restore`); see the host port's steps.

import { RememberStep as Remember, RememberedLook, RestoreStep as Restore } from "../../workbook";
import { HostFeatures } from "./excel-read";

/** Queues the reads of what a write will change; the returned function gives them once the request ran. */
export function queueRemember(sheets: Excel.WorksheetCollection, step: Remember, features: HostFeatures): () => RememberedLook {
  const ws = sheets.getItem(step.sheet);
  const range = ws.getRange(step.range).load("numberFormat");
  const filter = step.filter && features.autoFilter ? ws.autoFilter.getRangeOrNullObject().load("address") : undefined;
  const font = step.font ? range.format.font.load("name,size") : undefined;
  const heights = (step.rows ?? []).map((r) => [r, ws.getRange(`${r}:${r}`).format.load("useStandardHeight,rowHeight")] as const);
  return () => ({
    formats: range.numberFormat,
    filter: filter && (filter.isNullObject ? null : filter.address),
    font: font && { name: font.name, size: font.size },
    rowHeights: heights.length ? new Map(heights.map(([r, f]) => [r, f.useStandardHeight ? null : f.rowHeight])) : undefined,
  });
}

/**
 * Cells written in place, emptied again with the formats they had; `now` is the range as it is (loaded).
 * Appended rows (and a mark) were written with their look: all of it goes, and any number format and
 * the font return; an import's cells belong to the user's sheet: only their contents go, and the
 * format they had returns.
 */
export function queueRestore(
  sheets: Excel.WorksheetCollection,
  step: Restore,
  before: RememberedLook,
  now: Excel.Range,
  features: HostFeatures,
): void {
  const ws = sheets.getItem(step.sheet);
  if (features.autoFilter && before.filter !== undefined) {
    if (before.filter === null) ws.autoFilter.remove();
    else ws.autoFilter.apply(ws.getRange(before.filter.split("!").pop()));
  }
  for (const [row, height] of before.rowHeights ?? []) {
    const format = ws.getRange(`${row}:${row}`).format;
    if (height === null) format.useStandardHeight = true;
    else format.rowHeight = height;
  }
  const formats = before.formats;
  const changed =
    now.values.some((row) => row.some((v) => v !== "" && v !== null)) || JSON.stringify(now.numberFormat) !== JSON.stringify(formats);
  if (!changed) return;
  const range = ws.getRange(step.range);
  if (step.clear === "all") {
    range.clear(Excel.ClearApplyTo.all);
    if (formats.some((row) => row.some((f) => f !== "General"))) range.numberFormat = formats;
    if (before.font) {
      range.format.font.name = before.font.name;
      range.format.font.size = before.font.size;
    }
    return;
  }
  range.clear(Excel.ClearApplyTo.contents);
  if (JSON.stringify(now.numberFormat) !== JSON.stringify(formats)) range.numberFormat = formats;
}
