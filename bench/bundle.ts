// The task pane's download: every file taskpane.html loads at start (the page, functions.js,
// taskpane.js and any style sheet), each gzipped (zlib level 9) as a web server would send it.
// office.js is Office's own and not counted; chunks loaded later (exceljs, only when .xlsx files are
// imported) are listed separately. Target: under 300 kB gzipped for everything the pane loads at
// start besides office.js. Uses dist/ (built with `webpack --mode production` first when it is
// missing); `npm run bench -- bundle --build` rebuilds it.

import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { DIST, ROOT, buildProduction, startupFiles } from "../test/support/production-build";

const TARGET_GZIP_BYTES = 300_000;

export interface FileSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleFigures {
  readonly dir: string;
  readonly startup: FileSize[];
  readonly startupGzipBytes: number;
  readonly external: string[];
  readonly later: FileSize[];
}

function sizeOf(dir: string, file: string): FileSize {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** The sizes of a production build in `dir`. */
export function measureBundle(dir: string): BundleFigures {
  const { local, external } = startupFiles(dir);
  const startup = local.map((f) => sizeOf(dir, f));
  const later = fs
    .readdirSync(dir)
    .filter((f) => /\.(?:m?js|css)$/.test(f) && !local.includes(f))
    .sort()
    .map((f) => sizeOf(dir, f));
  return { dir, startup, startupGzipBytes: startup.reduce((n, f) => n + f.gzipBytes, 0), external, later };
}

/** Newest modification time under `dir` (files only), 0 when it does not exist. */
function newest(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

export async function benchBundle(): Promise<BundleFigures> {
  console.log("\nbundle: what taskpane.html loads at start, gzipped (zlib level 9), office.js excluded");
  const page = path.join(DIST, "taskpane.html");
  if (!fs.existsSync(page) || process.argv.includes("--build")) {
    console.log("  building dist/ (webpack --mode production) …");
    const { ms } = await buildProduction(DIST);
    console.log(`  built in ${(ms / 1000).toFixed(0)} s`);
  } else if (newest(path.join(ROOT, "src")) > fs.statSync(page).mtimeMs) {
    console.log("  note: src/ has changed since dist/ was built; `npm run bench -- bundle --build` measures the current code");
  }
  const figures = measureBundle(DIST);
  const width = Math.max(...[...figures.startup, ...figures.later].map((f) => f.file.length), 10);
  const line = (f: FileSize) => `    ${f.file.padEnd(width)}  ${kB(f.bytes).padStart(9)}  ${kB(f.gzipBytes).padStart(9)} gzipped`;
  console.log("  at start:");
  for (const f of figures.startup) console.log(line(f));
  const ok = figures.startupGzipBytes < TARGET_GZIP_BYTES;
  console.log(
    `    ${"total".padEnd(width)}  ${kB(figures.startup.reduce((n, f) => n + f.bytes, 0)).padStart(9)}  ${kB(figures.startupGzipBytes).padStart(9)} gzipped  (target < ${kB(TARGET_GZIP_BYTES)}: ${ok ? "met" : "NOT MET"})`,
  );
  for (const url of figures.external) console.log(`    not counted: ${url}`);
  if (figures.later.length) {
    console.log("  loaded later, on demand (not counted):");
    for (const f of figures.later) console.log(line(f));
  }
  return figures;
}
