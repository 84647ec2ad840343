// The command-line tool in a process of its own, as it ships: on files made to exhaust it (refused with
// the file and its size named, quickly and within a few hundred MB, its time and memory its own), and
// writing to a pipe its reader has closed (`kp12328 rank … | head -1`).

import { spawn } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { baseWorkbookBytes, tempDir } from "./support/cli-harness";
import { inflatingWorkbook } from "./support/zip-bombs";

jest.setTimeout(120_000);

const root = path.join(__dirname, "..");
let dir = "";
let bundle = "";

beforeAll(async () => {
  dir = await tempDir("kp12328-arriving-");
  // The CLI as it ships (esbuild's bundle of src/cli/main.ts), built fresh from the sources under test.
  bundle = path.join(dir, "main.js");
  await require("esbuild").build({
    entryPoints: [path.join(root, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    outfile: bundle,
    logLevel: "warning",
  });
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** Runs `kp12328 args` in a child; its own time for main() and its peak memory (maxRSS), reported on fd 3. */
async function measured(args: string[], closeStdout = false) {
  const script = `
    const { main } = require(${JSON.stringify(bundle)});
    const started = Date.now();
    main(process.argv.slice(1)).then((code) => {
      require("fs").writeSync(3, JSON.stringify({ code, ms: Date.now() - started, rssMb: process.resourceUsage().maxRSS / 1024 }));
      process.exitCode = code;
    });`;
  return new Promise<{ code: number; ms: number; rssMb: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script, "--", ...args], { stdio: ["ignore", "pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let report = "";
    // The reader that goes away before a line is written (head -1 after its line).
    if (closeStdout) child.stdout!.destroy();
    else child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.stdio[3]!.on("data", (d) => (report += d));
    child.on("error", reject);
    child.on("close", () => resolve({ ...JSON.parse(report), stdout, stderr }));
  });
}

it("refuses a workbook whose sheet inflates to 1.5 GB within 5 s and 300 MB, naming the file and the size", async () => {
  const file = path.join(dir, "郑州市.xlsx");
  await fs.writeFile(file, await inflatingWorkbook(await baseWorkbookBytes(), 1.5 * 1024 ** 3));
  const result = await measured(["rank", file, "--period", "2026-10"]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toContain("解压后有 1.5 GB");
  expect(result.ms).toBeLessThan(5000);
  expect(result.rssMb).toBeLessThan(300);
  await expect(fs.access(path.join(dir, "郑州市-2026-10-考评结果.xlsx"))).rejects.toThrow();
});

it("refuses a workbook that lies about its size within 5 s and 300 MB", async () => {
  const file = path.join(dir, "liar.xlsx");
  await fs.writeFile(file, await inflatingWorkbook(await baseWorkbookBytes(), 1.5 * 1024 ** 3, 1024 * 1024));
  const result = await measured(["validate", file, "--period", "2026-10"]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain("超过其声明的 1 MB");
  expect(result.ms).toBeLessThan(5000);
  expect(result.rssMb).toBeLessThan(300);
});

it("ends quietly when the reader of its output has closed the pipe, the result still written", async () => {
  const file = path.join(dir, "base.xlsx");
  await fs.writeFile(file, await baseWorkbookBytes());
  const out = path.join(dir, "base-out.xlsx");
  const result = await measured(["rank", file, "--period", "2026-10", "--out", out], true);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  await expect(fs.stat(out)).resolves.toBeTruthy();
});
