// Test fixtures for the pane: an evaluation in the engine's own types, a controller double, and the
// pane rendered as the tests see it (a fixed "today", Fluent's light theme).

import * as React from "react";
import { act, render, type RenderResult } from "@testing-library/react";
import type { Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { ZH_MESSAGES, type Lang, type Messages } from "../../src/taskpane/i18n";
import { EN_MESSAGES } from "../../src/taskpane/i18n-en";
import { RowResult, perIndicator } from "../../src/engine";
import type { Evaluation, ResultRow, Ratio, Problem, TieBreak } from "../../src/engine";
import type { GenerateOutcome, PaneController, WorkbookOverview } from "../../src/taskpane/controller";

/** The pane's words in `lang`, at once (the pane itself loads English on demand: loadMessages). */
export function messagesFor(lang: Lang): Messages {
  return lang === "en" ? EN_MESSAGES : ZH_MESSAGES;
}

export function row(
  code: string,
  name: string,
  rank: number | null,
  total: number | null,
  opts: { result?: RowResult; tieBreak?: TieBreak; tieGroup?: string[]; connectRate?: Ratio | null; note?: string } = {},
): ResultRow {
  return {
    rank,
    unit: { code, name, unitClass: "省辖市" },
    result: opts.result ?? "ranked",
    scores: perIndicator(() => (total === null ? null : 1)),
    rates: perIndicator(() => null),
    zeroDenominators: [],
    base: total,
    bonus: 0,
    deduction: 0,
    total,
    connectRate: opts.connectRate === undefined ? { num: 9500, den: 10000 } : opts.connectRate,
    tieBreak: opts.tieBreak ?? "none",
    tieGroup: opts.tieGroup ?? [],
    note: opts.note ?? "",
    months: [],
  };
}

export const DATA_PROBLEMS: Problem[] = [
  {
    severity: "error",
    code: "value.negative",
    message: "郑州市 2026年10月 人工接听量为负数（郑州市!E14）",
    action: "请更正为不小于 0 的整数。",
    unitCode: "410100",
    at: { sheet: "郑州市", cell: "E14" },
  },
  {
    severity: "warning",
    code: "value.lowConnectRate",
    message: "开封市 2026年10月 人工接通率 100%，请核实（开封市!E14）",
    action: "如数据无误可忽略。",
    at: { sheet: "开封市", cell: "E14" },
  },
  { severity: "warning", code: "event.otherYear", message: "本期没有考评事件", action: "" },
];

/** A month with a tie decided by 人工接通率 (开封 over 洛阳), a shared 4th place, 不合格 and 数据待核. */
export function sampleEvaluation(problems: Problem[] = []): Evaluation {
  return {
    period: { kind: "month", year: 2026, month: 10 },
    status: "draft",
    draftReasons: ["有单位数据待核"],
    rows: [
      row("410100", "郑州市", 1, 65.2),
      row("410200", "开封市", 2, 63.5, { tieBreak: "resolved", tieGroup: ["410200", "410300"], connectRate: { num: 9731, den: 10000 } }),
      row("410300", "洛阳市", 3, 63.5, { tieBreak: "resolved", tieGroup: ["410200", "410300"], connectRate: { num: 9680, den: 10000 } }),
      row("410400", "平顶山市", 4, 60, { tieBreak: "shared", tieGroup: ["410400", "410500"] }),
      row("410500", "安阳市", 4, 60, { tieBreak: "shared", tieGroup: ["410400", "410500"] }),
      row("410600", "鹤壁市", null, 58, { result: "disqualified" }),
      row("410700", "新乡市", null, null, { result: "pending", connectRate: null }),
    ],
    problems,
    rules: null,
  };
}

export function outcomeOf(evaluation: Evaluation, extra: Partial<GenerateOutcome> = {}): GenerateOutcome {
  return {
    evaluation,
    resultSheet: "2026年10月 考评结果",
    validationSheet: evaluation.problems.length ? "数据校验" : undefined,
    corrections: 0,
    lifecycle: {
      kind: "created",
      sheet: "2026年10月 考评结果",
      state: evaluation.status === "draft" ? "draft" : "final",
      version: 0,
      corrections: 0,
    },
    message: "",
    ...extra,
  };
}

export const FILLED: WorkbookOverview = {
  indicatorSheets: 28,
  setUpSheets: { 评分规则: true, 考评单位: true, 考评事件: true, 节假日调整: true },
  months: ["2026-08", "2026-09", "2026-10"],
  year: 2026,
};

export const EMPTY: WorkbookOverview = {
  indicatorSheets: 0,
  setUpSheets: { 评分规则: false, 考评单位: false, 考评事件: false, 节假日调整: false },
  months: [],
};

export type MockController = { [K in keyof PaneController]: jest.Mock<ReturnType<PaneController[K]>, Parameters<PaneController[K]>> };

function mock<K extends keyof PaneController>(impl: PaneController[K]): MockController[K] {
  return jest.fn(impl as (...args: never[]) => unknown) as unknown as MockController[K];
}

export function fakeController(overview: WorkbookOverview = FILLED, overrides: Partial<PaneController> = {}): MockController {
  const impl: PaneController = {
    inspect: async () => overview,
    generate: async () => outcomeOf(sampleEvaluation()),
    setUpWorkbook: async () => ({ created: ["评分规则", "考评单位", "考评事件", "节假日调整", "郑州市"], kept: [] }),
    importFiles: async () => ({ files: [], problems: [] }),
    selectCell: async () => undefined,
    previewPublicity: async (published: string) => ({ published, end: "2026-11-09", days: 5, unknownYears: [] }),
    prefetch: () => undefined,
    ...overrides,
  };
  return {
    inspect: mock<"inspect">(impl.inspect),
    generate: mock<"generate">(impl.generate),
    setUpWorkbook: mock<"setUpWorkbook">(impl.setUpWorkbook),
    importFiles: mock<"importFiles">(impl.importFiles),
    selectCell: mock<"selectCell">(impl.selectCell),
    previewPublicity: mock<"previewPublicity">(impl.previewPublicity),
    prefetch: mock<"prefetch">(impl.prefetch),
  };
}

/** jsdom lacks ResizeObserver, which Fluent's MessageBar uses for its layout; browsers and Office have it. */
export function installJsdomShims(): void {
  const w = window as unknown as { ResizeObserver?: unknown };
  if (!w.ResizeObserver) {
    w.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
}

/** "Now" in the pane tests: 2026-11-03, when October 2026 is ranked. */
export const PANE_TODAY = new Date(2026, 10, 3);

/** The App in a FluentProvider, in Chinese unless asked otherwise. */
export function renderApp(controller: PaneController, lang: Lang = "zh"): RenderResult {
  return render(
    React.createElement(
      FluentProvider,
      { theme: webLightTheme },
      React.createElement(App, { controller, t: messagesFor(lang), today: PANE_TODAY }),
    ),
  );
}

/** A container in the document for each test, and the root mounted into it unmounted after the test. */
export function mountTarget(): { readonly container: () => HTMLElement; keep(root: Root): void } {
  let container: HTMLElement;
  let root: Root | undefined;
  beforeEach(() => {
    container = document.createElement("div");
    document.body.appendChild(container);
  });
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    container.remove();
  });
  return { container: () => container, keep: (r) => (root = r) };
}
