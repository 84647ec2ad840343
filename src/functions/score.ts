// KAOPING.SCORE and KAOPING.TOTAL (spec §7): one indicator's points and a row's base score, checked and
// scored by the engine exactly as the result sheet is, so that a cell and the sheet never disagree.

import {
  CellValue,
  IndicatorDef,
  IndicatorId,
  MEASURE_IDS,
  MeasureId,
  Ratio,
  checkMeasure,
  checkParts,
  checkRow,
  decimalOf,
  displayText,
  fieldDef,
  fromCents,
  indicatorNamed,
  INDICATORS,
  isBlank,
  measureKind,
  measureMessage,
  methodOf,
  methodsFor,
  problemDoes,
  readNumber,
  ruleFor,
  scoreArgumentFields,
  zeroDenominatorNote,
} from "../engine";
import { fieldForHeader } from "../workbook";
import { Arg, blankOrZero, oneCell } from "./arguments";
import { andMore, invalid, measureError, notAvailable, passOn } from "./errors";
import { isRuleRow, rulesOf, scoreRulesOf } from "./rules-argument";

/** An indicator named by id (A2, a2, Ａ２) or Chinese name (人工接通率), as a 评分规则 row names it. */
function findIndicator(cell: CellValue): IndicatorDef & { readonly id: IndicatorId } {
  const text = displayText(cell).trim();
  if (!text) throw invalid("请给出指标编号（如 A2）或名称（如 人工接通率）");
  const def = indicatorNamed(text);
  if (!def) throw invalid(`未知指标“${text}”。可用：${INDICATORS.map((i) => `${i.id} ${i.label}`).join("、")}`);
  return def;
}

/** A field's value as the engine accepts it in a centre's row. */
function readField(cell: CellValue, field: MeasureId): number {
  const checked = checkMeasure(cell, measureKind(field));
  if (typeof checked !== "number") throw measureError(fieldDef(field).label, checked);
  return checked;
}

const MEDIAN = "同类中位数";

/** The A1 comparison value: a non-negative number (a median of counts may end in .5). */
function readMedian(cell: CellValue): Ratio {
  const reading = readNumber(cell);
  if (!reading.ok) {
    if (reading.reason === "error") throw passOn(reading.text, MEDIAN);
    throw invalid(`${MEDIAN}为“${reading.text}”，不是数字`);
  }
  if (reading.percent || reading.value < 0) throw invalid(`${MEDIAN}为“${displayText(cell)}”，应为不小于 0 的工单数`);
  const d = decimalOf(reading.value);
  return { num: Number(d.num), den: Number(d.den) };
}

const THIRD = "第三个参数";

function noDenominatorError(def: IndicatorDef): Error {
  return invalid(`${def.id} ${def.label}不使用${THIRD}，请留空`);
}

const MISSING_MEDIAN = "A1 工单数量需要同类单位当月工单总量的中位数（可用 MEDIAN 计算），请在该参数中给出";

/**
 * One indicator's points. The arguments follow the indicator's fields (scoreArgumentFields):
 * - A1: value = 工单总量, third argument = the class median of 工单总量 (required).
 * - A2, A3, B1–B5: value = the rate's numerator count, third argument = its denominator count.
 * - A4: value = 平均等待时长（秒）; third argument left empty (or 0).
 * - C1: value = two cells 按时报送信息数, 逾期报送信息数 (e.g. B2:C2 or {8,2}); third argument = 应报送信息数.
 * - C2: value = 督导一般问题数, third argument = 督导严重问题数; or value = the two cells and the third empty (or 0).
 */
export function kpScore(indicator: CellValue, valueCells: CellValue[], third: CellValue[] | undefined, rules: Arg): number {
  const def = findIndicator(indicator);
  const scoring = scoreRulesOf(rules, def.id);
  const rule = ruleFor(scoring.rules, def.id);
  const method = methodOf(rule.method);
  if (!method.fits.includes(def.id)) {
    const fitting = methodsFor(def.id).map((m) => m.label);
    throw invalid(`评分规则中 ${def.id} ${def.label} 的方法不适用于该指标，可用：${fitting.join("、")}`);
  }
  const values: Partial<Record<MeasureId, number>> = {};
  // Where the indicator takes no third argument, a 0 there is the empty cell older desktop Excel hands over.
  const noThird = () => third === undefined || third.every(blankOrZero);
  const { value: valueFields, denominator: denominatorField } = scoreArgumentFields(def.id);
  let median: Ratio | null = null;
  // An indicator that is not a rate may also take all its fields as the value (C2: B2:C2).
  if (!def.isRate && denominatorField && valueCells.length === def.fields.length) {
    if (!noThird()) throw noDenominatorError(def);
    def.fields.forEach((f, i) => (values[f] = readField(valueCells[i], f)));
  } else {
    if (valueCells.length !== valueFields.length) throw invalid(valueCountMessage(def, valueFields, valueCells.length));
    valueFields.forEach((f, i) => (values[f] = readField(valueCells[i], f)));
    if (denominatorField) {
      const label = fieldDef(denominatorField).label;
      if (!third) throw notAvailable(`${def.id} ${def.label}需要${label}（${THIRD}）`);
      values[denominatorField] = readField(oneCell(third, label), denominatorField);
    } else if (method.usesClassMedian) {
      if (!third) throw notAvailable(MISSING_MEDIAN);
      median = readMedian(oneCell(third, MEDIAN));
    } else if (!noThird()) throw noDenominatorError(def);
  }
  const [issue] = checkParts(values);
  if (issue) throw invalid(measureMessage(fieldDef(issue.field).label, issue));
  const score = scoring.scorers.get(def.id)!(values as Record<MeasureId, number>, median);
  if (score.cents === null) throw notAvailable(zeroDenominatorNote(rule));
  return fromCents(score.cents);
}

function valueCountMessage(def: IndicatorDef, fields: readonly MeasureId[], given: number): string {
  if (fields.length === 1) return `${def.id} ${def.label}的数值应为单个单元格，收到 ${given} 个单元格`;
  const labels = fields.map((f) => fieldDef(f).label).join("、");
  return `${def.id} ${def.label}的数值应为${fields.length === 2 ? "两" : fields.length}个单元格：${labels}（如 B2:C2）`;
}

/** The base score (基本分) of one row of an indicator sheet, checked and scored exactly as the engine does. */
export function kpTotal(headerCells: CellValue[], valueCells: CellValue[], a1Median: CellValue | undefined, rules: Arg): number {
  if (headerCells.length !== valueCells.length) {
    throw invalid(`表头有 ${headerCells.length} 个单元格，数值有 ${valueCells.length} 个，两者应一一对应`);
  }
  if (isRuleRow(rules)) throw invalid("KAOPING.TOTAL 需要整张评分规则表（含表头），不能只给一个指标的规则行");
  const scoring = rulesOf(rules);
  const raw: Partial<Record<MeasureId, CellValue>> = {};
  const seen = new Set<string>();
  headerCells.forEach((header, i) => {
    // The workbook reader's own matching of a header to its field; other columns (单位, 备注, 月份) are passed over.
    const field = fieldForHeader(displayText(header)) as MeasureId | "month" | undefined;
    if (!field || field === "month") return;
    if (seen.has(field)) throw invalid(`表头“${fieldDef(field).label}”出现了两次`);
    seen.add(field);
    raw[field] = valueCells[i];
  });
  const absent = MEASURE_IDS.filter((id) => !seen.has(id));
  if (absent.length) throw invalid(`表头缺少：${absent.map((id) => fieldDef(id).label).join("、")}`);

  if (MEASURE_IDS.every((id) => isBlank(raw[id]))) throw notAvailable("本行未填写数据（缺报）");
  const { values: checked, issues } = checkRow(raw);
  if (!checked) {
    const errors = issues.filter((i) => problemDoes(i, "blocksUnit"));
    const [first] = errors;
    const label = fieldDef(first.field).label;
    const message = `${measureMessage(label, first)}${andMore(errors.length)}`;
    if (errors.every((i) => i.code === "value.blank")) throw notAvailable(message);
    if (first.errorText && errors.length === 1) throw passOn(first.errorText, label, message);
    throw invalid(message);
  }
  let median: Ratio | null = null;
  if (a1Median !== undefined) median = readMedian(a1Median);
  else if (methodOf(ruleFor(scoring.rules, "A1").method).usesClassMedian) throw notAvailable(MISSING_MEDIAN);
  return fromCents(scoring.scoreMonth(checked, median).baseCents);
}
