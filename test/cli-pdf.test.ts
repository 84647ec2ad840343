// kp12328 rank --pdf where LibreOffice is not installed: the result is written, the run succeeds, and
// one line on stderr says that PDF needs LibreOffice (test/print.heavy.test.ts prints with it).

import { promises as fs } from "fs";
import * as path from "path";
import { DEMO_PUBLISHED } from "../src/workbook";
import { runCli, tempDir } from "./support/cli-harness";

test("without LibreOffice, rank --pdf writes the result, exits 0 and says in one Chinese line that PDF needs LibreOffice", async () => {
  const dir = await tempDir("kp12328-nopdf-");
  const path0 = process.env.PATH;
  try {
    expect((await runCli(["demo", "--out", dir])).code).toBe(0);
    const out = path.join(dir, "october.xlsx");
    // No soffice on an empty PATH (nor a shell to look for it).
    process.env.PATH = path.join(dir, "empty");
    const run = await runCli([
      "rank",
      path.join(dir, "kp12328-demo-2026.xlsx"),
      "--period",
      "2026-10",
      "--published",
      DEMO_PUBLISHED,
      "--out",
      out,
      "--pdf",
    ]);
    expect(run.code).toBe(0);
    expect(run.err).toEqual(["未生成 PDF：导出 PDF 需要 LibreOffice（soffice），请安装后重试；考评结果已写入 .xlsx 文件。"]);
    await expect(fs.access(out)).resolves.toBeUndefined();
    await expect(fs.access(path.join(dir, "october.pdf"))).rejects.toThrow();
  } finally {
    process.env.PATH = path0;
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 60_000);
