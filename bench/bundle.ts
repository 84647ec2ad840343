// The task pane's download at start: every file taskpane.html loads before anything else happens (the
// page, functions.js, taskpane.js and the style sheet), each gzipped (zlib level 9) as a web server
// would send it, in KiB (1,024 bytes). office.js is Office's own and not counted. Chunks loaded on
// demand (a generation, a set-up, an import, the result view, English, the dark theme, exceljs) are
// listed separately. Goal: under 120 KiB. Measures a production build of the current sources (build.ts).

import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { startupFiles } from "../test/support/production-build";
import { productionBuild, verdict } from "./build";

export const GOAL_KIB = 120;

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

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export async function benchBundle(): Promise<BundleFigures> {
  console.log("\nbundle — what taskpane.html loads at start, gzipped (zlib -9), KiB = 1,024 bytes; office.js not counted");
  const figures = measureBundle(await productionBuild());
  const width = Math.max(...[...figures.startup, ...figures.later].map((f) => f.file.length), 10);
  const line = (f: FileSize) => `    ${f.file.padEnd(width)}  ${kib(f.bytes).padStart(10)}  ${kib(f.gzipBytes).padStart(9)} gzipped`;
  console.log("  at start:");
  for (const f of figures.startup) console.log(line(f));
  console.log(
    `    ${"total".padEnd(width)}  ${kib(figures.startup.reduce((n, f) => n + f.bytes, 0)).padStart(10)}  ${kib(figures.startupGzipBytes).padStart(9)} gzipped`,
  );
  for (const url of figures.external) console.log(`    not counted: ${url}`);
  if (figures.later.length) {
    console.log("  loaded on demand (not counted):");
    for (const f of figures.later) console.log(line(f));
  }
  console.log(
    verdict(
      "pane start size",
      `${kib(figures.startupGzipBytes)} gzipped`,
      `≤ ${GOAL_KIB} KiB`,
      figures.startupGzipBytes <= GOAL_KIB * 1024,
    ),
  );
  return figures;
}
