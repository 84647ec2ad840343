// Benchmark of the WPS adapter on the in-memory ET host (test/support/memory-et): one generation of the
// October ranking through the pane's WPS controller, for 28 and 280 units (one indicator sheet each).
// Reported: object-model calls (each is a call from the page into WPS; goals at most 1,500 and 4,000,
// whatever the number of cells), by kind; the yields to WPS's window; the longest stretch without one
// (goal ≤ 100 ms on this machine) — measured on the in-memory host, whose calls cost less than WPS's, so
// the calls in that stretch are printed too; and the planning alone (the engine's ranking, which runs in
// one piece between the read and the write).

import { parsePeriod } from "../src/engine";
import { DEMO_EVENTS, rankWorkbook } from "../src/workbook";
import { createWpsController } from "../src/wps/controller";
import { etFromMemoryExcel } from "../test/support/memory-et/from-memory-excel";
import { syntheticUnits, yearWorkbook } from "../test/support/synthetic-workbooks";
import { etPort } from "../src/adapters/wps/et-port";

interface WpsFigures {
  readonly units: number;
  readonly calls: number;
  readonly byKind: string;
  readonly yields: number;
  readonly longestMs: number;
  readonly longestCalls: number;
  readonly planMs: number;
  readonly totalMs: number;
}

const OCTOBER = parsePeriod("2026-10")!;
const NOW = () => new Date(2026, 10, 3, 9, 30);

async function measure(n: number): Promise<WpsFigures> {
  const excel = yearWorkbook({ units: syntheticUnits(n), events: n === 28 ? DEMO_EVENTS : [] });
  const { host, app } = etFromMemoryExcel(excel);
  const yieldToWindow = async () => {
    host.markYield();
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  // The planning alone, on the same snapshot.
  const snapshot = await etPort(app).read();
  const planStart = performance.now();
  rankWorkbook(snapshot.sheets, { period: OCTOBER, published: "2026-11-05", generated: "2026-11-03 09:30" });
  const planMs = performance.now() - planStart;
  const controller = createWpsController(app, { yieldToWindow, now: NOW });
  host.resetCalls();
  const start = performance.now();
  await controller.generate(OCTOBER, "2026-11-05");
  host.markYield();
  const totalMs = performance.now() - start;
  const longest = host.stretches.reduce((a, b) => (b.ms > a.ms ? b : a));
  const kinds = [...host.calls].sort((a, b) => b[1] - a[1]).slice(0, 6);
  return {
    units: n,
    calls: host.callCount,
    byKind: kinds.map(([k, v]) => `${k} ${v}`).join(", "),
    yields: host.stretches.length - 1,
    longestMs: longest.ms,
    longestCalls: longest.calls,
    planMs,
    totalMs,
  };
}

export async function benchWps(): Promise<void> {
  console.log("\nwps — one generation (October 2026) through the WPS adapter on the in-memory ET host");
  const rows = [await measure(28), await measure(280)];
  console.log("  units  object-model calls  yields  longest stretch (its calls)  planning  whole generation");
  for (const r of rows)
    console.log(
      `  ${String(r.units).padStart(5)}  ${String(r.calls).padStart(18)}  ${String(r.yields).padStart(6)}  ${`${r.longestMs.toFixed(0)} ms (${r.longestCalls})`.padStart(27)}  ${`${r.planMs.toFixed(0)} ms`.padStart(8)}  ${`${r.totalMs.toFixed(0)} ms`.padStart(16)}`,
    );
  for (const r of rows) console.log(`  ${r.units} units, most called: ${r.byKind}`);
  const goals = [rows[0].calls <= 1500, rows[1].calls <= 4000];
  console.log(`  goals: ≤ 1,500 calls at 28 units ${goals[0] ? "met" : "MISSED"}; ≤ 4,000 at 280 ${goals[1] ? "met" : "MISSED"}`);
  console.log(
    `  longest stretch ≤ 100 ms: ${rows.every((r) => r.longestMs <= 100) ? "met" : "MISSED"} (in-memory host; a WPS call costs more, see the calls per stretch)`,
  );
}
