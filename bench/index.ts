// `npm run bench` — every benchmark section in turn; `npm run bench -- engine rank` runs only the
// sections named. A section is a module of this folder exporting a function named bench…; the
// known ones run in the order below, any other after them. A section that fails is reported and
// the others still run. Benchmarks, not tests: figures are printed, nothing is asserted.

import { readdirSync } from "fs";
import * as path from "path";

const ORDER = ["engine", "functions", "rank", "office", "bundle"];

type Section = () => unknown;

function sections(): Map<string, Section> {
  const names = readdirSync(__dirname)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.endsWith(".test.ts") && f !== "index.ts")
    .map((f) => f.slice(0, -3))
    .sort((a, b) => (ORDER.indexOf(a) + 1 || ORDER.length + 1) - (ORDER.indexOf(b) + 1 || ORDER.length + 1) || (a < b ? -1 : 1));
  const found = new Map<string, Section>();
  for (const name of names) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, name)) as Record<string, unknown>;
    const entry = Object.entries(mod).find(([key, value]) => /^bench[A-Z]/.test(key) && typeof value === "function");
    if (entry) found.set(name, entry[1] as Section);
  }
  return found;
}

async function main(): Promise<void> {
  const all = sections();
  const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = asked.filter((a) => !all.has(a));
  if (unknown.length) {
    console.error(`unknown bench section: ${unknown.join(", ")} (available: ${[...all.keys()].join(", ")})`);
    process.exitCode = 2;
    return;
  }
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; sections: ${(asked.length ? asked : [...all.keys()]).join(", ")}`);
  for (const name of asked.length ? asked : [...all.keys()]) {
    try {
      await all.get(name)!();
    } catch (e) {
      console.error(`bench section "${name}" failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exitCode = 1;
    }
  }
}

void main();
