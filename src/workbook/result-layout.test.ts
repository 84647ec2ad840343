// The result sheet's layout: what describeResultSheet writes is what the lifecycle, a correction and the
// superseded mark read back, through the one declaration of its labels and rows.

import { CellGrid, generationStamp, parsePeriod } from "../engine";
import { DEMO_EVENTS, DEMO_PUBLISHED, DEMO_YEAR, demoValues } from "./demo-data";
import { inputSnapshot } from "./ledger";
import { publishedDate } from "./lifecycle";
import { rankWorkbook } from "./pipeline";
import { planGeneration } from "./plan";
import * as layout from "./result-layout";
import {
  NO_VALUE_MARK,
  RESULT_FACTS,
  RESULT_HEADERS,
  RESULT_ROWS,
  headerValue,
  readPreviousResult,
  tableHeaderIndex,
} from "./result-layout";
import { SheetSpec } from "./sheet-spec";
import { describeTemplate } from "./template";

const STAMP = generationStamp(new Date(2026, 10, 5, 9, 30));
const sheets = describeTemplate({ year: DEMO_YEAR, values: demoValues, events: DEMO_EVENTS }).map((s) => ({
  name: s.name,
  cells: s.rows.map((row) => row.map((c) => c?.value ?? null)),
}));
const period = parsePeriod("2026-10")!;
const first = rankWorkbook(sheets, { period, published: DEMO_PUBLISHED, generated: STAMP });
const spec = first.change.sheets.find((s) => s.role === "result")!;
const valuesOf = (s: SheetSpec): CellGrid => s.rows.map((row) => row.map((c) => c?.value ?? null));

describe("the result sheet's layout", () => {
  it("reads back the state and publication date the sheet writes in its header block", () => {
    const cells = valuesOf(spec);
    expect(headerValue(cells, RESULT_FACTS.state)).toBe("公示中");
    expect(headerValue(cells, RESULT_FACTS.published)).toBe(DEMO_PUBLISHED);
    // A sheet of an earlier release (no state in the registry) is dated by what its header shows.
    expect(publishedDate({ name: spec.name, role: "result", created: STAMP }, cells)).toBe(DEMO_PUBLISHED);
  });

  it("finds the table where the sheet writes it and reads each unit's row by its headers", () => {
    const cells = valuesOf(spec);
    expect(tableHeaderIndex(cells)).toBe(RESULT_ROWS.header - 1);
    expect(spec.headerRow).toBe(RESULT_ROWS.header);
    const previous = readPreviousResult(cells);
    expect(previous.size).toBe(first.evaluation.rows.length);
    const header = cells[RESULT_ROWS.header - 1];
    const row = cells.find((r) => r[header.indexOf(RESULT_HEADERS.unit)] === "郑州市")!;
    expect(previous.get("郑州市")!.get(RESULT_HEADERS.total)).toBe(row[header.indexOf(RESULT_HEADERS.total)]);
    expect(previous.get("郑州市")!.has(RESULT_HEADERS.unit)).toBe(false);
  });

  it("marks a rate without a denominator with the one no-value mark", () => {
    // 排名变化 shows the mark too, for the 不合格 row: only the rate columns are counted here.
    const change = spec.rows[spec.headerRow! - 1].findIndex((c) => c?.value === RESULT_HEADERS.rankChange);
    const marked = spec.rows.flatMap((row) => row.filter((c, i) => i !== change && c?.value === NO_VALUE_MARK));
    const zeroDenominators = first.evaluation.rows.reduce((n, r) => n + r.zeroDenominators.filter((id) => id !== "A1").length, 0);
    expect(marked).toHaveLength(zeroDenominators);
  });

  it("renders the table once for a correction, and the correction finds what changed in it", () => {
    // 郑州市's 备注 reads otherwise in the new version: a correction of the published 第 1 版.
    const evaluation = {
      ...first.evaluation,
      rows: first.evaluation.rows.map((r) => (r.unit.name === "郑州市" ? { ...r, note: "核实后更正" } : r)),
    };
    const names = [...sheets.map((s) => s.name), ...first.change.sheets.map((s) => s.name)];
    const written = new Map(first.change.sheets.map((s) => [s.name.toLowerCase(), valuesOf(s)]));
    const state = {
      sheetNames: names,
      registry: first.change.registry,
      cellsOf: (name: string) => written.get(name.toLowerCase()) ?? sheets.find((s) => s.name === name)?.cells,
    };
    const render = jest.spyOn(layout, "renderResultTable");
    const request = {
      generated: "2026-11-09 09:00",
      inputs: inputSnapshot(first.input, period),
      fingerprint: "changed",
      units: first.input.units,
    };
    const plan = planGeneration(evaluation, state, request);
    expect(render).toHaveBeenCalledTimes(1);
    render.mockRestore();
    expect(plan.lifecycle).toMatchObject({ kind: "corrected", version: 2, corrections: 1 });
    const corrected = plan.change.sheets.find((s) => s.role === "result")!;
    const noteColumn = corrected.rows[RESULT_ROWS.header - 1].findIndex((c) => c?.value === RESULT_HEADERS.note);
    const zhengzhou = corrected.rows.find((r) => r[1]?.value === "郑州市")!;
    expect(zhengzhou[noteColumn]).toMatchObject({ value: "核实后更正", fill: "#FFC7CE" });
  });
});
