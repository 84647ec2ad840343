// Scoring rules as data (spec §4): the default table, and the reading and checking of a 评分规则
// table that staff edit in the workbook.

import { CellGrid, CellValue, displayText, isBlank, normalizeLabel, readNumber } from "./cells";
import {
  BASE_TOTAL,
  EVENT_LEVELS,
  EventLevel,
  INDICATORS,
  IndicatorId,
  SCORING_METHODS,
  ScoringMethodId,
  ZERO_DENOMINATOR_POLICIES,
  ZeroDenominatorPolicy,
  indicatorDef,
} from "./catalogue";
import { decimalOf } from "./exact";
import { Problem, cellAddress, problem } from "./problems";

export interface IndicatorRule {
  readonly id: IndicatorId;
  readonly method: ScoringMethodId;
  /** Full points of the indicator. */
  readonly points: number;
  /** The method's parameters in SCORING_METHODS order (rates as fractions 0–1). */
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
}

export const RULE_SHEET = "评分规则";
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
};

export function ruleFor(rules: RuleSet, id: IndicatorId): IndicatorRule {
  return rules.indicators.find((x) => x.id === id)!;
}

/** The methods that fit each indicator's data (a rate can be ramped or compared with a target). */
export const METHODS_FOR: Readonly<Record<IndicatorId, readonly ScoringMethodId[]>> = {
  A1: ["classMedian"],
  A2: ["ramp", "target"],
  A3: ["ramp", "target"],
  A4: ["waitSteps"],
  B1: ["ramp", "target"],
  B2: ["ramp", "target"],
  B3: ["ramp", "target"],
  B4: ["ramp", "target"],
  B5: ["ramp", "target"],
  C1: ["reportRatio"],
  C2: ["deductions"],
};

/** Which method parameters are rates (written as percentages). */
const RATE_PARAMS: Record<ScoringMethodId, readonly boolean[]> = {
  classMedian: [],
  ramp: [true, true],
  waitSteps: [false, false],
  target: [true],
  reportRatio: [false],
  deductions: [false, false],
};

const EVENT_ROWS = [
  { id: "D1", kind: "honour", label: "荣誉奖励", cap: "加分上限", level: "加分" },
  { id: "D2", kind: "criticism", label: "批评曝光", cap: "减分上限", level: "减分" },
] as const;

const METHOD_EXPLANATION: Record<ScoringMethodId, string> = {
  classMedian: "分值 × min(1, 工单总量 ÷ 同类单位当月中位数)；中位数为 0 得满分",
  ramp: "达到满分线得满分，低于零分线得 0 分，其间线性",
  waitSteps: "不超过满分秒数得满分；超过部分每起始 1 秒扣分，扣完为止",
  target: "分值 × min(1, 比率 ÷ 目标值)",
  reportRatio: "分值 × min(1, (按时 + 逾期折算 × 逾期) ÷ 应报送)；应报送为 0 得满分",
  deductions: "分值 − 一般问题扣分 × 一般问题数 − 严重问题扣分 × 严重问题数，扣完为止",
};

/** The 评分规则 table as rows of cell values, header first; percentages as fractions. */
export function ruleTableRows(rules: RuleSet = DEFAULT_RULES): CellValue[][] {
  const rows: CellValue[][] = [[...RULE_HEADERS]];
  for (const rule of rules.indicators) {
    const method = SCORING_METHODS.find((m) => m.id === rule.method)!;
    const policy = ZERO_DENOMINATOR_POLICIES.find((p) => p.id === rule.zeroDenominator)!;
    const usesDenominator = rule.method !== "waitSteps" && rule.method !== "deductions";
    rows.push([
      rule.id,
      indicatorDef(rule.id).label,
      method.label,
      rule.points,
      rule.params[0] ?? null,
      rule.params[1] ?? null,
      usesDenominator ? policy.label : null,
      METHOD_EXPLANATION[rule.method],
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
  return rows;
}

/** Whether parameter i of a method is a rate (shown as a percentage). */
export function isRateParam(method: ScoringMethodId, index: number): boolean {
  return RATE_PARAMS[method][index] ?? false;
}

export interface RuleReading {
  /** The rules, or undefined when the table has errors: nothing may be scored with half a table. */
  readonly rules?: RuleSet;
  readonly problems: readonly Problem[];
}

interface Located {
  readonly value: CellValue;
  readonly cell: string;
}

/**
 * Reads and checks a 评分规则 table given as cell values (a whole sheet, or a range starting at
 * `origin`). Every problem names the sheet and cell.
 */
export function readRuleTable(grid: CellGrid, sheet = RULE_SHEET, origin = { row: 1, column: 1 }): RuleReading {
  const problems: Problem[] = [];
  const at = (r: number, c: number) => ({ sheet, cell: cellAddress(origin.row + r, origin.column + c) });
  const fail = (code: string, message: string, action: string, r: number, c: number) =>
    problems.push(problem("error", code, `${sheet}!${at(r, c).cell}：${message}`, action, { at: at(r, c) }));

  const headerRow = grid.findIndex((row) => row.some((v) => normalizeLabel(displayText(v)) === "编号"));
  if (headerRow < 0) {
    problems.push(
      problem(
        "error",
        "rules.noHeader",
        `${sheet}：找不到表头（应有“编号”“方法”“分值”等列）`,
        "请按模板恢复评分规则表的表头，或删除该表以使用默认规则。",
        { at: { sheet, cell: "" } },
      ),
    );
    return { problems };
  }
  const header = grid[headerRow].map((v) => normalizeLabel(displayText(v)));
  const col = (name: string) => header.indexOf(normalizeLabel(name));
  const cId = col("编号"),
    cMethod = col("方法"),
    cPoints = col("分值"),
    cP1 = col("参数1"),
    cP2 = col("参数2"),
    cZero = col("分母为零");
  for (const [name, index] of [
    ["方法", cMethod],
    ["分值", cPoints],
    ["参数1", cP1],
  ] as const) {
    if (index < 0) fail("rules.missingColumn", `缺少“${name}”列`, "请按模板恢复评分规则表的表头。", headerRow, 0);
  }
  if (problems.length) return { problems };

  const indicators = new Map<IndicatorId, IndicatorRule>();
  const events = { honour: cloneEventRule(DEFAULT_RULES.honour), criticism: cloneEventRule(DEFAULT_RULES.criticism) };
  const seen = new Map<string, number>();

  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    const cell = (c: number): Located => ({ value: c >= 0 ? (row[c] ?? null) : null, cell: at(r, Math.max(c, 0)).cell });
    const idText = displayText(cell(cId).value).trim();
    if (!idText) continue;
    const named = INDICATORS.find(
      (i) => i.id === normalizeLabel(idText).toUpperCase() || normalizeLabel(i.label) === normalizeLabel(idText),
    );
    // "A2" and "人工接通率" are the same indicator: a second row for it is a duplicate either way.
    const key = named ? named.id : normalizeLabel(idText).toUpperCase();
    if (seen.has(key)) {
      fail("rules.duplicateId", `编号“${idText}”重复（第 ${seen.get(key)! + origin.row} 行已有）`, "每个指标只保留一行。", r, cId);
      continue;
    }
    seen.set(key, r);

    const indicator = named;
    const eventRow = EVENT_ROWS.find((e) => key === e.id);
    const levelRow = EVENT_ROWS.find((e) => key.startsWith(`${e.id}-`));
    const number = (c: number, label: string, required: boolean, rate = false): number | undefined => {
      const { value } = cell(c);
      if (isBlank(value)) {
        if (required) fail("rules.missingParam", `${idText} 缺少${label}`, `请在该单元格填写${label}。`, r, c);
        return undefined;
      }
      const reading = readNumber(value);
      if (!reading.ok) {
        fail(
          "rules.notNumber",
          `${idText} 的${label}“${displayText(value)}”不是数字`,
          `请填写数字${rate ? "（如 95% 或 0.95）" : ""}。`,
          r,
          c,
        );
        return undefined;
      }
      if (rate && !reading.percent && reading.value > 1) {
        fail("rules.rateRange", `${idText} 的${label} ${reading.value} 超出 0–100%`, "比例请写成百分数（95%）或小数（0.95）。", r, c);
        return undefined;
      }
      if (reading.value < 0 || (rate && reading.value > 1)) {
        fail(
          "rules.range",
          `${idText} 的${label} ${displayText(value)} 超出允许范围`,
          rate ? "比例应在 0–100% 之间。" : "应为不小于 0 的数。",
          r,
          c,
        );
        return undefined;
      }
      return reading.value;
    };

    if (key === "X") continue;
    if (eventRow) {
      const monthlyCap = number(cP1, "月度上限", true);
      const annualCap = number(cP2, "年度上限", cP2 >= 0);
      if (monthlyCap !== undefined) events[eventRow.kind].monthlyCap = monthlyCap;
      if (annualCap !== undefined) events[eventRow.kind].annualCap = annualCap;
      continue;
    }
    if (levelRow) {
      const levelText = key.slice(levelRow.id.length + 1);
      const level = EVENT_LEVELS.find((l) => normalizeLabel(l.label) === normalizeLabel(levelText));
      if (!level) {
        fail(
          "rules.unknownLevel",
          `级别“${levelText}”不认识，可用：${EVENT_LEVELS.map((l) => l.label).join("、")}`,
          "请改用可用的级别。",
          r,
          cId,
        );
        continue;
      }
      const points = number(cPoints, "分值", true);
      if (points !== undefined) events[levelRow.kind].levelPoints[level.id] = points;
      continue;
    }
    if (!indicator) {
      fail("rules.unknownId", `编号“${idText}”不是已知指标（A1–C2、D1、D2、X）`, "请检查编号是否写错。", r, cId);
      continue;
    }

    const methodText = normalizeLabel(displayText(cell(cMethod).value));
    const method = SCORING_METHODS.find((m) => normalizeLabel(m.label) === methodText || m.id.toLowerCase() === methodText);
    if (!method) {
      const shown = displayText(cell(cMethod).value).trim();
      fail(
        shown ? "rules.unknownMethod" : "rules.missingMethod",
        shown ? `${idText} 的方法“${shown}”不认识` : `${idText} 缺少方法`,
        `可用的方法：${SCORING_METHODS.map((m) => m.label).join("、")}。`,
        r,
        cMethod,
      );
      continue;
    }
    if (!METHODS_FOR[indicator.id].includes(method.id)) {
      fail(
        "rules.methodMismatch",
        `${idText} 不能使用方法“${method.label}”`,
        `该指标可用的方法：${METHODS_FOR[indicator.id].map((m) => SCORING_METHODS.find((x) => x.id === m)!.label).join("、")}。`,
        r,
        cMethod,
      );
      continue;
    }
    const points = number(cPoints, "分值", true);
    if (points === 0) fail("rules.range", `${idText} 的分值不能为 0`, "请填写大于 0 的分值。", r, cPoints);
    const params: number[] = [];
    method.params.forEach((label, i) => {
      const value = number(i === 0 ? cP1 : cP2, `参数“${label}”`, true, isRateParam(method.id, i));
      if (value !== undefined) params.push(value);
    });
    if (method.id === "ramp" && params.length === 2 && params[0] <= params[1]) {
      fail("rules.rampOrder", `${idText} 的满分线 ${pct(params[0])} 应高于零分线 ${pct(params[1])}`, "请调整两条线。", r, cP1);
    }
    if (method.id === "target" && params[0] === 0) fail("rules.range", `${idText} 的目标值不能为 0`, "请填写大于 0 的目标值。", r, cP1);
    if (method.id === "reportRatio" && params[0] !== undefined && params[0] > 1) {
      fail("rules.range", `${idText} 的逾期折算 ${params[0]} 应在 0–1 之间`, "逾期报送按比例折算，如 0.5。", r, cP1);
    }
    let zeroDenominator: ZeroDenominatorPolicy = "full";
    const zeroText = cZero >= 0 ? normalizeLabel(displayText(row[cZero] ?? null)) : "";
    if (zeroText) {
      const policy = ZERO_DENOMINATOR_POLICIES.find((p) => normalizeLabel(p.label) === zeroText || p.id === zeroText);
      if (!policy) {
        fail(
          "rules.unknownPolicy",
          `${idText} 的“分母为零”取值“${displayText(row[cZero])}”不认识`,
          `可用：${ZERO_DENOMINATOR_POLICIES.map((p) => p.label).join("、")}。`,
          r,
          cZero,
        );
      } else zeroDenominator = policy.id;
    }
    if (points !== undefined && params.length === method.params.length) {
      indicators.set(indicator.id, { id: indicator.id, method: method.id, points, params, zeroDenominator });
    }
  }

  for (const def of INDICATORS) {
    if (!seen.has(def.id)) {
      problems.push(
        problem(
          "error",
          "rules.missingIndicator",
          `${sheet}：缺少指标 ${def.id} ${def.label}`,
          "请补上该指标的一行，或删除评分规则表以使用默认规则。",
          { at: { sheet, cell: "" } },
        ),
      );
    }
  }
  if (problems.length) return { problems };

  const ordered = INDICATORS.map((d) => indicators.get(d.id)!);
  const totalCents = ordered.reduce((s, x) => s + Math.round(x.points * 100), 0);
  if (totalCents !== BASE_TOTAL * 100) {
    problems.push(
      problem(
        "error",
        "rules.baseTotal",
        `${sheet}：A1–C2 分值合计为 ${totalCents / 100}，应为 ${BASE_TOTAL}（基本分满分67分）`,
        "请调整各指标分值，使合计为 67。",
        {
          at: { sheet, cell: cellAddress(origin.row + headerRow, origin.column + cPoints) },
        },
      ),
    );
    return { problems };
  }
  return { rules: { indicators: ordered, honour: events.honour, criticism: events.criticism }, problems };
}

function cloneEventRule(rule: EventRule): { levelPoints: Record<EventLevel, number>; monthlyCap: number; annualCap: number } {
  return { levelPoints: { ...rule.levelPoints }, monthlyCap: rule.monthlyCap, annualCap: rule.annualCap };
}

function pct(x: number): string {
  const d = decimalOf(x);
  return `${Number((d.num * 10000n) / d.den) / 100}%`;
}
