// Cell values as spreadsheets hand them over, and their reading as numbers, months and dates.
// Office.js gives numbers, strings and booleans (errors as "#DIV/0!" strings); ExcelJS also gives
// Dates, rich text and formula results. Every adapter first turns its cells into CellValue.

export interface CellError {
  readonly error: string;
}

export type CellValue = number | string | boolean | Date | CellError | null;

/** A table of cell values as read from one sheet, row-major, first row = sheet row 1. */
export type CellGrid = readonly (readonly CellValue[])[];

export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

export function isCellError(value: CellValue | undefined): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value;
}

/** The error text a cell holds, whether given as an error object or as Office.js's "#DIV/0!" string. */
export function cellErrorText(value: CellValue | undefined): string | undefined {
  // An error object always reads as an error, even with an empty or odd text (never as text).
  if (isCellError(value)) return String(value.error ?? "").trim() || "#VALUE!";
  if (typeof value === "string" && EXCEL_ERRORS.includes(value.trim().toUpperCase())) return value.trim().toUpperCase();
  return undefined;
}

/**
 * Nothing at all in the cell, as Excel and ExcelJS give it (null, undefined or ""). Stricter than isBlank:
 * a cell holding a space is not empty, and a write into it would overwrite what the user typed.
 */
export function isEmptyCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === "";
}

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Full-width digits, letters, signs and spaces to their ASCII forms (１２％ → 12%). */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** A header or name for matching: half-width, no spaces, brackets and their content unified. */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00A0]+/g, "")
    .replace(/[【[]/g, "(")
    .replace(/[】\]]/g, ")")
    .toLowerCase();
}

export type NumberReading =
  | { readonly ok: true; readonly value: number; readonly fromText: boolean; readonly percent: boolean }
  | { readonly ok: false; readonly reason: "blank" | "error" | "text" | "boolean" | "date"; readonly text: string };

/** A cell read as a number: numbers as they are; numeric text ("96", "1,234", "９６", "96.5%") noted as text. */
export function readNumber(value: CellValue | undefined): NumberReading {
  if (value === null || value === undefined) return { ok: false, reason: "blank", text: "" };
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { ok: true, value, fromText: false, percent: false }
      : { ok: false, reason: "error", text: String(value) };
  }
  if (typeof value === "boolean") return { ok: false, reason: "boolean", text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { ok: false, reason: "date", text: displayText(value) };
  const error = cellErrorText(value);
  if (error) return { ok: false, reason: "error", text: error };
  const raw = value as string;
  const text = toHalfWidth(raw).trim().replace(/^'/, "");
  if (text === "") return { ok: false, reason: "blank", text: "" };
  const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*(%?)$/.exec(text);
  if (!m) return { ok: false, reason: "text", text: raw };
  const number = Number(m[1].replace(/,/g, ""));
  if (m[2] === "%") {
    // Through the decimal string so "96.5%" is 0.965 and not 0.9650000000000001.
    const [int, frac = ""] = m[1].replace(/,/g, "").replace(/^[+-]/, "").split(".");
    const digits = `${int.padStart(3, "0")}${frac}`;
    const shifted = `${digits.slice(0, -2)}.${digits.slice(-2)}`.replace(/\.$/, "");
    const sign = m[1].startsWith("-") ? -1 : 1;
    return { ok: true, value: sign * Number(shifted), fromText: true, percent: true };
  }
  return { ok: true, value: number, fromText: true, percent: false };
}

/** Excel's serial day number for a UTC date (1900 system, with its 1900-02-29). */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const days = Math.floor(serial);
  const epoch = Date.UTC(1899, 11, 30);
  return new Date(epoch + days * 86400000).toISOString().slice(0, 10);
}

export function isoToExcelSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** What a date cell shows that holds no date: ExcelJS gives date-formatted numbers beyond its range as invalid Dates. */
const INVALID_DATE_TEXT = "无效日期";

/** A Date cell as YYYY-MM-DD, or undefined for an invalid Date. */
export function dateIso(value: Date): string | undefined {
  return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
}

/** A cell read as a calendar date (YYYY-MM-DD): a Date, a serial number, or text 2026-10-09 / 2026年10月9日 / 2026/10/9. */
export function readDate(value: CellValue | undefined): string | undefined {
  if (value instanceof Date) return dateIso(value);
  if (typeof value === "number") return excelSerialToIso(value);
  if (typeof value !== "string") return undefined;
  const text = toHalfWidth(value).trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return undefined;
  return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
}

function validIso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Text for display in a message: what the person sees in the cell. */
export function displayText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateIso(value) ?? INVALID_DATE_TEXT;
  if (isCellError(value)) return String(value.error ?? "");
  return String(value);
}
