// The one guard every adapter runs before it writes (spec §6 "nothing is lost"): a change may rename,
// replace or append to the product's own sheets only — those its registry `_kp12328` lists — and may
// write a value only into a cell that is empty. A refused change is one Chinese sentence, and nothing
// is written.

import { CellGrid, isEmptyCell, parseCellAddress } from "../engine";
import { ChangeRefused } from "./change-refused";
import { SheetCells } from "./read";
import { productSheetKeys, readRegistry, sheetKey as key } from "./registry";
import { MAX_SHEET_NAME, ProductSheet, REGISTRY_SHEET, WorkbookChange } from "./sheet-spec";

/** A workbook as an adapter read it: what planning and checking a change look at. */
export interface WorkbookState {
  /** Every sheet name in the workbook now, hidden ones included. */
  readonly sheetNames: readonly string[];
  /** The sheets the product made, from its registry. */
  readonly registry: readonly ProductSheet[];
  /** The cells of a sheet (values from A1), undefined for a sheet that is not there. */
  readonly cellsOf: (name: string) => CellGrid | undefined;
}

/** The state of a workbook read as sheets of cells; `names` adds sheets whose cells were not read (hidden leftovers). */
export function workbookState(sheets: readonly SheetCells[], names: readonly string[] = sheets.map((s) => s.name)): WorkbookState {
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s.cells]));
  return {
    sheetNames: names,
    registry: readRegistry(byName.get(REGISTRY_SHEET.toLowerCase())),
    cellsOf: (name) => byName.get(name.toLowerCase()),
  };
}

/** The row (1-based) under the last row of `sheet` that holds a value: where appended rows begin. */
export function firstFreeRow(state: WorkbookState, sheet: string): number {
  return (state.cellsOf(sheet)?.length ?? 0) + 1;
}

export { ChangeRefused } from "./change-refused";

/** Characters Excel does not allow in a sheet name. */
const BAD_NAME = /[\\/?*[\]:]/;

/**
 * Throws ChangeRefused when the change would rename, replace or append to a sheet the product did not
 * make, take a name twice, or write into a cell that is not empty in `state`; returns otherwise.
 * Sheet names are compared as Excel does, without regard to case.
 */
export function checkChange(change: WorkbookChange, state: WorkbookState): void {
  const reason = refusal(change, state);
  if (reason) throw new ChangeRefused(reason);
}

function refusal(change: WorkbookChange, state: WorkbookState): string | undefined {
  const present = new Map(state.sheetNames.map((n) => [key(n), n]));
  const mine = productSheetKeys(state.registry);
  const notMine = (name: string) => `“${name}”不是本工具生成的工作表，不会被改名、替换或追加内容`;
  const badName = (name: string) =>
    name.length > MAX_SHEET_NAME || !name.trim() || BAD_NAME.test(name) || /^'|'$/.test(name) || key(name) === key(REGISTRY_SHEET)
      ? `工作表名“${name}”不可用（最多 ${MAX_SHEET_NAME} 个字符，不含 \\ / ? * [ ] :）`
      : undefined;

  // After the renames: the names taken, and which of them are sheets that were there before.
  const taken = new Map(present);
  for (const { from, to } of change.renames) {
    if (!present.has(key(from)) || !taken.has(key(from))) return `找不到工作表“${from}”`;
    if (!mine.has(key(from))) return notMine(from);
    const bad = badName(to);
    if (bad) return bad;
    taken.delete(key(from));
    if (taken.has(key(to))) return `工作表名“${to}”已被占用`;
    taken.set(key(to), to);
  }
  const renamed = new Set(change.renames.map((r) => key(r.to)));
  const written = new Set<string>();
  for (const spec of change.sheets) {
    const bad = badName(spec.name);
    if (bad) return bad;
    if (written.has(key(spec.name)) || renamed.has(key(spec.name))) return `工作表“${spec.name}”在本次修改中出现两次`;
    written.add(key(spec.name));
    // A sheet of that name that stays is replaced: only the product's own may be.
    const existing = taken.get(key(spec.name));
    if (existing && !mine.has(key(existing))) return notMine(existing);
  }
  for (const append of change.appends) {
    if (!taken.has(key(append.sheet))) return `找不到工作表“${append.sheet}”`;
    if (written.has(key(append.sheet)) || renamed.has(key(append.sheet))) return `工作表“${append.sheet}”在本次修改中出现两次`;
    if (!mine.has(key(append.sheet))) return notMine(append.sheet);
  }
  return cellWriteRefusal(change, state, taken, written, renamed);
}

/** Values go into empty cells of sheets that stay as they are, each cell once. */
function cellWriteRefusal(
  change: WorkbookChange,
  state: WorkbookState,
  taken: ReadonlyMap<string, string>,
  written: ReadonlySet<string>,
  renamed: ReadonlySet<string>,
): string | undefined {
  const cells = new Set<string>();
  // A product sheet kept under a new name (a superseded result) may take a mark: its cells are those it had under the old name.
  const formerName = new Map(change.renames.map((r) => [key(r.to), r.from]));
  for (const w of change.cellWrites) {
    const sheet = key(w.sheet);
    const former = formerName.get(sheet);
    if (!taken.has(sheet) || (renamed.has(sheet) && !former) || written.has(sheet) || sheet === key(REGISTRY_SHEET))
      return `找不到可写入的工作表“${w.sheet}”`;
    const at = parseCellAddress(w.cell);
    if (!at) return `“${w.sheet}!${w.cell}”不是单元格地址`;
    const id = `${sheet}!${at.row},${at.column}`;
    if (cells.has(id)) return `${w.sheet}!${w.cell} 在本次修改中被写入两次`;
    cells.add(id);
    const current = state.cellsOf(former ?? w.sheet)?.[at.row - 1]?.[at.column - 1];
    if (!isEmptyCell(current)) return `${w.sheet}!${w.cell} 已有内容，不会被覆盖`;
  }
  return undefined;
}
