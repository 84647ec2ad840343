// Benchmark of the Office.js adapter on the in-memory Excel host (src/testing/memory-excel): one
// generation of the October ranking for 28 and 2,800 units, each with its own indicator sheet.
// Reported: round trips (context.sync calls that sent something), the largest request against Excel
// on the web's 5 MB cap, all bytes sent and the largest response (no time: the in-memory host's is not Excel's).
// Target: the same number of round trips (at most 4) for both sizes, every request under 5 MB.

import { DEFAULT_UNITS, parsePeriod } from "../src/engine";
import { DEMO_EVENTS } from "../src/workbook";
import { createOfficeController } from "../src/taskpane/host/office-controller";
import { FIVE_MB, installGlobals } from "../test/support/memory-excel";
import { syntheticUnits, yearWorkbook } from "../test/support/synthetic-workbooks";
import { verdict } from "./build";

export interface GenerationFigures {
  readonly units: number;
  readonly layout: "unitSheets" | "summary";
  readonly syncs: number;
  readonly largestRequestBytes: number;
  readonly totalRequestBytes: number;
  readonly largestResponseBytes: number;
  /** Requests the host refused (a response over the cap, which the adapter then splits). */
  readonly refused: number;
  readonly ms: number;
}

/** One generation of October on a fresh workbook of `n` units, measured. */
export async function measureGeneration(n: number, layout: "unitSheets" | "summary" = "unitSheets"): Promise<GenerationFigures> {
  const host = yearWorkbook({ units: syntheticUnits(n), events: n === DEFAULT_UNITS.length ? DEMO_EVENTS : [], layout });
  const globals = installGlobals(host);
  try {
    const controller = createOfficeController({
      run: (batch) => host.run(batch),
      isSetSupported: (set, v) => globals.Office.context.requirements.isSetSupported(set, v),
      now: () => new Date(2026, 10, 3, 9, 30),
    });
    host.resetStats();
    const start = performance.now();
    await controller.generate(parsePeriod("2026-10")!, "2026-11-05");
    const ms = performance.now() - start;
    return {
      units: n,
      layout,
      syncs: host.syncCount,
      largestRequestBytes: host.largestRequestBytes,
      totalRequestBytes: host.requests.reduce((s, r) => s + r.bytes, 0),
      largestResponseBytes: host.requests.reduce((m, r) => (r.ok ? Math.max(m, r.responseBytes) : m), 0),
      refused: host.requests.filter((r) => !r.ok).length,
      ms,
    };
  } finally {
    globals.uninstall();
  }
}

/** Whether each layout takes the same round trips at every size. */
function sameTrips(rows: readonly GenerationFigures[]): boolean {
  return (["unitSheets", "summary"] as const).every(
    (layout) => new Set(rows.filter((r) => r.layout === layout).map((r) => r.syncs)).size <= 1,
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchOffice(): Promise<void> {
  console.log("\noffice — one generation (October 2026) through the Office.js adapter on the in-memory Excel host");
  console.log(`  Excel on the web caps a request and a response at ${kb(FIVE_MB)}; target: the same round trips for every size, at most 4`);
  const rows: GenerationFigures[] = [];
  for (const [n, layout] of [
    [28, "unitSheets"],
    [2800, "unitSheets"],
    [28, "summary"],
    [2800, "summary"],
  ] as const)
    rows.push(await measureGeneration(n, layout));
  // No time column: the in-memory host's time is not Excel's, and a round trip's cost is Excel's to tell.
  console.log("  units  layout                  round trips  largest request  total sent  largest response");
  for (const r of rows) {
    const layout = r.layout === "summary" ? "指标汇总 (one sheet)" : "one sheet per unit";
    console.log(
      `  ${String(r.units).padStart(5)}  ${layout.padEnd(22)}  ${String(r.syncs).padStart(11)}  ${kb(r.largestRequestBytes).padStart(15)}  ${kb(r.totalRequestBytes).padStart(10)}  ${kb(r.largestResponseBytes).padStart(16)}`,
    );
  }
  for (const layout of ["unitSheets", "summary"] as const) {
    const of = rows.filter((r) => r.layout === layout);
    const constant = of.every((r) => r.syncs === of[0].syncs);
    console.log(
      `  ${layout === "summary" ? "指标汇总" : "per-unit sheets"}: round trips ${constant ? "constant" : "not constant"} (${of.map((r) => `${r.units}: ${r.syncs}`).join(", ")})`,
    );
  }
  const under = rows.every((r) => r.largestRequestBytes <= FIVE_MB && r.largestResponseBytes <= FIVE_MB);
  const most = Math.max(...rows.map((r) => r.syncs));
  console.log(
    verdict("round trips of a generation, any size", `at most ${most}`, "≤ 4, the same for every size", most <= 4 && sameTrips(rows)),
  );
  console.log(
    verdict(
      "largest request and answered response",
      kb(Math.max(...rows.map((r) => Math.max(r.largestRequestBytes, r.largestResponseBytes)))),
      `≤ ${kb(FIVE_MB)}`,
      under,
    ),
  );
  for (const r of rows.filter((x) => x.refused)) {
    console.log(
      `  ${r.units} ${r.layout === "summary" ? "units in 指标汇总" : "per-unit sheets"}: ${r.refused} read refused for passing the 5 MB response cap, then read in parts`,
    );
  }
}
