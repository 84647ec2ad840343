// Benchmark of the KP custom functions (spec §7): 10,000 KP.SCORE calls (target < 50 ms), with the
// built-in rules and with a 评分规则 range handed over afresh on every call as Excel does, and
// 1,000 KP.RANK calls over 28 totals with 人工接通率 tie-breaks. Call: `await benchFunctions()`.

import { INDICATOR_IDS, ruleTableRows } from "../src/engine";
import { rank, score, total } from "../src/functions/functions";
import { clearRuleCache } from "../src/functions/kp";
import { describeTemplate, functionLoad } from "../src/workbook";
import { installCustomFunctionsShim } from "../test/support/custom-functions-shim";

export interface FunctionsBenchResult {
  readonly scoreDefaultMs: number;
  readonly scoreWithRulesMs: number;
  readonly rankMs: number;
  readonly totalMs: number;
}

const SCORE_CALLS = 10_000;
const RANK_CALLS = 1_000;
const TOTAL_CALLS = 1_000;
const TARGET_MS = 50;
/** Cell values handed to the functions on a full recalculation of the template (issue 13; about 1.08 M before). */
const LOAD_GOAL = 40_000;

/** KP.SCORE arguments for one call, varied over the indicators as a sheet of 28 units × 11 would be. */
function scoreArgs(i: number): [string, unknown[][], unknown] {
  const id = INDICATOR_IDS[i % INDICATOR_IDS.length];
  const n = 800 + (i % 200);
  switch (id) {
    case "A1":
      return [id, [[n]], 950.5];
    case "A4":
      return [id, [[10 + (i % 300) / 10]], null];
    case "C1":
      return [id, [[i % 6, i % 3]], 10];
    case "C2":
      return [id, [[i % 4]], i % 2];
    default:
      return [id, [[n]], 1000];
  }
}

/** Wall-clock ms of f, and the process's CPU ms (user + system), which a busy machine inflates less. */
const cpu: Record<string, number> = {};
function time(f: () => void, label = ""): number {
  const startCpu = process.cpuUsage();
  const start = performance.now();
  f();
  const wall = performance.now() - start;
  const used = process.cpuUsage(startCpu);
  if (label) cpu[label] = (used.user + used.system) / 1000;
  return wall;
}

const HEADERS = [
  "单位",
  "月份",
  "工单总量",
  "人工排队量",
  "人工接听量",
  "信息咨询类工单量",
  "信息咨询类即时答复量",
  "平均等待时长（秒）",
  "转办工单量",
  "限时办结转办工单量",
  "跨市工单接收量",
  "限时办结跨市工单量",
  "即时答复参评量",
  "即时答复满意量",
  "办结转办工单量",
  "抽查回访量",
  "回访参评量",
  "回访满意量",
  "应报送信息数",
  "按时报送信息数",
  "逾期报送信息数",
  "督导一般问题数",
  "督导严重问题数",
];

export async function benchFunctions(): Promise<FunctionsBenchResult> {
  installCustomFunctionsShim();
  clearRuleCache();
  let sink = 0;

  // Warm-up (module initialisation and JIT, as in a custom-functions runtime that has been open a while), not timed.
  const rulesWarm = ruleTableRows();
  for (let i = 0; i < 5000; i++) {
    const [id, value, denominator] = scoreArgs(i);
    sink +=
      score(id, value, denominator) +
      score(
        id,
        value,
        denominator,
        rulesWarm.map((row) => [...row]),
      );
  }

  const scoreDefaultMs = time(() => {
    for (let i = 0; i < SCORE_CALLS; i++) sink += score(...scoreArgs(i));
  }, "scoreDefault");

  const rulesRows = ruleTableRows();
  const scoreWithRulesMs = time(() => {
    for (let i = 0; i < SCORE_CALLS; i++) {
      const [id, value, denominator] = scoreArgs(i);
      // A fresh copy per call: Excel hands every call its own arrays, so only the content key can hit.
      sink += score(
        id,
        value,
        denominator,
        rulesRows.map((row) => [...row]),
      );
    }
  }, "scoreWithRules");

  // One full recalculation's calls as the template makes them: each with its indicator's own rule row (B:H), a fresh copy.
  const ruleRows = new Map(rulesRows.slice(1).map((row) => [row[0], row.slice(1)]));
  const recalcCalls = 28 * 12 * INDICATOR_IDS.length;
  const scoreWithRowMs = time(() => {
    for (let i = 0; i < recalcCalls; i++) {
      const [id, value, denominator] = scoreArgs(i);
      sink += score(id, value, denominator, [[...ruleRows.get(id)!]]);
    }
  }, "scoreWithRow");

  const totals = Array.from({ length: 28 }, (_, i) => [50 + ((i * 37) % 170) / 10]);
  const rates = Array.from({ length: 28 }, (_, i) => [0.8 + ((i * 13) % 20) / 100]);
  for (let i = 0; i < 300; i++) sink += rank(totals[i % 28][0], totals, rates[i % 28][0], rates);
  const rankMs = time(() => {
    for (let i = 0; i < RANK_CALLS; i++) {
      const k = i % 28;
      sink += rank(totals[k][0], totals, rates[k][0], rates);
    }
  }, "rank");

  const row = ["郑州市", "2026-10", 1000, 1000, 850, 400, 392, 20, 100, 90, 0, 0, 100, 89, 100, 60, 50, 44, 10, 6, 2, 1, 1];
  for (let i = 0; i < 300; i++) sink += total([HEADERS], [row], 2000);
  const totalMs = time(() => {
    for (let i = 0; i < TOTAL_CALLS; i++) sink += total([HEADERS], [row], 2000);
  }, "total");

  const fmt = (ms: number, label: string) => `${ms.toFixed(1)} ms (CPU ${cpu[label].toFixed(1)} ms)`;
  console.log("KP custom functions");
  console.log(
    `  ${SCORE_CALLS} × KP.SCORE, built-in rules:        ${fmt(scoreDefaultMs, "scoreDefault")} (${((scoreDefaultMs * 1000) / SCORE_CALLS).toFixed(2)} µs/call; target < ${TARGET_MS} ms)`,
  );
  console.log(
    `  ${SCORE_CALLS} × KP.SCORE, 评分规则 range per call: ${fmt(scoreWithRulesMs, "scoreWithRules")} (${((scoreWithRulesMs * 1000) / SCORE_CALLS).toFixed(2)} µs/call)`,
  );
  console.log(`  ${recalcCalls} × KP.SCORE, own rule row per call (a full recalculation): ${fmt(scoreWithRowMs, "scoreWithRow")}`);
  console.log(`  ${RANK_CALLS} × KP.RANK over 28 totals with tie-breaks: ${fmt(rankMs, "rank")}`);
  console.log(`  ${TOTAL_CALLS} × KP.TOTAL of one row:                ${fmt(totalMs, "total")}`);
  // What a full recalculation of a full-year 28-unit workbook hands to KAOPING.* (counted from the formulas' ranges).
  const load = functionLoad(describeTemplate({ year: 2026 }));
  const verdict = load.values <= LOAD_GOAL ? "met" : "NOT met";
  console.log(
    `  values handed to KAOPING.* per full recalculation (28 units × 12 months): ${load.values.toLocaleString("en")} ` +
      `+ ${load.literals.toLocaleString("en")} literals in ${load.calls.toLocaleString("en")} calls (goal ≤ ${LOAD_GOAL.toLocaleString("en")}: ${verdict})`,
  );
  if (!Number.isFinite(sink)) console.log("  (checksum not finite)");
  return { scoreDefaultMs, scoreWithRulesMs, rankMs, totalMs };
}
