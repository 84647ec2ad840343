// Workbook files in Node: opening one through the one reader (convert/reader.ts: sizes checked first,
// .xls/.et/.ods converted by LibreOffice, .csv read as a sheet, a clear message for the rest) and
// saving one whole or not at all. Reading cells is cells.ts, writing a change writer.ts.

import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { UserError, openWorkbook } from "../convert/reader";
import { checkFileSize } from "../convert/limits";
import { libreOfficeConverter } from "../convert/libreoffice";

export { UserError } from "../convert/reader";

/** The file's bytes, its size checked before they are read. */
async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new UserError(`${path} 是文件夹，不是 .xlsx 文件`);
    checkFileSize(path, stat.size);
    return new Uint8Array(await fs.readFile(path));
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`找不到文件：${path}`);
    if (code === "EISDIR") throw new UserError(`${path} 是文件夹，不是 .xlsx 文件`);
    if (code === "EACCES") throw new UserError(`没有权限读取文件：${path}`);
    throw new UserError(`无法读取文件 ${path}：${(e as Error).message}`);
  }
}

/** The workbook at `path`: .xlsx/.xlsm as they are, .xls/.et/.ods through LibreOffice, .csv as one sheet. */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  return openWorkbook({ name: path, bytes: await readBytes(path) }, { convert: libreOfficeConverter });
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
    if (code === "EACCES" || code === "EPERM" || code === "EBUSY")
      throw new UserError(`无法写入 ${path}：没有权限，或文件正被 WPS 或 Excel 打开`);
    throw e;
  }
}
