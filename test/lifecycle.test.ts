// The publication lifecycle end to end (spec §6 "Publication lifecycle"), through the command-line
// tool on files and through the Office.js adapter on the in-memory host: rank → publish → change one
// input → rank → rank with nothing changed → after the 公示期. After each step every published version
// is there and unchanged, 修正记录 holds exactly the rows worked out by hand, and no run without a
// change makes a version.

import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { EvaluationJson } from "../src/cli/json";
import { CellValue } from "../src/engine";
import { INPUTS_SHEET, REGISTRY_SHEET } from "../src/workbook";
import { createOfficeController } from "../src/taskpane/host/office-controller";
import type { PaneController } from "../src/taskpane/controller";
import { installGlobals, listSheets, setCells, sheetValues } from "./support/memory-excel";
import { yearWorkbook } from "./support/synthetic-workbooks";
import { EVENTS, OCT_ROW, UNITS, fourUnitWorkbook, octoberValues } from "./support/four-units";
import { tempDir } from "./support/cli-harness";

jest.setTimeout(60_000);

const RESULT = "2026年10月 考评结果";
const V1 = `${RESULT} v1`;
/** The 公示表 shows the current version: a correction replaces it in place. */
const PUBLICATION = "2026年10月 公示表";
const PERIOD = "2026年10月";
const REASON = "乙市在公示期内提出异议：人工接听量漏计 110 个，核实后更正";

/** 修正记录's rows for 乙市's 人工接听量 850 → 960, worked out by hand (spec §4, §5). */
function expectedCorrections(generated: string): unknown[][] {
  const head = (unit: string) => [2, generated, PERIOD, unit];
  return [
    // 96% ≥ 95% → A2 full 10.00 (was 10 × (85 − 75) / 20 = 5.00): 62.00 → 67.00, 4th → 2nd.
    [...head("乙市"), "输入数据", "乙市!D13", "人工接听量", 850, 960, REASON],
    [...head("乙市"), "名次", null, "名次", 4, 2, REASON],
    [...head("乙市"), "得分", null, "A2 人工接通率", 0.85, 0.96, REASON],
    [...head("乙市"), "得分", null, "A2 得分", 5, 10, REASON],
    [...head("乙市"), "得分", null, "基本分", 62, 67, REASON],
    [...head("乙市"), "总分", null, "总分", 62, 67, REASON],
    [...head("乙市"), "得分", null, "人工接通率", 0.85, 0.96, REASON],
    // 丁县 66.20 and 丙市 65.50 each move down one place.
    [...head("丁县"), "名次", null, "名次", 2, 3, REASON],
    [...head("丙市"), "名次", null, "名次", 3, 4, REASON],
  ];
}

/** The state, version and 发布日期 a result sheet's header shows. */
/**
 * The status rows (2 and 3): each value is the first filled cell after its label. A label may span two merged
 * cells, the second empty in Excel and the label again as ExcelJS reads a file.
 */
function header(values: readonly (readonly unknown[])[]): { state: unknown; version: unknown; published: unknown } {
  const after = (label: string) => {
    const row = values.slice(1, 3).find((r) => r.includes(label)) ?? [];
    return row.slice(row.indexOf(label) + 1).find((v) => v !== null && v !== undefined && v !== "" && v !== label);
  };
  return { state: after("状态"), version: after("版本"), published: after("发布日期") };
}

/** The rows under 修正记录's header row (row 3). */
function correctionRows(values: readonly (readonly unknown[])[]): unknown[][] {
  return values.slice(3).map((r) => Array.from({ length: 10 }, (_, i) => (r[i] === "" || r[i] === undefined ? null : r[i])));
}

// ---------------------------------------------------------------- command-line tool

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v && typeof v === "object" && "text" in v) return String((v as { text: unknown }).text);
  if (v && typeof v === "object" && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
  return (v ?? null) as CellValue;
}

async function sheetsOf(file: string): Promise<Map<string, { state: string; values: CellValue[][] }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, { state: string; values: CellValue[][] }>();
  for (const ws of wb.worksheets) {
    const values: CellValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++)
      values.push(Array.from({ length: ws.columnCount }, (_, c) => cellValue(ws.getRow(r).getCell(c + 1).value)));
    out.set(ws.name, { state: ws.state, values });
  }
  return out;
}

async function cli(args: string[], day: number, hour = 9): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date(2026, 10, day, hour, 0) });
  return { code, out, err };
}

describe("the lifecycle through kp12328 rank (the output workbook is the period's ledger)", () => {
  let dir = "";
  let input = "";
  let output = "";
  const rank = async (day: number, extra: string[] = []) => {
    const run = await cli(["rank", input, "--period", "2026-10", "--json", ...extra], day);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    return { json: JSON.parse(run.out.join("\n")) as EvaluationJson, sheets: await sheetsOf(output) };
  };

  beforeAll(async () => {
    dir = await tempDir("kp12328-lifecycle-");
    input = path.join(dir, "base.xlsx");
    output = path.join(dir, "base-2026-10-考评结果.xlsx");
    await fourUnitWorkbook().xlsx.writeFile(input);
  });

  test("rank → publish → correct → rank unchanged → after the 公示期", async () => {
    // 1. Ranked before publication: complete, 待发布, no version yet.
    const first = await rank(3);
    expect(first.json).toMatchObject({ status: "final", state: "ready", version: 0, generation: "created", publicityEnd: null });
    expect(header(first.sheets.get(RESULT)!.values)).toEqual({ state: "待发布", version: "—（未发布）", published: "未定" });

    // 2. Published on Thu 2026-11-05: the same result replaced in place as 第 1 版, 公示期 to Thu 11-12.
    const published = await rank(5, ["--published", "2026-11-05"]);
    expect(published.json).toMatchObject({ status: "publicity", state: "publicity", version: 1, generation: "replaced" });
    expect(published.json.publicityEnd).toBe("2026-11-12");
    const v1 = published.sheets.get(RESULT)!.values;
    expect(header(v1)).toEqual({ state: "公示中", version: "第 1 版", published: "2026-11-05" });
    expect([...published.sheets.keys()].filter((n) => n.includes("考评结果"))).toEqual([RESULT]);

    // 3. 乙市's 人工接听量 corrected in the input; ranked again with a reason and no date: the date carries over.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    expect(wb.getWorksheet("乙市")!.getCell(`D${OCT_ROW}`).value).toBe(850);
    wb.getWorksheet("乙市")!.getCell(`D${OCT_ROW}`).value = 960;
    await wb.xlsx.writeFile(input);
    const corrected = await rank(9, ["--reason", REASON]);
    expect(corrected.json).toMatchObject({ status: "corrected", state: "corrected", version: 2, generation: "corrected" });
    expect(corrected.json).toMatchObject({ published: "2026-11-05", publicityEnd: "2026-11-12" });
    const kept = corrected.sheets.get(V1)!.values;
    // The published version is there, unchanged but for its mark in the empty row above its table, after 名次 and 单位.
    expect(kept[4][2]).toBe("已被替代：本版已被第 2 版替代（2026-11-09 09:00 更正），变更见“修正记录”表");
    expect(kept.map((r, i) => (i === 4 ? r.map(() => null) : r))).toEqual(v1.map((r, i) => (i === 4 ? r.map(() => null) : r)));
    const now = corrected.sheets.get(RESULT)!.values;
    expect(header(now)).toEqual({ state: "已更正", version: "第 2 版（更正）", published: "2026-11-05" });
    // Row 4, the notices, from column C (名次 and 单位 repeat on the second printed page).
    expect(String(now[3][2])).toContain("更正：本版为第 2 版（2026-11-09 09:00 更正），替代第 1 版“2026年10月 考评结果 v1”");
    const log = corrected.sheets.get("修正记录")!.values;
    expect(log[0][0]).toBe("修正记录");
    expect(correctionRows(log)).toEqual(expectedCorrections("2026-11-09 09:00"));

    // 4. Nothing changed: 结果未变化, no version, 修正记录 as it was.
    const again = await rank(10);
    expect(again.json).toMatchObject({ state: "corrected", version: 2, generation: "unchanged" });
    expect(again.sheets.get(V1)!.values).toEqual(kept);
    expect(correctionRows(again.sheets.get("修正记录")!.values)).toEqual(expectedCorrections("2026-11-09 09:00"));
    expect([...again.sheets.keys()].join(",")).toEqual([...corrected.sheets.keys()].join(","));

    // 5. After the 公示期 (11-12): still 第 2 版, 已更正; no version.
    const after = await rank(20);
    expect(after.json).toMatchObject({ status: "corrected", state: "corrected", version: 2, generation: "unchanged" });
    expect(after.sheets.get(V1)!.values).toEqual(kept);
    expect(correctionRows(after.sheets.get("修正记录")!.values)).toHaveLength(9);
    expect([...after.sheets.entries()].map(([name, s]) => [name, s.state]).filter(([n]) => !UNITS.some((u) => u.name === n))).toEqual([
      ["评分规则", "visible"],
      ["考评单位", "visible"],
      ["考评事件", "visible"],
      ["节假日调整", "visible"],
      [V1, "visible"],
      [RESULT, "visible"],
      [PUBLICATION, "visible"],
      ["修正记录", "visible"],
      [INPUTS_SHEET, "veryHidden"],
      ["数据校验", "visible"],
      [REGISTRY_SHEET, "veryHidden"],
    ]);
  });

  test("a published result whose 公示期 has ended without a correction is 正式, without a new version", async () => {
    const file = path.join(dir, "plain.xlsx");
    await fourUnitWorkbook().xlsx.writeFile(file);
    const out = path.join(dir, "plain-out.xlsx");
    const args = ["rank", file, "--period", "2026-10", "--json", "--out", out];
    expect((await cli([...args, "--published", "2026-11-05"], 5)).code).toBe(0);
    const later = await cli(args, 13);
    expect(JSON.parse(later.out.join("\n"))).toMatchObject({ status: "final", state: "final", version: 1, generation: "unchanged" });
    expect(header((await sheetsOf(out)).get(RESULT)!.values).state).toBe("正式");
  });

  test("says 结果未变化 in its summary, and refuses a date on or before the period's end with exit 2", async () => {
    const file = path.join(dir, "words.xlsx");
    await fourUnitWorkbook().xlsx.writeFile(file);
    expect((await cli(["rank", file, "--period", "2026-10", "--published", "2026-11-05"], 5)).code).toBe(0);
    const again = await cli(["rank", file, "--period", "2026-10"], 6);
    expect(again.out[0]).toBe("2026年10月 考评结果（公示中，第 1 版）");
    expect(again.out).toContain("结果未变化：数据、规则和发布日期均与第 1 版相同，未生成新版本（“2026年10月 考评结果”，公示中）。");
    const early = await cli(["rank", file, "--period", "2026-Q4", "--published", "2026-09-30"], 6);
    expect(early.code).toBe(2);
    expect(early.err[0]).toBe(
      "kp12328: --published：发布日期 2026-09-30 不晚于2026年第4季度的最后一天（2026-12-31）：考评期结束后才能发布结果，请更正发布日期" +
        "（运行 kp12328 rank --help 查看用法）",
    );
  });

  test("never replaces a file it did not make, unless --replace says so", async () => {
    const file = path.join(dir, "other.xlsx");
    await fourUnitWorkbook().xlsx.writeFile(file);
    const foreign = path.join(dir, "foreign.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("别人的表").getCell("A1").value = "别动";
    await wb.xlsx.writeFile(foreign);
    const refused = await cli(["rank", file, "--period", "2026-10", "--out", foreign], 5);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toBe(
      `kp12328: ${foreign} 已存在，且不是本工具生成的结果工作簿；请用 --out 指定另一个文件，或加 --replace 覆盖它（其中已发布的结果将不再保留）`,
    );
    expect((await sheetsOf(foreign)).get("别人的表")!.values).toEqual([["别动"]]);
    expect((await cli(["rank", file, "--period", "2026-10", "--out", foreign, "--replace"], 5)).code).toBe(0);
    expect((await sheetsOf(foreign)).has(RESULT)).toBe(true);
  });

  test("a version published by an earlier release (no state in the registry) is kept: unchanged stays, a change corrects it", async () => {
    const file = path.join(dir, "earlier.xlsx");
    await fourUnitWorkbook().xlsx.writeFile(file);
    const out = path.join(dir, "earlier-out.xlsx");
    const args = ["rank", file, "--period", "2026-10", "--json", "--out", out];
    expect((await cli([...args, "--published", "2026-11-05"], 5)).code).toBe(0);
    // As the earlier release left it: the registry's columns sheet | role | period | version | created, no inputs ledger.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const registry = wb.getWorksheet(REGISTRY_SHEET)!;
    registry.eachRow((row) => [6, 7, 8].forEach((c) => (row.getCell(c).value = null)));
    wb.removeWorksheet(wb.getWorksheet(INPUTS_SHEET)!.id);
    await wb.xlsx.writeFile(out);

    const same = JSON.parse((await cli(args, 6)).out.join("\n"));
    expect(same).toMatchObject({ generation: "unchanged", version: 1, published: "2026-11-05", state: "publicity" });
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(file);
    input.getWorksheet("乙市")!.getCell(`D${OCT_ROW}`).value = 960;
    await input.xlsx.writeFile(file);
    const corrected = JSON.parse((await cli([...args, "--reason", REASON], 9)).out.join("\n"));
    expect(corrected).toMatchObject({ generation: "corrected", version: 2, published: "2026-11-05" });
    // The unchanged run wrote the inputs ledger for the published version: the correction names the input cell.
    expect(correctionRows((await sheetsOf(out)).get("修正记录")!.values)).toEqual(expectedCorrections("2026-11-09 09:00"));
  });

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });
});

// ---------------------------------------------------------------- the add-in on the in-memory host

describe("the lifecycle through the task pane's Office controller (in-memory Excel)", () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());

  function pane(clock: { now: Date }): { host: ReturnType<typeof yearWorkbook>; controller: PaneController } {
    const host = yearWorkbook({ units: UNITS, values: octoberValues, events: EVENTS });
    const globals = installGlobals(host);
    uninstall = globals.uninstall;
    const controller = createOfficeController({
      run: (batch) => host.run(batch),
      isSetSupported: (name, version) => globals.Office.context.requirements.isSetSupported(name, version),
      now: () => clock.now,
    });
    return { host, controller };
  }

  const period = { kind: "month", year: 2026, month: 10 } as const;

  test("rank → publish → correct → rank unchanged → after the 公示期", async () => {
    const clock = { now: new Date(2026, 10, 3, 9, 0) };
    const { host, controller } = pane(clock);
    const names = () => listSheets(host).map((s) => s.name);

    const first = await controller.generate(period);
    expect(first.lifecycle).toMatchObject({ kind: "created", state: "ready", version: 0 });

    clock.now = new Date(2026, 10, 5, 9, 0);
    const published = await controller.generate(period, "2026-11-05");
    expect(published.lifecycle).toMatchObject({ kind: "replaced", state: "publicity", version: 1, published: "2026-11-05" });
    const v1 = sheetValues(host, RESULT);
    expect(header(v1)).toEqual({ state: "公示中", version: "第 1 版", published: "2026-11-05" });

    setCells(host, "乙市", `D${OCT_ROW}`, [[960]]);
    clock.now = new Date(2026, 10, 9, 9, 0);
    const corrected = await controller.generate(period, undefined, undefined, REASON);
    expect(corrected.lifecycle).toMatchObject({ kind: "corrected", state: "corrected", version: 2, published: "2026-11-05" });
    expect(corrected.previousVersion).toBe(V1);
    expect(corrected.corrections).toBe(9);
    const kept = sheetValues(host, V1);
    expect(kept[4][2]).toBe("已被替代：本版已被第 2 版替代（2026-11-09 09:00 更正），变更见“修正记录”表");
    const blankRow5 = (rows: CellValue[][]) => rows.map((r, i) => (i === 4 ? r.map(() => "") : r));
    expect(blankRow5(kept)).toEqual(blankRow5(v1));
    expect(correctionRows(sheetValues(host, "修正记录"))).toEqual(expectedCorrections("2026-11-09 09:00"));
    const sheetsAfterCorrection = names();

    clock.now = new Date(2026, 10, 10, 9, 0);
    const again = await controller.generate(period);
    expect(again.lifecycle).toMatchObject({ kind: "unchanged", state: "corrected", version: 2 });
    expect(again.message).toBe("结果未变化：数据、规则和发布日期均与第 2 版相同，未生成新版本（“2026年10月 考评结果”，已更正）。");
    expect(sheetValues(host, V1)).toEqual(kept);
    expect(correctionRows(sheetValues(host, "修正记录"))).toEqual(expectedCorrections("2026-11-09 09:00"));
    expect(names()).toEqual(sheetsAfterCorrection);

    clock.now = new Date(2026, 10, 20, 9, 0);
    const after = await controller.generate(period);
    expect(after.lifecycle).toMatchObject({ kind: "unchanged", state: "corrected", version: 2 });
    expect(sheetValues(host, V1)).toEqual(kept);
    expect(correctionRows(sheetValues(host, "修正记录"))).toHaveLength(9);
    expect(
      listSheets(host)
        .filter((s) => !UNITS.some((u) => u.name === s.name))
        .map((s) => [s.name, s.visibility]),
    ).toEqual([
      ["评分规则", "Visible"],
      ["考评单位", "Visible"],
      ["考评事件", "Visible"],
      ["节假日调整", "Visible"],
      [V1, "Visible"],
      [RESULT, "Visible"],
      [PUBLICATION, "Visible"],
      ["修正记录", "Visible"],
      [INPUTS_SHEET, "VeryHidden"],
      ["数据校验", "Visible"],
      [REGISTRY_SHEET, "VeryHidden"],
    ]);
  });

  test("a draft replaces the earlier draft in place, and a draft after publication leaves the published version alone", async () => {
    const clock = { now: new Date(2026, 10, 3, 9, 0) };
    const { host, controller } = pane(clock);
    setCells(host, "乙市", `D${OCT_ROW}`, [[-1]]);
    expect((await controller.generate(period)).lifecycle).toMatchObject({ kind: "created", state: "draft", version: 0 });
    setCells(host, "乙市", `D${OCT_ROW}`, [[-2]]);
    expect((await controller.generate(period)).lifecycle).toMatchObject({ kind: "replaced", state: "draft" });
    expect(
      listSheets(host)
        .filter((s) => s.name.includes("考评结果"))
        .map((s) => s.name),
    ).toEqual([RESULT]);

    setCells(host, "乙市", `D${OCT_ROW}`, [[850]]);
    clock.now = new Date(2026, 10, 5, 9, 0);
    await controller.generate(period, "2026-11-05");
    const v1 = sheetValues(host, RESULT);
    setCells(host, "乙市", `D${OCT_ROW}`, [[-3]]);
    const draft = await controller.generate(period);
    expect(draft.lifecycle).toMatchObject({ kind: "draftKept", state: "draft", version: 1 });
    expect(sheetValues(host, RESULT)).toEqual(v1);
    expect(listSheets(host).find((s) => s.active)?.name).toBe("数据校验");
  });
});
