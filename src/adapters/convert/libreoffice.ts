// LibreOffice headless, the one real spreadsheet engine the command-line tool may find on the machine:
// converting an arriving .xls/.et/.ods to .xlsx, and printing sheets to PDF (pdf.ts). Every run has a
// temporary directory and a LibreOffice profile of its own (-env:UserInstallation), so a LibreOffice
// the user has open is never disturbed, and the directory is removed afterwards. Node only.

import { execFile, spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { promisify } from "util";
import { ConvertedFormat } from "./formats";
import { ArrivingFile, Converter, UserError } from "./reader";

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

/**
 * Runs `soffice --convert-to <target>` on the file `write` puts in a fresh temporary directory, and
 * gives `read` the converted file's path; undefined, running nothing, where LibreOffice is not installed.
 */
export async function withConversion<T>(
  input: string,
  target: string,
  write: (file: string) => Promise<void>,
  read: (converted: string) => Promise<T>,
): Promise<T | undefined> {
  const soffice = findSoffice();
  if (!soffice) return undefined;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kp12328-lo-"));
  try {
    const file = path.join(dir, input);
    await write(file);
    const profile = pathToFileURL(path.join(dir, "profile")).href;
    const args = [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", target, "--outdir", dir, file];
    await promisify(execFile)(soffice, args, { timeout: CONVERSION_TIMEOUT_MS });
    const converted = path.join(dir, `${path.parse(input).name}.${target.split(":")[0]}`);
    await fs.access(converted).catch(() => {
      throw new Error(`LibreOffice 未生成 ${target.split(":")[0]} 文件（${soffice}）`);
    });
    return await read(converted);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The name LibreOffice is given: the content decides the filter, the extension only has to be one it knows. */
const CONVERSION_INPUT: Record<ConvertedFormat, string> = { xls: "input.xls", et: "input.xls", ods: "input.ods" };

/** The reader's converter in the CLI: .xls/.et/.ods to .xlsx through LibreOffice (undefined where it is not installed). */
export const libreOfficeConverter: Converter = async (file: ArrivingFile, format: ConvertedFormat) => {
  try {
    return await withConversion(
      CONVERSION_INPUT[format],
      "xlsx",
      (input) => fs.writeFile(input, file.bytes),
      async (xlsx) => new Uint8Array(await fs.readFile(xlsx)),
    );
  } catch (e) {
    throw new UserError(
      `${file.name} 无法用 LibreOffice 转换为 .xlsx（${(e as Error).message.split("\n")[0].slice(0, 120)}）；请在 WPS 或 Excel 中打开并另存为 .xlsx 后再试`,
    );
  }
};
