// Printing chosen sheets of a workbook to PDF through a real spreadsheet engine: LibreOffice headless
// (`soffice --convert-to pdf`), never a home-made renderer. The sheets are copied into a temporary
// workbook of their own (LibreOffice prints every sheet of a file), converted in a temporary directory
// with its own LibreOffice profile (-env:UserInstallation), so a LibreOffice the user has open is never
// disturbed, and the directory is removed afterwards. Node only (the command-line tool).

import { execFile, spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { promisify } from "util";
import ExcelJS from "exceljs";

/** How long one conversion may take (LibreOffice's first start builds its profile). */
const CONVERSION_TIMEOUT_MS = 180_000;

/** LibreOffice's command, from the PATH of `env`: `soffice`, else `libreoffice`; undefined where it is not installed. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of ["soffice", "libreoffice"]) {
    const found =
      process.platform === "win32"
        ? spawnSync("where", [name], { encoding: "utf8", env })
        : spawnSync("/bin/sh", ["-c", `command -v ${name}`], { encoding: "utf8", env });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim().split("\n")[0];
  }
  return undefined;
}

/** A copy of the workbook with only `sheets`, in that order, all visible, the first one active. */
async function onlySheets(workbook: ExcelJS.Workbook, sheets: readonly string[]): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await workbook.xlsx.writeBuffer());
  const wanted = new Set(sheets.map((s) => s.toLowerCase()));
  for (const ws of [...copy.worksheets]) if (!wanted.has(ws.name.toLowerCase())) copy.removeWorksheet(ws.id);
  for (const ws of copy.worksheets) ws.state = "visible";
  const order = new Map(sheets.map((s, i) => [s.toLowerCase(), i]));
  copy.worksheets
    .slice()
    .sort((a, b) => order.get(a.name.toLowerCase())! - order.get(b.name.toLowerCase())!)
    .forEach((ws, i) => ((ws as unknown as { orderNo: number }).orderNo = i));
  copy.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return copy;
}

/**
 * Writes `sheets` of the workbook, in that order, as one PDF at `out`. Returns false, writing nothing,
 * where LibreOffice is not installed; throws with LibreOffice's message where the conversion fails.
 */
export async function writeSheetsPdf(workbook: ExcelJS.Workbook, sheets: readonly string[], out: string): Promise<boolean> {
  const soffice = findSoffice();
  if (!soffice) return false;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kp12328-pdf-"));
  try {
    const xlsx = path.join(dir, "print.xlsx");
    await (await onlySheets(workbook, sheets)).xlsx.writeFile(xlsx);
    const profile = pathToFileURL(path.join(dir, "profile")).href;
    const args = [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, xlsx];
    await promisify(execFile)(soffice, args, { timeout: CONVERSION_TIMEOUT_MS });
    const pdf = path.join(dir, "print.pdf");
    await fs.access(pdf).catch(() => {
      throw new Error(`LibreOffice 未生成 PDF（${soffice}）`);
    });
    await fs.copyFile(pdf, out);
    return true;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
