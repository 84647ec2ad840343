// The engine's public surface: pure TypeScript, no Office, DOM or Node import, so it runs in the task
// pane, in the custom-functions runtime and in Node alike. What the workbook layer, the adapters and
// the apps use; tests beside the code import its modules directly.

export {
  BASE_TOTAL,
  EVENT_LEVELS,
  EVENT_SCOPES,
  EVENT_TYPES,
  FIELDS,
  INDICATORS,
  INDICATOR_GROUPS,
  INDICATOR_IDS,
  MEASURE_IDS,
  RESULT_LABELS,
  STATUS_LABELS,
  TIE_BREAK_INDICATOR,
  UNIT_CLASSES,
  ZERO_DENOMINATOR_POLICIES,
  fieldDef,
  groupIndicators,
  groupSpan,
  groupSubtotal,
  indicatorDef,
  indicatorNamed,
  perIndicator,
  scoreArgumentFields,
} from "./catalogue";
export type {
  EventLevel,
  EventScope,
  EventType,
  FieldDef,
  FieldId,
  FieldKind,
  IndicatorDef,
  IndicatorGroup,
  IndicatorId,
  MeasureId,
  ResultStatus,
  RowResult,
  ZeroDenominatorPolicy,
} from "./catalogue";

export {
  EXCEL_ERRORS,
  cellErrorText,
  displayText,
  excelSerialToIso,
  isBlank,
  isEmptyCell,
  isoToExcelSerial,
  normalizeLabel,
  readDate,
  readNumber,
} from "./cells";
export type { CellError, CellGrid, CellValue, NumberReading } from "./cells";

export { compareRatios, decimalOf, fromCents, ratioToNumber, toCents } from "./exact";
export type { Ratio } from "./exact";

export { distinctPercent, formatCents, formatPercent, formatPercentOf, formatTotal } from "./format";

export { generationStamp, monthKey, monthLabel, monthOfKey, monthsOf, parsePeriod, periodKey, periodLabel, readMonth } from "./period";
export type { MonthKey, Period } from "./period";

export {
  PROBLEM_CODES,
  cellAddress,
  columnLetters,
  columnNumber,
  formatRef,
  parseCellAddress,
  problem,
  problemDoes,
  where,
} from "./problems";
export type { CellRef, Problem, ProblemCode, ProblemFlags, Severity } from "./problems";

export { DEFAULT_UNITS, UnitIndex, isActive, unitSuggestion } from "./units";
export type { Unit } from "./units";

export {
  DEFAULT_RULES,
  RULE_ROW_WIDTH,
  readIndicatorRuleRow,
  readRuleTable,
  ruleFor,
  ruleRowNumberColumns,
  ruleTableRows,
  zeroDenominatorNote,
} from "./rules";
export type { EventRule, IndicatorRule, RuleReading, RuleRowReading, RuleSet } from "./rules";

export { checkMeasure, checkParts, checkRow, measureKind, measureMessage } from "./records";
export type { FieldIssue, MeasureIssue, MeasureKind, MeasureValues, RawRecord } from "./records";

export { SCORING_METHODS, isRateParam, methodOf, methodsFor } from "./methods";
export type { IndicatorScore, IndicatorScorer, MethodContext, MethodParam, ParamIssue, ScoringMethod, ScoringMethodId } from "./methods";

export { indicatorScorer, median, monthScorer, scoreIndicator, scoreMonth } from "./scoring";
export type { IndicatorScores, MonthScore, MonthScorer } from "./scoring";

export type { ScoringEvent } from "./events";

export { rank, tiedWith } from "./ranking";
export type { Contender, Placement, TieBreak } from "./ranking";

export { HOLIDAY_KINDS, HOLIDAY_KIND_HINT, PUBLICITY_WORKING_DAYS, publicityEnd, readHolidayKind } from "./calendar";
export type { HolidayOverride, PublicityPeriod } from "./calendar";

export { evaluate } from "./evaluate";
export type { Evaluation, EvaluationInput, MonthOutcome, PerIndicator, ResultRow, RowBasis } from "./evaluate";

export { lossesOf } from "./losses";

export { previousPeriod, rankChangeLabel, rankChanges } from "./rank-change";
export type { RankChange, RankChangeKind } from "./rank-change";

export { DEFAULT_NOTICE_RULES, NOTICE_ROWS, consecutiveMonths, honourLists, lastPlaceWarnings, lastRanked } from "./honour-lists";
export type { HonourList, LastPlaceWarning, NoticeRules } from "./honour-lists";
export type { EventLoss, IndicatorLoss, LossValueKind, Losses } from "./losses";
