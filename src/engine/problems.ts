// A problem found in the data: part of every result, never thrown (spec §6 数据校验).

export type Severity = "error" | "warning";

export interface CellRef {
  readonly sheet: string;
  /** A1-style address, e.g. "D14". */
  readonly cell: string;
}

export interface Problem {
  readonly severity: Severity;
  /** A stable code for tests and for grouping, e.g. "count.negative". */
  readonly code: string;
  /** The message in Chinese, naming unit, field and cell where known. */
  readonly message: string;
  /** What to do about it, in Chinese. */
  readonly action: string;
  readonly unitCode?: string;
  readonly field?: string;
  readonly month?: string;
  readonly at?: CellRef;
}

/** "郑州市!D14", or the sheet alone, or "" when the problem has no place. */
export function formatRef(at: CellRef | undefined): string {
  if (!at) return "";
  return at.cell ? `${at.sheet}!${at.cell}` : at.sheet;
}

/** "（郑州市!D14）" appended to a message when the caller supplied a cell. */
export function where(at: CellRef | undefined): string {
  const ref = formatRef(at);
  return ref ? `（${ref}）` : "";
}

export function problem(severity: Severity, code: string, message: string, action: string, extra: Partial<Problem> = {}): Problem {
  return { severity, code, message, action, ...extra };
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column letters to a number (1-based): A → 1, AA → 27; "$" signs are ignored. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.replace(/\$/g, "").toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** An A1 address ("D14", "$D$14") to its row and column (1-based), or undefined when it is not one. */
export function parseCellAddress(address: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  return m ? { row: Number(m[2]), column: columnNumber(m[1]) } : undefined;
}

/** Row and column (1-based) to an A1 address. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
