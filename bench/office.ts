// Benchmark of the Office.js adapter on the in-memory Excel host (test/support/memory-excel): one
// generation of the October ranking for 28, 280 and 2,800 units, with one indicator sheet per unit or one
// 指标汇总 sheet. Reported: round trips (context.sync calls that sent something), the largest request
// against Excel on the web's 5 MB cap, all bytes sent and the largest response (no time: the in-memory
// host's is not Excel's). Targets: at most 4 round trips up to 280 units (ten times the province), the
// same for both sizes; at any size, every request and answered response under 5 MB — at 2,800 units the
// cap, not the adapter, adds round trips (a read refused for its size is read again in parts).

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

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchOffice(): Promise<void> {
  console.log("\noffice — one generation (October 2026) through the Office.js adapter on the in-memory Excel host");
  console.log(`  Excel on the web caps a request and a response at ${kb(FIVE_MB)}`);
  const rows: GenerationFigures[] = [];
  for (const [n, layout] of [
    [28, "unitSheets"],
    [280, "unitSheets"],
    [2800, "unitSheets"],
    [28, "summary"],
    [280, "summary"],
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
  const upTo280 = rows.filter((r) => r.units <= 280);
  const most = Math.max(...upTo280.map((r) => r.syncs));
  const same = upTo280.every((r) => r.syncs === upTo280[0].syncs);
  console.log(verdict("round trips of a generation, 28 and 280 units", `at most ${most}`, "≤ 4, the same for both", most <= 4 && same));
  for (const r of rows.filter((x) => x.units > 280)) {
    const layout = r.layout === "summary" ? "units in 指标汇总" : "per-unit sheets";
    const refused = r.refused ? `, ${r.refused} read refused for passing the 5 MB response cap, then read in parts` : "";
    console.log(`  ${r.units} ${layout}: ${r.syncs} round trips, split where a request would pass the cap${refused}`);
  }
  const under = rows.every((r) => r.largestRequestBytes <= FIVE_MB && r.largestResponseBytes <= FIVE_MB);
  console.log(
    verdict(
      "largest request and answered response, any size",
      kb(Math.max(...rows.map((r) => Math.max(r.largestRequestBytes, r.largestResponseBytes)))),
      `≤ ${kb(FIVE_MB)}`,
      under,
    ),
  );
}
