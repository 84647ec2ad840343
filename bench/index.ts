// `npm run bench` — every benchmark section in turn; `npm run bench -- engine rank` runs only the
// sections named. A section that fails is reported and the others still run. Benchmarks, not tests:
// figures are printed, nothing is asserted.
//
// The sections run from one esbuild bundle (dist-bench/index.js), built by `npm run bench` as the
// command-line tool is built: the code measured is the code shipped, in one scope. (Run through
// tsx instead, every call between modules goes through an export getter and every named closure
// through a naming helper, which costs the engine a quarter or more of its time.)

import { benchBundle } from "./bundle";
import { benchEngine } from "./engine";
import { benchFunctions } from "./functions";
import { benchOffice } from "./office";
import { benchPane } from "./pane";
import { benchRank } from "./rank";
import { benchWps } from "./wps";

const SECTIONS: ReadonlyMap<string, () => unknown> = new Map<string, () => unknown>([
  ["engine", benchEngine],
  ["functions", benchFunctions],
  ["rank", benchRank],
  ["office", benchOffice],
  ["bundle", benchBundle],
  ["pane", benchPane],
  ["wps", benchWps],
]);

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = asked.filter((a) => !SECTIONS.has(a));
  if (unknown.length) {
    console.error(`unknown bench section: ${unknown.join(", ")} (available: ${[...SECTIONS.keys()].join(", ")})`);
    process.exitCode = 2;
    return;
  }
  const names = asked.length ? asked : [...SECTIONS.keys()];
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; sections: ${names.join(", ")}`);
  for (const name of names) {
    try {
      await SECTIONS.get(name)!();
    } catch (e) {
      console.error(`bench section "${name}" failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exitCode = 1;
    }
  }
}

void main();
