// The 通报草稿 in LibreOffice Writer: the demo's October .docx converts to PDF without a warning, and
// the PDF's text holds every unit's rank and total as rank --json gives them, in the ranking table's
// order. Without `soffice` or `pdftotext`: skipped with a message locally, a failure under CI.

import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { promisify } from "util";
import { EvaluationJson } from "../src/cli/json";
import { findSoffice } from "../src/adapters/xlsx/pdf";
import { DEMO_PUBLISHED } from "../src/workbook/demo-data";
import { runCli, tempDir } from "./support/cli-harness";

const run = promisify(execFile);
const soffice = findSoffice();
const ready = !!soffice || !!process.env.CI;
if (!soffice && !process.env.CI) console.warn("test/notice-pdf.heavy.test.ts skipped: LibreOffice (soffice) is not installed.");

(ready ? describe : describe.skip)("the 通报草稿 as LibreOffice prints it", () => {
  let dir = "";
  let json: EvaluationJson;
  let text = "";
  let stderr = "";

  beforeAll(async () => {
    dir = await tempDir("kp12328-notice-pdf-");
    expect((await runCli(["demo", "--out", dir])).code).toBe(0);
    const input = path.join(dir, "kp12328-demo-2026.xlsx");
    const args = ["--period", "2026-10", "--published", DEMO_PUBLISHED];
    json = JSON.parse((await runCli(["rank", input, ...args, "--json", "--out", path.join(dir, "r.xlsx")])).out.join("\n"));
    expect((await runCli(["notice", input, ...args, "--out", path.join(dir, "notice.docx")])).code).toBe(0);
    const profile = pathToFileURL(path.join(dir, "profile")).href;
    const converted = await run(
      soffice!,
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        path.join(dir, "notice.docx"),
      ],
      { timeout: 180_000 },
    );
    stderr = converted.stderr;
    text = (await run("pdftotext", ["-layout", path.join(dir, "notice.pdf"), "-"])).stdout;
  }, 240_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("converts without a warning or an error from LibreOffice", () => {
    // The JVM notice LibreOffice prints on machines without Java is not about the document.
    expect(stderr.split("\n").filter((l) => l.trim() && !/javaldx|java may not function/.test(l))).toEqual([]);
  });

  it("holds every unit's rank and total as rank --json, in its order", () => {
    const lines = text.split("\n");
    let at = 0;
    for (const row of json.rows) {
      if (row.result === "disqualified") {
        // 不合格 in place of both rank and total, on the unit's line.
        const found = lines.findIndex((l, i) => i >= at && l.includes(row.unitName) && /^\s*不合格\s/.test(l));
        expect([row.unitName, found >= 0 && lines[found].split("不合格").length - 1]).toEqual([row.unitName, 2]);
        at = found + 1;
        continue;
      }
      const total = row.total!.toFixed(2);
      // A unit's table row: its rank first and its total on one line; its name on that line or, where a long
      // 备注 makes the row taller, within the row (pdftotext places the CJK text of a cell a line or two apart).
      const found = lines.findIndex((l, i) => i >= at && new RegExp(`^\\s*${row.rank}\\s`).test(l) && l.includes(` ${total} `));
      const band = lines.slice(Math.max(at, found - 4), found + 5).join("\n");
      expect([row.unitName, found >= 0, band.includes(row.unitName)]).toEqual([row.unitName, true, true]);
      at = found + 1;
    }
  });

  it("prints the page numbers — 1 — onwards", () => {
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(/—\s*2\s*—/);
  });
});
