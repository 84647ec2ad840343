// Files that are not workbooks, and command lines that are wrong: exit status 2 and one clear line
// on stderr (ending with where the help is, for usage mistakes), the input untouched, no output file.

import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { CliRun, USAGE_HINT, baseWorkbookBytes, corpus, digest, errorLine, expectCleanStderr, rank, runCli } from "../support/cli-harness";

jest.setTimeout(60_000);

const { dir, build, rawFile } = corpus("files");

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** An unreadable input: exit 2, one line naming the file, no usage hint, nothing written. */
async function expectUnreadable(file: string, ...says: string[]): Promise<string> {
  const run = await rank(file);
  expect(run.code).toBe(2);
  expect(run.out).toEqual([]);
  expect(run.err).toHaveLength(1);
  const line = errorLine(run);
  for (const s of says) expect(line).toContain(s);
  expect(await exists(run.outFile)).toBe(false);
  return line;
}

/** A usage mistake: exit 2, one line: the message, then the usage hint. */
function expectUsage(run: CliRun, ...says: string[]): void {
  expectCleanStderr(run.err);
  expect(run.code).toBe(2);
  expect(run.err).toHaveLength(1);
  expect(run.err[0]).toMatch(USAGE_HINT);
  for (const s of says) expect(errorLine(run)).toContain(s);
}

describe("files that are not .xlsx workbooks", () => {
  it("explains that a .csv renamed .xlsx is a text file", async () => {
    const file = await rawFile("csv.xlsx", "月份,工单总量,人工排队量\n2026-10,1200,1100\n");
    await expectUnreadable(file, file, "文本", ".csv", "另存为 .xlsx");
  });

  it("explains that an .xls renamed .xlsx is the old format", async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const file = await rawFile("old.xlsx", ole);
    await expectUnreadable(file, file, ".xls", "另存为");
  });

  it("says that a workbook with an open password has one, and what to do", async () => {
    const officeCrypto = require("officecrypto-tool");
    const file = await rawFile("密码.xlsx", officeCrypto.encrypt(await baseWorkbookBytes(), { password: "12328" }));
    const line = await expectUnreadable(file);
    expect(line).toBe(`${file} 文件设有打开密码：请在 WPS 或 Excel 中打开并另存为无密码的 .xlsx`);
  });

  it("names the format and what to do for an .xls where LibreOffice is not installed", async () => {
    const CFB = require("cfb");
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, "Workbook", Buffer.from([0x09, 0x08, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00]));
    const file = await rawFile("returned.xls", Buffer.from(CFB.write(container, { type: "buffer" })));
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      await expectUnreadable(file, file, "Excel 97–2003 工作簿（.xls）", "LibreOffice", "在 WPS 或 Excel 中打开并另存为 .xlsx");
    } finally {
      process.env.PATH = path;
    }
  });

  it("explains that a workbook cut in half is damaged", async () => {
    const bytes = await baseWorkbookBytes();
    const file = await rawFile("truncated.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectUnreadable(file, file, "已损坏");
  });

  it("explains that a zip without a workbook inside is not an .xlsx", async () => {
    // A zip holding one text file (what a .docx or any archive renamed .xlsx looks like to us).
    const JSZip = require("jszip");
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    const file = await rawFile("not-a-workbook.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
    await expectUnreadable(file, file, "不是 Excel 工作簿");
  });

  it("explains that a 0-byte file is empty", async () => {
    const file = await rawFile("empty.xlsx", "");
    await expectUnreadable(file, file, "空文件");
  });

  it("explains that a folder was given instead of a file", async () => {
    const folder = path.join(dir(), "folder.xlsx");
    await fs.mkdir(folder);
    await expectUnreadable(folder, folder, "文件夹");
  });

  it("explains that the file does not exist", async () => {
    await expectUnreadable(path.join(dir(), "nowhere.xlsx"), "找不到文件", "nowhere.xlsx");
  });

  it("says so when the output folder does not exist", async () => {
    const file = await build("ok-for-missing-out-dir.xlsx", () => {});
    const run = await rank(file, [], path.join(dir(), "no-such-folder", "out.xlsx"));
    expect(run.code).toBe(2);
    expect(errorLine(run)).toContain("文件夹不存在");
  });
});

describe("command-line mistakes", () => {
  let file = "";
  beforeAll(async () => {
    file = await build("usage.xlsx", () => {});
  });

  it("rejects a --period it cannot read", async () => {
    const before = await digest(file);
    const run = await runCli(["rank", file, "--period", "2026-13", "--json"]);
    expectUsage(run, "--period", "2026-13", "2026-Q4");
    expect(await digest(file)).toBe(before);
  });

  it("asks for a --period when there is none", async () => {
    expectUsage(await runCli(["validate", file]), "缺少 --period");
  });

  it("rejects a --published that is not a date", async () => {
    expectUsage(
      await runCli(["rank", file, "--period", "2026-10", "--published", "2026-11-31"]),
      "--published",
      "2026-11-31",
      "YYYY-MM-DD",
    );
  });

  it("refuses --out equal to the input and leaves the input as it was", async () => {
    const before = await digest(file);
    const run = await runCli(["rank", file, "--period", "2026-10", "--out", file]);
    expectUsage(run, "--out", "输入文件");
    expect(await digest(file)).toBe(before);
  });

  it("refuses --out naming the input through another path", async () => {
    const before = await digest(file);
    const other = path.join(path.dirname(file), ".", "..", path.basename(path.dirname(file)), path.basename(file));
    const run = await runCli(["rank", file, "--period", "2026-10", "--out", other]);
    expectUsage(run, "--out");
    expect(await digest(file)).toBe(before);
  });

  it("names an unknown command", async () => {
    expectUsage(await runCli(["rnak", file]), "未知命令", "rnak");
  });

  it("names an unknown option, in Chinese, on one line pointing at the command's help", async () => {
    const run = await runCli(["rank", file, "--bogus", "--period", "2026-10"]);
    expectUsage(run, "未知选项 --bogus");
    expect(run.err).toEqual(["kp12328: 未知选项 --bogus（运行 kp12328 rank --help 查看用法）"]);
  });

  it("says in Chinese that an option lacks its value, or takes none", async () => {
    expectUsage(await runCli(["rank", file, "--period"]), "选项 --period 缺少取值");
    expectUsage(await runCli(["rank", file, "--period", "2026-10", "--json=1"]), "选项 --json 不带取值");
    for (const run of [await runCli(["rank", file, "--period"]), await runCli(["validate", file, "-x"])])
      expect(run.err[0]).not.toMatch(/[A-Za-z]{3,} [a-z]{3,}/);
  });

  it("names the year range for a period of a year out of it", async () => {
    expectUsage(await runCli(["rank", file, "--period", "1999-01"]), "1999-01", "年份 1999", "2000–2100");
  });

  it("prints the command's own usage for rank --help", async () => {
    const run = await runCli(["rank", "--help"]);
    expect(run.code).toBe(0);
    const text = run.out.join("\n");
    expect(text).toContain("kp12328 rank FILE --period");
    expect(text).toContain("--replace");
    expect(text).not.toContain("kp12328 template");
  });

  it("asks for the workbook when rank is given none", async () => {
    expectUsage(await runCli(["rank", "--period", "2026-10"]), "缺少工作簿文件");
  });

  it("rejects a second positional file", async () => {
    expectUsage(await runCli(["rank", file, "extra.xlsx", "--period", "2026-10"]), "多余的参数", "extra.xlsx");
  });

  it("prints the usage with --help and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out.join("\n")).toContain("kp12328 rank FILE --period");
    expect(run.out.join("\n")).toContain("kp12328 template");
  });

  it("prints the usage and exits 2 when run with nothing", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect([...run.out, ...run.err].join("\n")).toContain("kp12328 rank FILE --period");
  });
});

describe("validate", () => {
  it("lists problems only, with the cell, and exits 0", async () => {
    const file = await build("validate.xlsx", (wb: ExcelJS.Workbook) => {
      wb.getWorksheet("郑州市")!.getCell("D13").value = "abc";
    });
    const run = await runCli(["validate", file, "--period", "2026-10"]);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out.some((l) => l.startsWith("错误") && l.includes("郑州市!D13") && l.includes("abc"))).toBe(true);
    expect(run.out.join("\n")).not.toContain("名次");
    expect(await exists(path.join(dir(), "validate-2026-10-考评结果.xlsx"))).toBe(false);
  });

  it("exits 2 on an unreadable file", async () => {
    const file = await rawFile("validate-csv.xlsx", "a,b\n1,2\n");
    const run = await runCli(["validate", file, "--period", "2026-10"]);
    expect(run.code).toBe(2);
    expectCleanStderr(run.err);
    expect(errorLine(run)).toContain(".csv");
  });
});
