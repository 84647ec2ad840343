// The one catalogue of names: every field a centre fills in, every indicator and event kind, each
// with its English id and the Chinese label users see (spec §3, §4). The scoring methods are
// declared with their scorers in methods.ts.

import { normalizeLabel } from "./cells";
import { fromCents, toCents } from "./exact";

export type FieldKind = "month" | "count" | "seconds";

export interface FieldDef {
  readonly id: string;
  /** The header the template writes. */
  readonly label: string;
  readonly kind: FieldKind;
  /** Other header texts that mean the same field (matched after normalisation). */
  readonly aliases: readonly string[];
  /** For a count that is a part of another count: that other count (numerator ≤ denominator). */
  readonly partOf?: string;
  readonly meaning: string;
  /** What the field counts, in the method's words (豫交文〔2019〕80号): the template's header note. */
  readonly definition: string;
}

export const FIELDS = [
  {
    id: "month",
    label: "月份",
    kind: "month",
    aliases: ["月度", "考评月份", "统计月份"],
    meaning: "the month",
    definition: "考评月份，如 2027-03。每月一行。",
  },
  {
    id: "ordersTotal",
    label: "工单总量",
    kind: "count",
    aliases: ["工单数量", "受理工单总量", "工单数"],
    meaning: "all orders accepted in the month",
    definition: "12328 电话系统当月所受理的工单总量（办法第六条（一）工单数量）。",
  },
  {
    id: "manualQueued",
    label: "人工排队量",
    kind: "count",
    aliases: ["人工排队数"],
    meaning: "calls that queued for an agent",
    definition: "当月进入人工排队的来电量，人工接通率的分母（第六条（二））。",
  },
  {
    id: "manualAnswered",
    label: "人工接听量",
    kind: "count",
    aliases: ["人工接听数"],
    partOf: "manualQueued",
    meaning: "of those, answered by an agent",
    definition: "当月人工排队后由话务员接听的来电量，人工接通率的分子（第六条（二））；不大于人工排队量。",
  },
  {
    id: "infoOrders",
    label: "信息咨询类工单量",
    kind: "count",
    aliases: ["信息咨询类工单总量", "信息咨询工单量"],
    partOf: "ordersTotal",
    meaning: "information-enquiry orders",
    definition: "当月信息咨询类工单总量，即时答复率的分母（第六条（三））；不大于工单总量。",
  },
  {
    id: "infoInstant",
    label: "信息咨询类即时答复量",
    kind: "count",
    aliases: ["信息咨询类即时答复工单量", "即时答复量"],
    partOf: "infoOrders",
    meaning: "of those, answered on the call",
    definition: "当月通话中即时答复的信息咨询类工单量，即时答复率的分子（第六条（三））；不大于信息咨询类工单量。",
  },
  {
    id: "avgWaitSeconds",
    label: "平均等待时长（秒）",
    kind: "seconds",
    aliases: ["平均等待时长", "平均等待时间", "平均等待时长(s)"],
    meaning: "mean seconds from dialling to being served",
    definition: "从来电人拨打 12328 电话到获得服务的平均时长，单位秒，可带一位小数（第六条（四））。",
  },
  {
    id: "transferDue",
    label: "转办工单量",
    kind: "count",
    aliases: ["转办工单总量"],
    meaning: "transferred orders due in the month",
    definition: "当月应办结的转办工单总量，限时办结率的分母（第七条（一））。",
  },
  {
    id: "transferOnTime",
    label: "限时办结转办工单量",
    kind: "count",
    aliases: ["限时办结量", "限时办结工单量"],
    partOf: "transferDue",
    meaning: "of those, closed within the time limit",
    definition: "其中在时限内办结的转办工单量，限时办结率的分子（第七条（一））；不大于转办工单量。",
  },
  {
    id: "crossCityDue",
    label: "跨市工单接收量",
    kind: "count",
    aliases: ["跨市（直管县）工单接收量", "跨市工单量", "跨市（直管县）工单总量"],
    meaning: "cross-city / cross-county orders received and due",
    definition: "本市（直管县）接收的跨市（直管县）工单总量，跨市工单办结率的分母（第七条（二））；没有可填 0。",
  },
  {
    id: "crossCityOnTime",
    label: "限时办结跨市工单量",
    kind: "count",
    aliases: ["限时办结跨市（直管县）工单量", "跨市工单办结量"],
    partOf: "crossCityDue",
    meaning: "of those, closed within the time limit",
    definition: "其中在时限内办结的跨市（直管县）工单量（第七条（二））；不大于跨市工单接收量。",
  },
  {
    id: "instantRated",
    label: "即时答复参评量",
    kind: "count",
    aliases: ["即时答复参与评价量", "参与评价的即时答复工单量"],
    meaning: "instantly answered orders whose caller rated the service",
    definition: "来电人对话务员服务作出评价的即时答复工单总量，即时答复满意率的分母（第七条（三））。",
  },
  {
    id: "instantSatisfied",
    label: "即时答复满意量",
    kind: "count",
    aliases: ["即时答复满意工单量"],
    partOf: "instantRated",
    meaning: "of those, rated 满意 or 非常满意",
    definition: "其中评价为满意、非常满意的即时答复工单量（第七条（三））；不大于即时答复参评量。",
  },
  {
    id: "transferClosed",
    label: "办结转办工单量",
    kind: "count",
    aliases: ["办结的转办工单量"],
    meaning: "transferred orders closed in the month",
    definition: "当月办结的转办工单总量，抽查回访率的分母（第七条（四））。",
  },
  {
    id: "revisited",
    label: "抽查回访量",
    kind: "count",
    aliases: ["抽查回访转办工单量", "回访量"],
    partOf: "transferClosed",
    meaning: "of those, called back for a spot check",
    definition: "其中抽查回访的转办工单量（第七条（四））；不大于办结转办工单量。",
  },
  {
    id: "revisitRated",
    label: "回访参评量",
    kind: "count",
    aliases: ["回访参与评价量"],
    partOf: "revisited",
    meaning: "call-backs in which the caller gave a rating",
    definition: "抽查回访中来电人作出评价的转办工单总量，回访满意率的分母（第七条（五））；不大于抽查回访量。",
  },
  {
    id: "revisitSatisfied",
    label: "回访满意量",
    kind: "count",
    aliases: ["回访满意工单量"],
    partOf: "revisitRated",
    meaning: "of those, 满意 or 非常满意",
    definition: "其中评价为满意、非常满意的转办工单量（第七条（五））；不大于回访参评量。",
  },
  {
    id: "reportsRequired",
    label: "应报送信息数",
    kind: "count",
    aliases: ["应报送信息量"],
    meaning: "reports due to the provincial centre",
    definition: "当月应向省中心报送的典型案例、安全隐患及其他数据和文字信息资料数（第八条（二））。",
  },
  {
    id: "reportsOnTime",
    label: "按时报送信息数",
    kind: "count",
    aliases: ["按时报送信息量"],
    partOf: "reportsRequired",
    meaning: "reports delivered on time",
    definition: "其中按时报送的信息数（第八条（二））。",
  },
  {
    id: "reportsLate",
    label: "逾期报送信息数",
    kind: "count",
    aliases: ["逾期报送信息量"],
    meaning: "reports delivered late",
    definition: "逾期报送的信息数（第八条（二））；按时与逾期合计不大于应报送信息数。",
  },
  {
    id: "inspectionMinor",
    label: "督导一般问题数",
    kind: "count",
    aliases: ["一般问题数"],
    meaning: "minor findings of supervision checks",
    definition: "省中心当月督导检查（抽听录音、抽查工单、座席在线与示忙检查、现场督导）发现的一般问题数（第八条（四））。",
  },
  {
    id: "inspectionMajor",
    label: "督导严重问题数",
    kind: "count",
    aliases: ["严重问题数"],
    meaning: "serious findings",
    definition: "省中心当月督导检查发现的严重问题数（第八条（四））。",
  },
] as const satisfies readonly FieldDef[];

export type FieldId = (typeof FIELDS)[number]["id"];
/** The numeric fields: everything but the month. */
export type MeasureId = Exclude<FieldId, "month">;

export const MEASURE_IDS: readonly MeasureId[] = FIELDS.filter((f) => f.kind !== "month").map((f) => f.id as MeasureId);

const FIELD_BY_ID = new Map<string, FieldDef>(FIELDS.map((f) => [f.id, f]));
export function fieldDef(id: FieldId): FieldDef {
  return FIELD_BY_ID.get(id)!;
}

export type IndicatorGroup = "业务受理" | "业务办理" | "运行管理";

export interface IndicatorDef {
  readonly id: string;
  readonly label: string;
  readonly group: IndicatorGroup;
  /** The fields the default method reads: [numerator, denominator] for a rate. */
  readonly fields: readonly MeasureId[];
  /** Whether the indicator is a rate shown as a percentage in result sheets. */
  readonly isRate: boolean;
}

export const INDICATORS = [
  { id: "A1", label: "工单数量", group: "业务受理", fields: ["ordersTotal"], isRate: false },
  { id: "A2", label: "人工接通率", group: "业务受理", fields: ["manualAnswered", "manualQueued"], isRate: true },
  { id: "A3", label: "信息咨询类即时答复率", group: "业务受理", fields: ["infoInstant", "infoOrders"], isRate: true },
  { id: "A4", label: "平均等待时长", group: "业务受理", fields: ["avgWaitSeconds"], isRate: false },
  { id: "B1", label: "限时办结率", group: "业务办理", fields: ["transferOnTime", "transferDue"], isRate: true },
  { id: "B2", label: "跨市（直管县）工单办结率", group: "业务办理", fields: ["crossCityOnTime", "crossCityDue"], isRate: true },
  { id: "B3", label: "即时答复满意率", group: "业务办理", fields: ["instantSatisfied", "instantRated"], isRate: true },
  { id: "B4", label: "抽查回访率", group: "业务办理", fields: ["revisited", "transferClosed"], isRate: true },
  { id: "B5", label: "回访满意率", group: "业务办理", fields: ["revisitSatisfied", "revisitRated"], isRate: true },
  { id: "C1", label: "信息报送", group: "运行管理", fields: ["reportsOnTime", "reportsLate", "reportsRequired"], isRate: true },
  { id: "C2", label: "督导检查", group: "运行管理", fields: ["inspectionMinor", "inspectionMajor"], isRate: false },
] as const satisfies readonly IndicatorDef[];

export type IndicatorId = (typeof INDICATORS)[number]["id"];
export const INDICATOR_IDS: readonly IndicatorId[] = INDICATORS.map((i) => i.id);

/** The method's three groups in order: 业务受理 (A1–A4), 业务办理 (B1–B5), 运行管理 (C1–C2). */
export const INDICATOR_GROUPS: readonly IndicatorGroup[] = ["业务受理", "业务办理", "运行管理"];

/** A group's indicators, in order. */
export function groupIndicators(group: IndicatorGroup): readonly IndicatorId[] {
  return INDICATORS.filter((i) => i.group === group).map((i) => i.id);
}

/** A group's indicators as the method names them: "A1–A4". */
export function groupSpan(group: IndicatorGroup): string {
  const ids = groupIndicators(group);
  return `${ids[0]}–${ids[ids.length - 1]}`;
}

/** A group's subtotal: the sum of its indicators' points (exact to the cent); null when none applies. */
export function groupSubtotal(scores: Readonly<Record<IndicatorId, number | null>>, group: IndicatorGroup): number | null {
  const points = groupIndicators(group)
    .map((id) => scores[id])
    .filter((p): p is number => p !== null);
  return points.length ? fromCents(points.reduce((sum, p) => sum + toCents(p), 0)) : null;
}

/**
 * A record over every indicator: f(id) for each, in catalogue order. Written out, so that every such
 * record is made in one piece with one shape (the engine makes a few per unit-month); `satisfies`
 * keeps the list complete.
 */
export function perIndicator<T>(f: (id: IndicatorId) => T): Record<IndicatorId, T> {
  return {
    A1: f("A1"),
    A2: f("A2"),
    A3: f("A3"),
    A4: f("A4"),
    B1: f("B1"),
    B2: f("B2"),
    B3: f("B3"),
    B4: f("B4"),
    B5: f("B5"),
    C1: f("C1"),
    C2: f("C2"),
  } satisfies Record<IndicatorId, T>;
}

const INDICATOR_BY_ID = new Map<string, IndicatorDef>(INDICATORS.map((i) => [i.id, i]));
export function indicatorDef(id: IndicatorId): IndicatorDef {
  return INDICATOR_BY_ID.get(id)!;
}

/** Each indicator under the names it may be given by: id, name, and the name without its brackets' words. */
const INDICATOR_NAMES = new Map<string, (typeof INDICATORS)[number]>();
for (const def of INDICATORS) {
  INDICATOR_NAMES.set(normalizeLabel(def.id), def);
  INDICATOR_NAMES.set(normalizeLabel(def.label), def);
  // 跨市工单办结率 for 跨市（直管县）工单办结率.
  INDICATOR_NAMES.set(normalizeLabel(def.label).replace(/\([^)]*\)/g, ""), def);
}

/**
 * The indicator a 评分规则 row's 编号 or a function's 指标 names: by id (A2, a2, Ａ２) or Chinese name
 * (人工接通率; 跨市工单办结率 for 跨市（直管县）工单办结率); undefined for anything else.
 */
export function indicatorNamed(text: string): (typeof INDICATORS)[number] | undefined {
  return INDICATOR_NAMES.get(normalizeLabel(text.trim()));
}

/** The connection rate (人工接通率) is the tie-break of spec §5: its fields' ratio orders equal totals. */
export const TIE_BREAK_INDICATOR: IndicatorId = "A2";

/**
 * How KP.SCORE takes an indicator's fields (spec §7): the last field is the third argument and the
 * others the value (C1: 按时、逾期 against 应报送); an indicator of one field takes it as the value
 * alone (A1's third argument is then the class median, A4 has none).
 */
export function scoreArgumentFields(id: IndicatorId): { value: readonly MeasureId[]; denominator?: MeasureId } {
  const { fields } = indicatorDef(id);
  return fields.length === 1 ? { value: fields } : { value: fields.slice(0, -1), denominator: fields[fields.length - 1] };
}

/** The base total the method fixes (第十条: 基本分满分67分). */
export const BASE_TOTAL = 67;

/** What to do where an indicator's denominator is 0, and how a row's note says it was done. */
export const ZERO_DENOMINATOR_POLICIES = [
  { id: "full", label: "满分", note: "按满分计" },
  { id: "zero", label: "零分", note: "按 0 分计" },
  { id: "prorate", label: "不计入", note: `不计入，基本分按适用指标折算为 ${BASE_TOTAL} 分制` },
] as const;
export type ZeroDenominatorPolicy = (typeof ZERO_DENOMINATOR_POLICIES)[number]["id"];

export const EVENT_TYPES = [
  { id: "honour", label: "荣誉奖励", ruleId: "D1" },
  { id: "criticism", label: "批评曝光", ruleId: "D2" },
  { id: "falsification", label: "弄虚作假", ruleId: "X" },
] as const;
export type EventType = (typeof EVENT_TYPES)[number]["id"];

export const EVENT_LEVELS = [
  { id: "national", label: "国家级", aliases: ["国家级或中央媒体", "中央媒体", "国家"] },
  { id: "provincial", label: "省级", aliases: ["省", "省部级"] },
  { id: "city", label: "市级", aliases: ["市", "县级", "市（县）级"] },
] as const;
export type EventLevel = (typeof EVENT_LEVELS)[number]["id"];

export const EVENT_SCOPES = [
  { id: "monthly", label: "月度" },
  { id: "annual", label: "年度" },
] as const;
export type EventScope = (typeof EVENT_SCOPES)[number]["id"];

export const UNIT_CLASSES = ["省辖市", "省直管县"] as const;
export type UnitClass = string;

export const RESULT_LABELS = {
  ranked: "",
  disqualified: "不合格",
  pending: "数据待核",
  missing: "缺报",
} as const;
export type RowResult = keyof typeof RESULT_LABELS;

export const STATUS_LABELS = { final: "正式", draft: "草稿" } as const;
export type ResultStatus = keyof typeof STATUS_LABELS;
