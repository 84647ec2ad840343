// .xlsx files in Node: loading one into an ExcelJS workbook (with a clear message for what is not
// an .xlsx workbook) and saving one whole or not at all. Reading cells is cells.ts, writing a change
// writer.ts; both are free of Node, for the task pane.

import { promises as fs } from "fs";
import ExcelJS from "exceljs";

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
