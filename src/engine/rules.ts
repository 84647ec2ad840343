// Scoring rules as data (spec §4): the default table, and the reading and checking of a 评分规则
// table that staff edit in the workbook.

import { CellGrid, CellValue, displayText, isBlank, normalizeLabel, readNumber } from "./cells";
import {
  BASE_TOTAL,
  EVENT_LEVELS,
  EventLevel,
  INDICATORS,
  IndicatorId,
  ZERO_DENOMINATOR_POLICIES,
  ZeroDenominatorPolicy,
  indicatorDef,
  indicatorNamed,
} from "./catalogue";
import { fromCents, toCents } from "./exact";
import { SCORING_METHODS, ScoringMethod, ScoringMethodId, methodOf, methodsFor } from "./methods";
import { DEFAULT_NOTICE_RULES, NOTICE_ROWS, NoticeRules } from "./honour-lists";
import { Problem, ProblemCode, cellAddress, problem } from "./problems";

export interface IndicatorRule {
  readonly id: IndicatorId;
  /** The id of its method in the list it was read with (methods.ts: SCORING_METHODS unless told). */
  readonly method: string;
  /** Full points of the indicator. */
  readonly points: number;
  /** The method's parameters in its order (rates as fractions 0–1). */
  readonly params: readonly number[];
  readonly zeroDenominator: ZeroDenominatorPolicy;
}

export interface EventRule {
  readonly levelPoints: Readonly<Record<EventLevel, number>>;
  readonly monthlyCap: number;
  readonly annualCap: number;
}

export interface RuleSet {
  /** In catalogue order A1 … C2. */
  readonly indicators: readonly IndicatorRule[];
  readonly honour: EventRule;
  readonly criticism: EventRule;
  /** 红榜, 黑榜 and 末位警示 (N1–N3); the defaults where the table has no such rows. */
  readonly notice?: NoticeRules;
}

export const RULE_HEADERS = ["编号", "指标", "方法", "分值", "参数1", "参数2", "分母为零", "说明"] as const;

const r = (id: IndicatorId, method: ScoringMethodId, points: number, params: number[] = []): IndicatorRule => ({
  id,
  method,
  points,
  params,
  zeroDenominator: "full",
});

export const DEFAULT_RULES: RuleSet = {
  indicators: [
    r("A1", "classMedian", 3),
    r("A2", "ramp", 10, [0.95, 0.75]),
    r("A3", "ramp", 6, [0.98, 0.88]),
    r("A4", "waitSteps", 6, [15, 0.2]),
    r("B1", "ramp", 10, [1, 0.8]),
    r("B2", "ramp", 4, [1, 0.8]),
    r("B3", "ramp", 5, [0.98, 0.8]),
    r("B4", "target", 6, [0.5]),
    r("B5", "ramp", 9, [0.98, 0.78]),
    r("C1", "reportRatio", 4, [0.5]),
    r("C2", "deductions", 4, [0.5, 2]),
  ],
  honour: { levelPoints: { national: 2, provincial: 1, city: 0.5 }, monthlyCap: 3, annualCap: 5 },
  criticism: { levelPoints: { national: 3, provincial: 2, city: 1 }, monthlyCap: 6, annualCap: 10 },
  notice: DEFAULT_NOTICE_RULES,
};

export function ruleFor(rules: RuleSet, id: IndicatorId): IndicatorRule {
  return rules.indicators.find((x) => x.id === id)!;
}

/** How an indicator with a zero denominator was scored, for the row's note and messages. */
export function zeroDenominatorNote(rule: IndicatorRule): string {
  const policy = ZERO_DENOMINATOR_POLICIES.find((p) => p.id === rule.zeroDenominator)!;
  return `${indicatorDef(rule.id).label}分母为 0，${policy.note}`;
}

const EVENT_ROWS = [
  { id: "D1", kind: "honour", label: "荣誉奖励", cap: "加分上限", level: "加分" },
  { id: "D2", kind: "criticism", label: "批评曝光", cap: "减分上限", level: "减分" },
] as const;

/** The 评分规则 table as rows of cell values, header first; percentages as fractions. */
export function ruleTableRows(rules: RuleSet = DEFAULT_RULES, methods: readonly ScoringMethod[] = SCORING_METHODS): CellValue[][] {
  const rows: CellValue[][] = [[...RULE_HEADERS]];
  for (const rule of rules.indicators) {
    const method = methodOf(rule.method, methods);
    const policy = ZERO_DENOMINATOR_POLICIES.find((p) => p.id === rule.zeroDenominator)!;
    rows.push([
      rule.id,
      indicatorDef(rule.id).label,
      method.label,
      rule.points,
      rule.params[0] ?? null,
      rule.params[1] ?? null,
      method.usesDenominator ? policy.label : null,
      method.explanation,
    ]);
  }
  for (const ev of EVENT_ROWS) {
    const rule = rules[ev.kind];
    rows.push([ev.id, ev.label, ev.cap, null, rule.monthlyCap, rule.annualCap, null, "参数1 为月度上限，参数2 为年度上限"]);
    for (const level of EVENT_LEVELS) {
      rows.push([`${ev.id}-${level.label}`, `${ev.label}（${level.label}）`, ev.level, rule.levelPoints[level.id], null, null, null, null]);
    }
  }
  rows.push(["X", "弄虚作假", "不合格", null, null, null, null, "经核查属实的，当期考评结果为不合格"]);
  const notice = rules.notice ?? DEFAULT_NOTICE_RULES;
  for (const n of NOTICE_ROWS) rows.push([n.id, n.label, n.method, null, notice[n.key], null, null, n.explanation]);
  return rows;
}

export interface RuleReading {
  /** The rules, or undefined when the table has errors: nothing may be scored with half a table. */
  readonly rules?: RuleSet;
  readonly problems: readonly Problem[];
}

type MutableEventRule = { levelPoints: Record<EventLevel, number>; monthlyCap: number; annualCap: number };

/** A 评分规则 table being read: where it sits and the problems found so far. */
class RuleTable {
  readonly problems: Problem[] = [];

  constructor(
    readonly grid: CellGrid,
    readonly sheet: string,
    readonly origin: { readonly row: number; readonly column: number },
    readonly methods: readonly ScoringMethod[],
  ) {}

  /** The sheet address of grid cell (r, c). */
  address(r: number, c: number): string {
    return cellAddress(this.origin.row + r, this.origin.column + Math.max(c, 0));
  }

  fail(code: ProblemCode, message: string, action: string, r: number, c: number): void {
    const at = { sheet: this.sheet, cell: this.address(r, c) };
    this.problems.push(problem("error", code, `${this.sheet}!${at.cell}：${message}`, action, { at }));
  }

  /** A problem of the whole table (message naming the sheet only), placed at its top-left cell unless told. */
  failTable(code: ProblemCode, message: string, action: string, r = 0, c = 0): void {
    const at = { sheet: this.sheet, cell: this.address(r, c) };
    this.problems.push(problem("error", code, `${this.sheet}：${message}`, action, { at }));
  }

  value(r: number, c: number): CellValue {
    return c >= 0 ? (this.grid[r]?.[c] ?? null) : null;
  }

  /** A number cell of row r: undefined (and a problem) when it is missing but required, not a number or out of range. */
  number(r: number, c: number, what: string, label: string, required: boolean, rate = false): number | undefined {
    const value = this.value(r, c);
    if (isBlank(value)) {
      if (required) this.fail("rules.missingParam", `${what} 缺少${label}`, `请在该单元格填写${label}。`, r, c);
      return undefined;
    }
    const reading = readNumber(value);
    if (!reading.ok) {
      const hint = rate ? "（如 95% 或 0.95）" : "";
      this.fail("rules.notNumber", `${what} 的${label}“${displayText(value)}”不是数字`, `请填写数字${hint}。`, r, c);
      return undefined;
    }
    if (rate && !reading.percent && reading.value > 1) {
      const message = `${what} 的${label} ${reading.value} 超出 0–100%`;
      this.fail("rules.rateRange", message, "比例请写成百分数（95%）或小数（0.95）。", r, c);
      return undefined;
    }
    if (reading.value < 0 || (rate && reading.value > 1)) {
      const action = rate ? "比例应在 0–100% 之间。" : "应为不小于 0 的数。";
      this.fail("rules.range", `${what} 的${label} ${displayText(value)} 超出允许范围`, action, r, c);
      return undefined;
    }
    return reading.value;
  }
}

/** The columns of the table by header. */
interface RuleColumns {
  readonly id: number;
  readonly method: number;
  readonly points: number;
  readonly p1: number;
  readonly p2: number;
  readonly zero: number;
}

/**
 * Reads and checks a 评分规则 table given as cell values: a whole sheet named `sheet`, or a range of
 * it whose top-left cell is `origin`. Every problem names the sheet and cell.
 */
export function readRuleTable(
  grid: CellGrid,
  sheet: string,
  origin = { row: 1, column: 1 },
  methods: readonly ScoringMethod[] = SCORING_METHODS,
): RuleReading {
  const table = new RuleTable(grid, sheet, origin, methods);
  const headerRow = grid.findIndex((row) => (row ?? []).some((v) => normalizeLabel(displayText(v)) === "编号"));
  if (headerRow < 0) {
    table.failTable(
      "rules.noHeader",
      "找不到表头（应有“编号”“方法”“分值”等列）",
      "请按模板恢复评分规则表的表头，或删除该表以使用默认规则。",
    );
    return { problems: table.problems };
  }
  const columns = ruleColumns(table, headerRow);
  if (!columns) return { problems: table.problems };

  const indicators = new Map<IndicatorId, IndicatorRule>();
  const events = { honour: copyEventRule(DEFAULT_RULES.honour), criticism: copyEventRule(DEFAULT_RULES.criticism) };
  const seen = new Map<string, number>();
  const notice: Record<keyof NoticeRules, number> = { ...DEFAULT_NOTICE_RULES };
  for (let r = headerRow + 1; r < grid.length; r++) {
    const idText = displayText(table.value(r, columns.id)).trim();
    if (!idText) continue;
    const indicator = indicatorNamed(idText);
    // "A2" and "人工接通率" are the same indicator: a second row for it is a duplicate either way.
    const key = indicator ? indicator.id : normalizeLabel(idText).toUpperCase();
    if (seen.has(key)) {
      const message = `编号“${idText}”重复（第 ${seen.get(key)! + origin.row} 行已有）`;
      table.fail("rules.duplicateId", message, "每个指标只保留一行。", r, columns.id);
      continue;
    }
    seen.set(key, r);
    if (key === "X") continue;
    const noticeRow = NOTICE_ROWS.find((n) => key === n.id);
    if (noticeRow) {
      const count = table.number(r, columns.p1, idText, noticeRow.param, true);
      if (count !== undefined && !Number.isInteger(count)) {
        table.fail("rules.range", `${idText} 的${noticeRow.param} ${count} 应为整数`, "请填写不小于 0 的整数。", r, columns.p1);
      } else if (count !== undefined) notice[noticeRow.key] = count;
      continue;
    }
    const eventRow = EVENT_ROWS.find((e) => key === e.id);
    const levelRow = EVENT_ROWS.find((e) => key.startsWith(`${e.id}-`));
    if (eventRow) readCapRow(table, r, columns, idText, events[eventRow.kind]);
    else if (levelRow) readLevelRow(table, r, columns, idText, key.slice(levelRow.id.length + 1), events[levelRow.kind]);
    else if (!indicator) {
      table.fail("rules.unknownId", `编号“${idText}”不是已知指标（A1–C2、D1、D2、X、N1–N3）`, "请检查编号是否写错。", r, columns.id);
    } else {
      const rule = readIndicatorRow(table, r, columns, idText, indicator.id);
      if (rule) indicators.set(indicator.id, rule);
    }
  }

  for (const def of INDICATORS) {
    if (!seen.has(def.id)) {
      table.failTable("rules.missingIndicator", `缺少指标 ${def.id} ${def.label}`, "请补上该指标的一行，或删除评分规则表以使用默认规则。");
    }
  }
  if (table.problems.length) return { problems: table.problems };

  const ordered = INDICATORS.map((d) => indicators.get(d.id)!);
  const totalCents = ordered.reduce((sum, x) => sum + toCents(x.points), 0);
  if (totalCents !== toCents(BASE_TOTAL)) {
    const message = `A1–C2 分值合计为 ${fromCents(totalCents)}，应为 ${BASE_TOTAL}（基本分满分${BASE_TOTAL}分）`;
    table.failTable("rules.baseTotal", message, `请调整各指标分值，使合计为 ${BASE_TOTAL}。`, headerRow, columns.points);
    return { problems: table.problems };
  }
  return { rules: { indicators: ordered, honour: events.honour, criticism: events.criticism, notice }, problems: [] };
}

/** The cells of one indicator's rule row as a score formula passes it: 指标 … 说明 (the table's columns after 编号). */
export const RULE_ROW_WIDTH = RULE_HEADERS.length - 1;

export interface RuleRowReading {
  /** The indicator's rule, or undefined when the row has errors. */
  readonly rule?: IndicatorRule;
  readonly problems: readonly Problem[];
}

/** Where column `name` sits in a rule row of `width` cells (编号 first when the row is as wide as the table). */
function ruleRowColumn(name: (typeof RULE_HEADERS)[number], width: number): number {
  return RULE_HEADERS.indexOf(name) - (width === RULE_HEADERS.length ? 0 : 1);
}

/** The number columns (分值, 参数1, 参数2) of a rule row of `width` cells: a 0 there is a number, elsewhere an empty cell. */
export function ruleRowNumberColumns(width: number): readonly number[] {
  return (["分值", "参数1", "参数2"] as const).map((name) => ruleRowColumn(name, width));
}

/**
 * One indicator's row of a 评分规则 table given alone, read and checked exactly as readRuleTable reads that
 * row: its RULE_ROW_WIDTH cells from 指标 to 说明 (说明 may be left out), or the same with 编号 first. The row
 * must be the indicator's own: its 编号, or without one its 指标, names `id` (by id or label).
 */
export function readIndicatorRuleRow(
  cells: readonly CellValue[],
  id: IndicatorId,
  sheet: string,
  origin = { row: 1, column: 1 },
  methods: readonly ScoringMethod[] = SCORING_METHODS,
): RuleRowReading {
  const table = new RuleTable([[...cells]], sheet, origin, methods);
  const withId = cells.length === RULE_HEADERS.length;
  const at = (name: (typeof RULE_HEADERS)[number]) => ruleRowColumn(name, cells.length);
  if (!withId && cells.length !== RULE_ROW_WIDTH && cells.length !== RULE_ROW_WIDTH - 1) {
    const shape = `${RULE_HEADERS.slice(1, -1).join("、")}（及说明）`;
    table.failTable(
      "rules.missingColumn",
      `一个指标的规则行应为一行 ${RULE_ROW_WIDTH} 个单元格：${shape}，收到 ${cells.length} 个`,
      "请引用该指标在评分规则表中的一行（如 B3:H3）。",
    );
    return { problems: table.problems };
  }
  const def = indicatorDef(id);
  if (indicatorNamed(displayText(table.value(0, withId ? at("编号") : at("指标")))) !== def) {
    const message = `该行是“${displayText(table.value(0, withId ? at("编号") : at("指标")))}”的规则，不是 ${def.id} ${def.label} 的`;
    table.fail("rules.unknownId", message, `请引用 ${def.id} 在评分规则表中的那一行。`, 0, withId ? at("编号") : at("指标"));
    return { problems: table.problems };
  }
  const columns: RuleColumns = {
    id: at("编号"),
    method: at("方法"),
    points: at("分值"),
    p1: at("参数1"),
    p2: at("参数2"),
    zero: at("分母为零"),
  };
  const rule = readIndicatorRow(table, 0, columns, def.id, id);
  return rule && !table.problems.length ? { rule, problems: [] } : { problems: table.problems };
}

function ruleColumns(table: RuleTable, headerRow: number): RuleColumns | undefined {
  const header = (table.grid[headerRow] ?? []).map((v) => normalizeLabel(displayText(v)));
  const col = (name: string) => header.indexOf(normalizeLabel(name));
  const columns = { id: col("编号"), method: col("方法"), points: col("分值"), p1: col("参数1"), p2: col("参数2"), zero: col("分母为零") };
  const required = [
    ["方法", columns.method],
    ["分值", columns.points],
    ["参数1", columns.p1],
  ] as const;
  for (const [name, index] of required) {
    if (index < 0) table.fail("rules.missingColumn", `缺少“${name}”列`, "请按模板恢复评分规则表的表头。", headerRow, 0);
  }
  return required.every(([, index]) => index >= 0) ? columns : undefined;
}

/** D1 / D2: the monthly and annual caps. */
function readCapRow(table: RuleTable, r: number, columns: RuleColumns, idText: string, rule: MutableEventRule): void {
  const monthlyCap = table.number(r, columns.p1, idText, "月度上限", true);
  const annualCap = table.number(r, columns.p2, idText, "年度上限", columns.p2 >= 0);
  if (monthlyCap !== undefined) rule.monthlyCap = monthlyCap;
  if (annualCap !== undefined) rule.annualCap = annualCap;
}

/** D1-省级 and the like: the points of one level. */
function readLevelRow(table: RuleTable, r: number, columns: RuleColumns, idText: string, levelText: string, rule: MutableEventRule): void {
  const level = EVENT_LEVELS.find((l) => normalizeLabel(l.label) === normalizeLabel(levelText));
  if (!level) {
    const message = `级别“${levelText}”不认识，可用：${EVENT_LEVELS.map((l) => l.label).join("、")}`;
    table.fail("rules.unknownLevel", message, "请改用可用的级别。", r, columns.id);
    return;
  }
  const points = table.number(r, columns.points, idText, "分值", true);
  if (points !== undefined) rule.levelPoints[level.id] = points;
}

/** An indicator's row: method, points, parameters and zero-denominator policy, each checked. */
function readIndicatorRow(table: RuleTable, r: number, columns: RuleColumns, idText: string, id: IndicatorId): IndicatorRule | undefined {
  const shown = displayText(table.value(r, columns.method)).trim();
  const methodText = normalizeLabel(shown);
  const method = table.methods.find((m) => normalizeLabel(m.label) === methodText || m.id.toLowerCase() === methodText);
  if (!method) {
    const action = `可用的方法：${table.methods.map((m) => m.label).join("、")}。`;
    if (shown) table.fail("rules.unknownMethod", `${idText} 的方法“${shown}”不认识`, action, r, columns.method);
    else table.fail("rules.missingMethod", `${idText} 缺少方法`, action, r, columns.method);
    return undefined;
  }
  const fitting = methodsFor(id, table.methods);
  if (!fitting.includes(method)) {
    const action = `该指标可用的方法：${fitting.map((m) => m.label).join("、")}。`;
    table.fail("rules.methodMismatch", `${idText} 不能使用方法“${method.label}”`, action, r, columns.method);
    return undefined;
  }
  const points = table.number(r, columns.points, idText, "分值", true);
  if (points === 0) table.fail("rules.range", `${idText} 的分值不能为 0`, "请填写大于 0 的分值。", r, columns.points);
  const params: number[] = [];
  method.params.forEach((param, i) => {
    const value = table.number(r, i === 0 ? columns.p1 : columns.p2, idText, `参数“${param.label}”`, true, param.rate);
    if (value !== undefined) params.push(value);
  });
  const issue = params.length === method.params.length ? method.check?.(params) : undefined;
  if (issue) table.fail(issue.code, `${idText} ${issue.says}`, issue.action, r, columns.p1);
  const zeroDenominator = readPolicy(table, r, columns, idText);
  if (points === undefined || params.length !== method.params.length) return undefined;
  return { id, method: method.id, points, params, zeroDenominator };
}

function readPolicy(table: RuleTable, r: number, columns: RuleColumns, idText: string): ZeroDenominatorPolicy {
  const shown = displayText(table.value(r, columns.zero));
  const text = normalizeLabel(shown);
  if (!text) return "full";
  const policy = ZERO_DENOMINATOR_POLICIES.find((p) => normalizeLabel(p.label) === text || p.id === text);
  if (policy) return policy.id;
  const action = `可用：${ZERO_DENOMINATOR_POLICIES.map((p) => p.label).join("、")}。`;
  table.fail("rules.unknownPolicy", `${idText} 的“分母为零”取值“${shown}”不认识`, action, r, columns.zero);
  return "full";
}

function copyEventRule(rule: EventRule): MutableEventRule {
  return { levelPoints: { ...rule.levelPoints }, monthlyCap: rule.monthlyCap, annualCap: rule.annualCap };
}
