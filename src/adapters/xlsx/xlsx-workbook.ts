// The .xlsx adapter (ExcelJS): reads a file into sheets of cell values and writes a WorkbookChange.
// It only moves data; what to read and what to write is decided in src/core/workbook.

import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { cellAddress } from "../../engine";
import { registryRows, CellSpec, REGISTRY_SHEET, SheetSpec, WorkbookChange } from "../../workbook";
export { sheetGrid, toCellValue, workbookSheets };
import { sheetGrid, toCellValue, workbookSheets } from "./cells";

/** A mistake the user can fix (wrong path, not an .xlsx): one clear line, exit status 2. */
export class UserError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads and checks the file's bytes, so that a .csv or an .xls renamed .xlsx gets its own message. */
async function readBytes(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`找不到文件：${path}`);
    if (code === "EISDIR") throw new UserError(`${path} 是文件夹，不是 .xlsx 文件`);
    if (code === "EACCES") throw new UserError(`没有权限读取文件：${path}`);
    throw new UserError(`无法读取文件 ${path}：${(e as Error).message}`);
  }
  if (bytes.length === 0) throw new UserError(`${path} 是空文件，不是 .xlsx 工作簿`);
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(OLE_MAGIC)) throw new UserError(`${path} 是旧版 .xls（或加密的）文件，请在 Excel 中“另存为” .xlsx 后再试`);
  if (!starts(ZIP_MAGIC)) {
    const head = bytes.subarray(0, 512).toString("utf8");
    // Text files have no control characters but tab and line breaks.
    // eslint-disable-next-line no-control-regex
    const looksText = !/[\x00-\x08\x0E-\x1F]/.test(head);
    throw new UserError(
      looksText ? `${path} 是文本（如 .csv）文件，不是 .xlsx 工作簿；请在 Excel 中打开后另存为 .xlsx` : `${path} 不是 .xlsx 工作簿`,
    );
  }
  return bytes;
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const bytes = await readBytes(path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new UserError(
      `${path} 已损坏，无法作为 .xlsx 工作簿打开（可能未下载或复制完整）；请重新获取该文件，或在 Excel 中打开修复后另存为 .xlsx（${shortReason(e)}）`,
    );
  }
  // A zip that is not a workbook (a .docx, any archive renamed .xlsx) loads as a workbook without sheets.
  if (workbook.worksheets.length === 0) throw new UserError(`${path} 不是 Excel 工作簿（文件中没有工作表），请选择 .xlsx 工作簿`);
  return workbook;
}

function shortReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split("\n")[0].slice(0, 120);
}

function argb(color: string): string {
  return `FF${color.replace("#", "").toUpperCase()}`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function writeCell(cell: ExcelJS.Cell, spec: CellSpec): void {
  if (spec.formula)
    cell.value = {
      formula: spec.formula.replace(/^=/, ""),
      result: (spec.value ?? undefined) as ExcelJS.CellFormulaValue["result"],
    } as ExcelJS.CellFormulaValue;
  else if (spec.link && typeof spec.value === "string")
    cell.value = { text: spec.value, hyperlink: `#${quoteSheet(spec.link.sheet)}!${spec.link.cell}` };
  // A string is stored as a string: "=1+1" from a unit name stays text, never a formula.
  else cell.value = spec.value;
  if (spec.numberFormat && spec.numberFormat !== "@") cell.numFmt = spec.numberFormat;
  if (spec.numberFormat === "@") cell.numFmt = "@";
  if (spec.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(spec.fill) } };
  if (spec.bold || spec.fontColor || spec.fontSize || spec.link) {
    cell.font = {
      bold: spec.bold,
      color: spec.fontColor ? { argb: argb(spec.fontColor) } : undefined,
      size: spec.fontSize,
      underline: spec.link ? true : undefined,
    };
  }
  if (spec.align || spec.wrap) cell.alignment = { horizontal: spec.align, wrapText: spec.wrap, vertical: "top" };
  if (spec.note) cell.note = spec.note;
}

export function writeSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(spec.name, {
    properties: spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : undefined,
    views: spec.freeze ? [{ state: "frozen", xSplit: spec.freeze.columns ?? 0, ySplit: spec.freeze.rows }] : undefined,
  });
  spec.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (spec.printLandscape) {
    ws.pageSetup = {
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: spec.headerRow ? `${spec.headerRow}:${spec.headerRow}` : undefined,
    };
  }
  spec.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell) writeCell(ws.getCell(r + 1, c + 1), cell);
    });
  });
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const range of spec.merges ?? []) ws.mergeCells(range);
  for (const v of spec.validations ?? []) {
    const [from, to] = v.range.split(":");
    const start = ws.getCell(from);
    const end = ws.getCell(to ?? from);
    for (let r = Number(start.row); r <= Number(end.row); r++) {
      for (let c = Number(start.col); c <= Number(end.col); c++) {
        ws.getCell(r, c).dataValidation = {
          type: v.kind === "wholeNumber" ? "whole" : "decimal",
          operator: v.max === undefined ? "greaterThanOrEqual" : "between",
          formulae: v.max === undefined ? [v.min] : [v.min, v.max],
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: v.title,
          error: v.message,
          showInputMessage: true,
          promptTitle: v.title,
          prompt: v.message,
        };
      }
    }
  }
  if (spec.headerRow && spec.rows[spec.headerRow - 1]) {
    ws.autoFilter = { from: cellAddress(spec.headerRow, 1), to: cellAddress(spec.headerRow, spec.rows[spec.headerRow - 1].length) };
  }
  return ws;
}

function writeRegistry(workbook: ExcelJS.Workbook, change: WorkbookChange): void {
  const old = workbook.getWorksheet(REGISTRY_SHEET);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(REGISTRY_SHEET);
  registryRows(change.registry).forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
  ws.state = "veryHidden";
}

/**
 * Applies a change to the workbook in memory. Only product sheets (in the registry) are renamed,
 * replaced or appended to; the caller saves to a new file, so a failure never leaves half a file.
 */
export function applyChange(workbook: ExcelJS.Workbook, change: WorkbookChange): void {
  for (const { from, to } of change.renames) {
    const ws = workbook.getWorksheet(from);
    if (ws) ws.name = to;
  }
  for (const spec of change.sheets) {
    const existing = workbook.getWorksheet(spec.name);
    if (existing) workbook.removeWorksheet(existing.id);
    writeSheet(workbook, spec);
  }
  for (const append of change.appends) {
    const ws = workbook.getWorksheet(append.sheet);
    if (!ws) continue;
    let next = ws.actualRowCount + 1;
    for (const row of append.rows) {
      row.forEach((cell, c) => {
        if (cell) writeCell(ws.getCell(next, c + 1), cell);
      });
      next++;
    }
  }
  writeRegistry(workbook, change);
  const active = change.activate ? workbook.worksheets.findIndex((w) => w.name === change.activate) : -1;
  if (active >= 0) {
    workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  }
}

/** Writes the workbook to `path` through a temporary file, so an existing file is replaced whole or not at all. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await workbook.xlsx.writeFile(temp);
    await fs.rename(temp, path);
  } catch (e) {
    await fs.rm(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`无法写入 ${path}：文件夹不存在`);
    if (code === "EACCES" || code === "EPERM" || code === "EBUSY") throw new UserError(`无法写入 ${path}：没有权限，或文件正被 Excel 打开`);
    throw e;
  }
}
