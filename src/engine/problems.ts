// A problem found in the data: part of every result, never thrown (spec §6 数据校验).

export type Severity = "error" | "warning";

export interface CellRef {
  readonly sheet: string;
  /** A1-style address, e.g. "D14". */
  readonly cell: string;
}

/** What a kind of problem does to the result, beyond being listed. */
export interface ProblemFlags {
  /** The unit-month it is about cannot be scored: its row is 数据待核. */
  readonly blocksUnit: boolean;
  /** The unit's indicator sheet could not be read: the unit did report, so it is 数据待核, not 缺报. */
  readonly sheetUnreadable: boolean;
  /** A bonus, a deduction, a 不合格 or a unit may be missing: the result stays 草稿. */
  readonly blocksPublication: boolean;
}

const flags = (set: Partial<ProblemFlags> = {}): ProblemFlags => ({
  blocksUnit: false,
  sheetUnreadable: false,
  blocksPublication: false,
  ...set,
});
const UNIT = flags({ blocksUnit: true });
const SHEET = flags({ sheetUnreadable: true });
const PUBLICATION = flags({ blocksPublication: true });
const LISTED = flags();

/** Every kind of problem the product reports, by its stable code, with what it does (only errors act). */
export const PROBLEM_CODES = {
  // A centre's monthly row (records.ts).
  "value.blank": UNIT,
  "value.cellError": UNIT,
  "value.notNumber": UNIT,
  "value.percent": UNIT,
  "value.negative": UNIT,
  "value.fractional": UNIT,
  "value.tooLarge": UNIT,
  "value.partAboveWhole": UNIT,
  "value.reportsAboveRequired": UNIT,
  "value.text": LISTED,
  "value.longWait": LISTED,
  "value.lowConnectRate": LISTED,
  "record.duplicateMonth": UNIT,
  // A row that names no known unit or month is left out: the unit-month is then 缺报 unless another row has it.
  "record.unknownUnit": LISTED,
  "record.badMonth": LISTED,
  "record.noMonth": LISTED,
  "record.otherYear": LISTED,
  // 缺报: the row is left unranked and the result a draft by the row itself; the problem says which unit and month.
  "record.missing": LISTED,
  // The period asked for is outside the year the workbook holds: one problem instead of one per row and unit.
  "period.otherYear": LISTED,
  // Indicator sheets (the workbook reader).
  "sheet.noHeader": SHEET,
  "sheet.noMonthColumn": SHEET,
  "sheet.missingColumns": SHEET,
  "sheet.duplicateUnit": SHEET,
  "sheet.empty": LISTED,
  // An indicator sheet named one character away from a unit (郑洲市): not read, and said why.
  "sheet.unknownUnit": LISTED,
  // 考评单位 and 考评事件.
  "units.noHeader": PUBLICATION,
  "units.empty": PUBLICATION,
  "units.duplicate": PUBLICATION,
  "units.badMonth": PUBLICATION,
  "events.noHeader": PUBLICATION,
  "events.date": PUBLICATION,
  "events.unit": PUBLICATION,
  "events.type": PUBLICATION,
  "events.level": PUBLICATION,
  "events.scope": PUBLICATION,
  "events.points": PUBLICATION,
  "event.badPoints": PUBLICATION,
  "event.unknownUnit": PUBLICATION,
  "event.otherYear": LISTED,
  // 评分规则: an unusable table leaves no rules at all, which the result says for itself.
  "rules.noHeader": LISTED,
  "rules.missingColumn": LISTED,
  "rules.duplicateId": LISTED,
  "rules.missingParam": LISTED,
  "rules.notNumber": LISTED,
  "rules.rateRange": LISTED,
  "rules.range": LISTED,
  "rules.unknownLevel": LISTED,
  "rules.unknownId": LISTED,
  "rules.unknownMethod": LISTED,
  "rules.missingMethod": LISTED,
  "rules.methodMismatch": LISTED,
  "rules.rampOrder": LISTED,
  "rules.unknownPolicy": LISTED,
  "rules.missingIndicator": LISTED,
  "rules.baseTotal": LISTED,
  // 节假日调整 and the publication date.
  "holidays.bad": LISTED,
  "calendar.badPublished": LISTED,
  "calendar.unknownYear": LISTED,
  // A publication date on or before the period's last day is refused before ranking; one long after it is a warning.
  "calendar.publishedEarly": LISTED,
  "calendar.publishedLate": LISTED,
  // Importing centres' returned files.
  "import.unreadable": LISTED,
  "import.noRow": LISTED,
  "import.conflict": LISTED,
} as const satisfies Record<string, ProblemFlags>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Whether an error of this kind acts as `flag` says (a warning never does). */
export function problemDoes(p: Pick<Problem, "severity" | "code">, flag: keyof ProblemFlags): boolean {
  return p.severity === "error" && PROBLEM_CODES[p.code][flag];
}

export interface Problem {
  readonly severity: Severity;
  /** A stable code for tests, grouping and what the problem does (PROBLEM_CODES). */
  readonly code: ProblemCode;
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

export function problem(severity: Severity, code: ProblemCode, message: string, action: string, extra: Partial<Problem> = {}): Problem {
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
