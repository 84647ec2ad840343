// The one reader of files that arrive (a centre's returned workbook, the province's own, a .csv export),
// for the command-line tool, the pane's import and the other hosts: the bytes are identified, sizes
// checked before anything is inflated, .xls/.et/.ods handed to the host's converter, a .csv read as
// the sheet it is, and the rest refused with one Chinese line that names the file and what to do.
// Free of Node; ExcelJS is loaded on first use, so the pane loads it only when a file is imported.

import type ExcelJS from "exceljs";
import type JSZipType from "jszip";
import { SheetCells } from "../../workbook";
import { workbookSheets } from "../xlsx/cells";
import { csvCells, decodeCsv } from "./csv";
import { CONVERTED_FORMATS, ConvertedFormat, isZip, otherKind, zipKind } from "./formats";
import { ZipEntry, checkFileSize, checkZip, inflatesPastDeclared } from "./limits";
import { UserError } from "./refusal";

export { UserError } from "./refusal";

export interface ArrivingFile {
  /** The file's name or path, as the message names it; its extension tells .et from .xls and .csv from other text. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Turns an .xls, .et or .ods into .xlsx bytes (LibreOffice in the CLI). Resolves undefined where the
 * converter is not available on this machine; rejects with a UserError where the conversion fails.
 */
export type Converter = (file: ArrivingFile, format: ConvertedFormat) => Promise<Uint8Array | undefined>;

export interface ReadOptions {
  /** Where absent (the pane, the 网页版), .xls/.et/.ods are refused with what to do. */
  readonly convert?: Converter;
}

const SAVE_AS = "在 WPS 或 Excel 中打开并另存为 .xlsx";

/** The workbook in `file`, or a UserError naming the file and what to do. */
export async function openWorkbook(file: ArrivingFile, options: ReadOptions = {}): Promise<ExcelJS.Workbook> {
  const { name, bytes } = file;
  checkFileSize(name, bytes.length);
  if (isZip(bytes)) {
    const entries = checkZip(name, bytes);
    const kind = zipKind(entries);
    if (kind.kind === "convert") return converted(file, kind.format, options);
    if (kind.kind !== "xlsx") throw new UserError(`${name} 不是 Excel 工作簿（文件中没有工作表），请选择 .xlsx 工作簿`);
    return loadXlsx(name, bytes, entries);
  }
  const kind = otherKind(bytes, name);
  switch (kind.kind) {
    case "empty":
      throw new UserError(`${name} 是空文件，不是 .xlsx 工作簿`);
    case "encrypted":
      throw new UserError(`${name} 文件设有打开密码：请在 WPS 或 Excel 中打开并另存为无密码的 .xlsx`);
    case "convert":
      return converted(file, kind.format, options);
    case "text":
      if (/\.(csv|txt)$/i.test(name)) return csvWorkbook(file);
      throw new UserError(`${name} 是文本（如 .csv）文件，不是 .xlsx 工作簿；若是 .csv，请把扩展名改为 .csv，或${SAVE_AS}`);
    case "damagedOle":
      throw new UserError(`${name} 是旧版 Office 格式（如 .xls）的文件，但已损坏或无法识别；请${SAVE_AS} 后再试`);
    case "notWorkbook":
      throw new UserError(`${name} 不是 Excel 工作簿（文件中没有工作表），请选择 .xlsx 工作簿`);
    default:
      throw new UserError(`${name} 不是可读取的工作簿（.xlsx、.xls、.et、.ods 或 .csv）`);
  }
}

/** The sheets of `file` as cell grids: what the pane's import and the 网页版 take. */
export async function readSheets(file: ArrivingFile, options: ReadOptions = {}): Promise<SheetCells[]> {
  return workbookSheets(await openWorkbook(file, options));
}

async function exceljs(): Promise<typeof ExcelJS> {
  return (await import(/* webpackChunkName: "exceljs" */ "exceljs")).default;
}

async function converted(file: ArrivingFile, format: ConvertedFormat, options: ReadOptions): Promise<ExcelJS.Workbook> {
  const what = `${file.name} 是 ${CONVERTED_FORMATS[format]}`;
  if (!options.convert) throw new UserError(`${what}，此处不能直接读取；请${SAVE_AS} 后再试`);
  const xlsx = await options.convert(file, format);
  if (!xlsx) throw new UserError(`${what}，读取它需要 LibreOffice（soffice），本机未安装；请安装 LibreOffice，或${SAVE_AS} 后再试`);
  if (!isZip(xlsx)) throw new UserError(`${what}，转换为 .xlsx 未成功；请${SAVE_AS} 后再试`);
  return loadXlsx(file.name, xlsx, checkZip(file.name, xlsx));
}

const damaged = (name: string, e: unknown) =>
  new UserError(
    `${name} 已损坏，无法作为 .xlsx 工作簿打开（可能未下载或复制完整）；请重新获取该文件，或在 WPS 或 Excel 中打开修复后另存为 .xlsx（${shortReason(e)}）`,
  );

async function loadXlsx(name: string, bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<ExcelJS.Workbook> {
  await checkInflatedSizes(name, bytes, entries);
  const ExcelJSClass = await exceljs();
  const workbook = new ExcelJSClass.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw damaged(name, e);
  }
  // A zip that is not a workbook (any archive renamed .xlsx) loads as a workbook without sheets.
  if (workbook.worksheets.length === 0) throw new UserError(`${name} 不是 Excel 工作簿（文件中没有工作表），请选择 .xlsx 工作簿`);
  return workbook;
}

/** JSZip's streaming read of an entry (in JSZip since 3.0, missing from its typings): inflated 16 KB of compressed data at a time. */
interface StreamingEntry {
  internalStream(type: "uint8array"): {
    on(event: "data", f: (chunk: Uint8Array) => void): ReturnType<StreamingEntry["internalStream"]>;
    on(event: "error", f: (e: Error) => void): ReturnType<StreamingEntry["internalStream"]>;
    on(event: "end", f: () => void): ReturnType<StreamingEntry["internalStream"]>;
    pause(): void;
    resume(): void;
  };
}

/**
 * Inflates every entry as a stream, counting, and stops at the first that yields more than its
 * central directory declared: the declared sizes were checked, so a zip cannot exhaust memory by lying.
 */
async function checkInflatedSizes(name: string, bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<void> {
  const JSZip = (await import(/* webpackChunkName: "exceljs" */ "jszip")).default as unknown as typeof JSZipType;
  let zip: JSZipType;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw damaged(name, e);
  }
  const declared = new Map(entries.map((e) => [e.name, e]));
  // Each entry within its own declared size; together within the declared total, should a name read differently.
  const budget = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  let total = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const entry = declared.get(file.name);
    await new Promise<void>((resolve, reject) => {
      let inflated = 0;
      const stream = (file as unknown as StreamingEntry).internalStream("uint8array");
      stream
        .on("data", (chunk: Uint8Array) => {
          inflated += chunk.length;
          total += chunk.length;
          if ((entry && inflated > entry.uncompressedSize) || total > budget) {
            stream.pause();
            reject(inflatesPastDeclared(name, file.name, entry?.uncompressedSize ?? budget));
          }
        })
        .on("error", (e: Error) => reject(damaged(name, e)))
        .on("end", () => resolve())
        .resume();
    });
  }
}

function shortReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split("\n")[0].slice(0, 120);
}

/** Characters a sheet name cannot hold, and its longest length. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

/** A .csv as a workbook of one sheet named after the file (郑州市.csv is 郑州市's sheet; a 单位 column makes it a summary). */
async function csvWorkbook(file: ArrivingFile): Promise<ExcelJS.Workbook> {
  const base = (file.name.split(/[\\/]/).pop() ?? "").replace(/\.[^.]*$/, "");
  const sheetName = base.replace(SHEET_NAME_FORBIDDEN, "").trim().slice(0, SHEET_NAME_MAX) || "汇总";
  const ExcelJSClass = await exceljs();
  const workbook = new ExcelJSClass.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  csvCells(decodeCsv(file.bytes)).forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
    }),
  );
  return workbook;
}
