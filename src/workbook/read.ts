// Reading a workbook given as sheets of cell values (spec §3): indicator sheets in both layouts, and
// the sheets 评分规则, 考评单位, 考评事件, 节假日调整 when present. Adapters only supply the grids.

import {
  EVENT_LEVELS,
  EVENT_SCOPES,
  EVENT_TYPES,
  FieldId,
  MEASURE_IDS,
  MeasureId,
  UNIT_CLASSES,
  fieldDef,
  HolidayOverride,
  HOLIDAY_KIND_HINT,
  readHolidayKind,
  CellGrid,
  CellValue,
  displayText,
  isBlank,
  normalizeLabel,
  readDate,
  readNumber,
  ScoringEvent,
  monthKey,
  readMonth,
  CellRef,
  Problem,
  cellAddress,
  columnLetters,
  problem,
  RawRecord,
  RuleSet,
  readRuleTable,
  DEFAULT_UNITS,
  Unit,
  UnitIndex,
  unitSuggestion,
} from "../engine";
import {
  EVENT_HEADERS,
  EVENT_HEADER_ALIASES,
  HOLIDAY_HEADERS,
  HOLIDAY_HEADER_ALIASES,
  SHEETS,
  EXAMPLE_MARK,
  UNIT_COLUMN,
  UNIT_COLUMN_ALIASES,
  UNIT_HEADERS,
  UNIT_HEADER_ALIASES,
  fieldForHeader,
  matchesHeader,
} from "./layout";
import { OUTPUT_ROLES, productSheetKeys, readRegistry, sheetKey } from "./registry";
import { ProductSheet, REGISTRY_SHEET } from "./sheet-spec";

export interface SheetCells {
  readonly name: string;
  readonly cells: CellGrid;
}

export interface WorkbookInput {
  readonly units: readonly Unit[];
  readonly records: readonly RawRecord[];
  readonly events: readonly ScoringEvent[];
  /** undefined: no 评分规则 sheet, use the defaults; null: the sheet exists but cannot be used. */
  readonly rules?: RuleSet | null;
  readonly holidayOverrides: readonly HolidayOverride[];
  readonly problems: readonly Problem[];
  /** The sheets the product made (from its registry). */
  readonly registry: readonly ProductSheet[];
  /** The indicator sheets found, with the units they hold. */
  readonly indicatorSheets: readonly IndicatorSheet[];
  /** Where each unit of 考评单位 is listed (its 单位名称 cell); empty without that sheet. */
  readonly unitRows?: ReadonlyMap<string, CellRef>;
}

export interface IndicatorSheet {
  readonly name: string;
  readonly layout: "unit" | "summary";
  /** The units whose rows it holds. */
  readonly units: readonly string[];
  readonly missingColumns?: readonly MeasureId[];
  /** A unit sheet's unit, also when it has no rows yet. */
  readonly unit?: string;
  /** Its header row (1-based) and 月份 column (letters), where a month without a row belongs below. */
  readonly headerRow?: number;
  readonly monthColumn?: string;
}

/** How many rows from the top a header row may be (a title and notes above it are normal). */
const HEADER_SEARCH_ROWS = 30;
/** How many field headers make a row an indicator header. */
const MIN_FIELD_HEADERS = 4;

const ref = (sheet: string, row: number, column: number): CellRef => ({ sheet, cell: cellAddress(row + 1, column + 1) });

function cellText(v: CellValue | undefined): string {
  return displayText(v ?? null).trim();
}

/** Finds the header row: the first row within reach where `accept` finds enough columns. */
function findHeader<T>(cells: CellGrid, score: (row: readonly CellValue[]) => T | undefined): { row: number; found: T } | undefined {
  const limit = Math.min(cells.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const found = score(cells[r] ?? []);
    if (found !== undefined) return { row: r, found };
  }
  return undefined;
}

type ColumnMap<K extends string> = Partial<Record<K, number>>;

function mapColumns<K extends string>(row: readonly CellValue[], headers: Record<K, string>, aliases: Record<K, string[]>): ColumnMap<K> {
  const map: ColumnMap<K> = {};
  row.forEach((v, c) => {
    const text = cellText(v);
    if (!text) return;
    for (const key of Object.keys(headers) as K[]) {
      if (map[key] === undefined && matchesHeader(text, headers[key], aliases[key])) map[key] = c;
    }
  });
  return map;
}

function readUnits(sheet: SheetCells, problems: Problem[], rows: Map<string, CellRef>): Unit[] | undefined {
  const header = findHeader(sheet.cells, (row) => {
    const map = mapColumns(row, UNIT_HEADERS, UNIT_HEADER_ALIASES);
    return map.name !== undefined ? map : undefined;
  });
  if (!header) {
    problems.push(
      problem(
        "error",
        "units.noHeader",
        `${sheet.name}：找不到表头（应有“单位名称”“代码”“类别”列），已改用默认的 28 个考评单位`,
        "请按模板恢复表头。",
        { at: { sheet: sheet.name, cell: "A1" } },
      ),
    );
    return undefined;
  }
  const cols = header.found;
  const units: Unit[] = [];
  const seen = new Map<string, string>();
  for (let r = header.row + 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    const name = cols.name !== undefined ? cellText(row[cols.name]) : "";
    if (!name) continue;
    const codeCell = cols.code !== undefined ? row[cols.code] : null;
    const code = cellText(codeCell).replace(/\.0+$/, "") || name;
    const defaults = DEFAULT_UNITS.find((u) => u.code === code || u.name === name);
    const unitClass = (cols.unitClass !== undefined ? cellText(row[cols.unitClass]) : "") || defaults?.unitClass || UNIT_CLASSES[0];
    const month = (key: "activeFrom" | "activeTo") => {
      const c = cols[key];
      if (c === undefined || isBlank(row[c])) return undefined;
      const m = readMonth(row[c]);
      if (!m)
        problems.push(
          problem(
            "error",
            "units.badMonth",
            `${sheet.name}!${cellAddress(r + 1, c + 1)}：${name} 的${UNIT_HEADERS[key]}“${cellText(row[c])}”无法识别`,
            "请填写如 2026-01 的月份，或留空。",
            { at: ref(sheet.name, r, c) },
          ),
        );
      return m;
    };
    if (seen.has(code)) {
      problems.push(
        problem(
          "error",
          "units.duplicate",
          `${sheet.name}!${cellAddress(r + 1, (cols.code ?? cols.name)! + 1)}：单位代码 ${code} 重复（${seen.get(code)}、${name}）`,
          "每个单位只保留一行。",
          { at: ref(sheet.name, r, (cols.code ?? cols.name)!) },
        ),
      );
      continue;
    }
    seen.set(code, name);
    rows.set(code, ref(sheet.name, r, cols.name!));
    units.push({ code, name, unitClass, activeFrom: month("activeFrom"), activeTo: month("activeTo") });
  }
  if (!units.length) {
    problems.push(
      problem("error", "units.empty", `${sheet.name}：没有任何考评单位，已改用默认的 28 个考评单位`, "请填写考评单位，或删除该表。", {
        at: { sheet: sheet.name, cell: "A1" },
      }),
    );
    return undefined;
  }
  return units;
}

function lookup<T extends { id: string; label: string }>(
  items: readonly T[],
  text: string,
  aliases: (t: T) => readonly string[] = () => [],
): T | undefined {
  const key = normalizeLabel(text);
  return items.find(
    (i) => normalizeLabel(i.label) === key || i.id.toLowerCase() === key || aliases(i).some((a) => normalizeLabel(a) === key),
  );
}

function readEvents(sheet: SheetCells, index: UnitIndex, problems: Problem[]): ScoringEvent[] {
  const header = findHeader(sheet.cells, (row) => {
    const map = mapColumns(row, EVENT_HEADERS, EVENT_HEADER_ALIASES);
    return map.date !== undefined && map.unit !== undefined && map.type !== undefined ? map : undefined;
  });
  if (!header) {
    if (sheet.cells.some((row) => row.some((v) => !isBlank(v)))) {
      problems.push(
        problem(
          "error",
          "events.noHeader",
          `${sheet.name}：找不到表头（应有“日期”“单位”“类型”“级别”“计入”“分值”“说明”列），事件未计入`,
          "请按模板恢复表头。",
          { at: { sheet: sheet.name, cell: "A1" } },
        ),
      );
    }
    return [];
  }
  const events: ScoringEvent[] = [];
  for (let r = header.row + 1; r < sheet.cells.length; r++) {
    const event = readEventRow(sheet, r, header.found, index, problems);
    if (event) events.push(event);
  }
  return events;
}

/** One row of 考评事件 as an event, or undefined for a blank row or one reported as a problem. */
function readEventRow(
  sheet: SheetCells,
  r: number,
  cols: Partial<Record<keyof typeof EVENT_HEADERS, number>>,
  index: UnitIndex,
  problems: Problem[],
): ScoringEvent | undefined {
  const row = sheet.cells[r];
  const get = (k: keyof typeof EVENT_HEADERS) => (cols[k] === undefined ? null : (row[cols[k]!] ?? null));
  if ((Object.keys(EVENT_HEADERS) as (keyof typeof EVENT_HEADERS)[]).every((k) => isBlank(get(k)))) return undefined;
  // A template's example row (its 日期 starts with 示例) counts for nothing.
  if (cellText(get("date")).startsWith(EXAMPLE_MARK)) return undefined;
  const at = (k: keyof typeof EVENT_HEADERS) => ref(sheet.name, r, cols[k] ?? 0);
  const fail = (k: Exclude<keyof typeof EVENT_HEADERS, "description">, message: string, action: string) =>
    problems.push(problem("error", `events.${k}` as const, `${sheet.name}!${at(k).cell}：${message}，该事件未计入`, action, { at: at(k) }));
  const date = readDate(get("date"));
  if (!date) {
    fail("date", `日期“${cellText(get("date"))}”无法识别`, "请填写如 2026-10-09 的日期。");
    return undefined;
  }
  const unitText = cellText(get("unit"));
  const unit = index.find(unitText);
  if (!unit) {
    const message = unitText ? `单位“${unitText}”不在考评单位名单中${unitSuggestion(index, unitText)}` : "未填写单位";
    fail("unit", message, "请填写考评单位的全称、简称或代码。");
    return undefined;
  }
  const type = lookup(EVENT_TYPES, cellText(get("type")));
  if (!type) {
    fail("type", `类型“${cellText(get("type"))}”不认识`, `可用：${EVENT_TYPES.map((t) => t.label).join("、")}。`);
    return undefined;
  }
  const levelText = cellText(get("level"));
  const level = levelText ? lookup(EVENT_LEVELS, levelText, (l) => l.aliases) : undefined;
  const pointsCell = get("points");
  const points = readNumber(pointsCell);
  if (!isBlank(pointsCell) && (!points.ok || points.percent)) {
    fail("points", `分值“${cellText(pointsCell)}”不是数字`, "请填写数字，或留空以按级别默认分值计。");
    return undefined;
  }
  if (type.id !== "falsification" && !level && !points.ok) {
    fail(
      "level",
      levelText ? `级别“${levelText}”不认识` : "未填写级别",
      `可用：${EVENT_LEVELS.map((l) => l.label).join("、")}；或在“分值”列直接填写分值。`,
    );
    return undefined;
  }
  const scopeText = cellText(get("scope"));
  const scope = scopeText ? lookup(EVENT_SCOPES, scopeText) : EVENT_SCOPES[0];
  if (!scope) {
    fail("scope", `计入“${scopeText}”不认识`, `可用：${EVENT_SCOPES.map((s) => s.label).join("、")}。`);
    return undefined;
  }
  return {
    date,
    unitCode: unit.code,
    type: type.id,
    level: level?.id,
    scope: scope.id,
    points: points.ok ? Math.abs(points.value) : undefined,
    description: cellText(get("description")) || undefined,
    at: at("date"),
  };
}

/** The rows of a 节假日调整 table: the overrides, and each row not taken, with why (grid row and column from 0). */
export interface HolidayRows {
  readonly overrides: HolidayOverride[];
  readonly bad: { readonly row: number; readonly column: number; readonly what: string }[];
}

/**
 * A 节假日调整 table read by its header (日期, 类型, 说明): the sheet as the reader reads it, and
 * KAOPING.PUBLICITYEND's range. Undefined when no row is its header.
 */
export function readHolidayRows(cells: CellGrid, sheet: string): HolidayRows | undefined {
  const header = findHeader(cells, (row) => {
    const map = mapColumns(row, HOLIDAY_HEADERS, HOLIDAY_HEADER_ALIASES);
    return map.date !== undefined && map.kind !== undefined ? map : undefined;
  });
  if (!header) return undefined;
  const { date: cDate, kind: cKind, note: cNote } = header.found;
  const out: HolidayRows = { overrides: [], bad: [] };
  for (let r = header.row + 1; r < cells.length; r++) {
    const row = cells[r];
    if (isBlank(row[cDate!]) && isBlank(row[cKind!])) continue;
    const date = readDate(row[cDate!]);
    const workday = readHolidayKind(row[cKind!]);
    if (!date || workday === undefined) {
      const what = !date ? `日期“${cellText(row[cDate!])}”无法识别` : `类型“${cellText(row[cKind!])}”应为${HOLIDAY_KIND_HINT}`;
      out.bad.push({ row: r, column: !date ? cDate! : cKind!, what });
      continue;
    }
    const note = cNote !== undefined ? cellText(row[cNote]) || undefined : undefined;
    out.overrides.push({ date, workday, note, at: ref(sheet, r, cDate!) });
  }
  return out;
}

function readHolidays(sheet: SheetCells, problems: Problem[]): HolidayOverride[] {
  const rows = readHolidayRows(sheet.cells, sheet.name);
  for (const { row, column, what } of rows?.bad ?? []) {
    const message = `${sheet.name}!${cellAddress(row + 1, column + 1)}：${what}，该行未采用`;
    problems.push(problem("error", "holidays.bad", message, "请更正该行。", { at: ref(sheet.name, row, column) }));
  }
  return rows?.overrides ?? [];
}

interface IndicatorHeader {
  readonly fields: ReadonlyMap<FieldId, number>;
  readonly unitColumn?: number;
}

function indicatorHeader(row: readonly CellValue[]): IndicatorHeader | undefined {
  const fields = new Map<FieldId, number>();
  let unitColumn: number | undefined;
  row.forEach((v, c) => {
    // Headers are text; the numbers of data rows never are.
    if (typeof v !== "string") return;
    const text = v.trim();
    if (!text) return;
    const field = fieldForHeader(text);
    if (field && !fields.has(field)) fields.set(field, c);
    else if (unitColumn === undefined && matchesHeader(text, UNIT_COLUMN, UNIT_COLUMN_ALIASES)) unitColumn = c;
  });
  const measures = [...fields.keys()].filter((f) => f !== "month").length;
  return measures >= MIN_FIELD_HEADERS ? { fields, unitColumn } : undefined;
}

const TOTAL_ROW = /^(合计|小计|总计|平均|均值|全省)/;

/** An indicator sheet as read: its layout, the units whose rows it holds, the columns it lacks, its rows. */
interface IndicatorSheetReading {
  readonly layout: "unit" | "summary";
  readonly units: readonly string[];
  readonly missingColumns: readonly MeasureId[];
  readonly records: readonly RawRecord[];
  readonly unit?: string;
  readonly headerRow: number;
  readonly monthColumn: string;
}

/**
 * One sheet read as an indicator sheet, or undefined when it is none of ours (left alone). A sheet
 * named after a unit without a usable header is reported, not read.
 */
function readIndicatorSheet(
  sheet: SheetCells,
  index: UnitIndex,
  year: number | undefined,
  problems: Problem[],
): IndicatorSheetReading | undefined {
  const sheetUnit = index.find(sheet.name);
  const header = findHeader(sheet.cells, indicatorHeader);
  if (!header) {
    if (sheetUnit) problems.push(headerlessUnitSheet(sheet, sheetUnit));
    return undefined;
  }
  const { fields, unitColumn } = header.found;
  const layout = unitColumn !== undefined ? "summary" : "unit";
  if (layout === "unit" && !sheetUnit) {
    // Another sheet of the user's is left alone; one named a character away from a unit is a typo.
    const near = index.suggest(sheet.name);
    if (near)
      problems.push(
        problem(
          "warning",
          "sheet.unknownUnit",
          `${sheet.name}：表名“${sheet.name}”不是考评单位，该表的数据未计入（是否为 ${near.name}？）`,
          "请把表名改为考评单位的名称、简称或代码。",
          { unitCode: near.code, at: { sheet: sheet.name, cell: "A1" } },
        ),
      );
    return undefined;
  }
  const monthColumn = fields.get("month");
  if (monthColumn === undefined) {
    problems.push(
      problem("error", "sheet.noMonthColumn", `${sheet.name}!${cellAddress(header.row + 1, 1)}：缺少“月份”列`, "请在表头加上“月份”列。", {
        at: ref(sheet.name, header.row, 0),
      }),
    );
    return undefined;
  }
  const missingColumns = MEASURE_IDS.filter((f) => !fields.has(f));
  if (missingColumns.length)
    problems.push(missingColumnsProblem(sheet, header.row, missingColumns, layout === "unit" ? sheetUnit : undefined));
  const records: RawRecord[] = [];
  const units = new Set<string>();
  for (let r = header.row + 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    if (!row || row.every((v) => isBlank(v))) continue;
    const monthCell = row[monthColumn] ?? null;
    if (TOTAL_ROW.test(cellText(monthCell)) || (unitColumn !== undefined && TOTAL_ROW.test(cellText(row[unitColumn])))) continue;
    const unit = layout === "summary" ? summaryRowUnit(sheet, r, unitColumn!, fields, index, problems) : sheetUnit;
    if (!unit) continue;
    const values: Partial<Record<MeasureId, CellValue>> = {};
    const cells: Partial<Record<FieldId, CellRef>> = {};
    for (const [field, c] of fields) {
      cells[field] = ref(sheet.name, r, c);
      if (field !== "month") values[field as MeasureId] = row[c] ?? null;
    }
    const month =
      year !== undefined && typeof monthCell === "number" && monthCell >= 1 && monthCell <= 12 ? monthKey(year, monthCell) : monthCell;
    records.push({ unitCode: unit.code, month: readMonth(month, year) ?? month, values, cells });
    units.add(unit.code);
  }
  return {
    layout,
    units: [...units],
    missingColumns,
    records,
    unit: layout === "unit" ? sheetUnit?.code : undefined,
    headerRow: header.row + 1,
    monthColumn: columnLetters(monthColumn + 1),
  };
}

/** A sheet named after a unit whose header cannot be found: an error when it holds anything, else a reminder. */
function headerlessUnitSheet(sheet: SheetCells, unit: Unit): Problem {
  const at = { sheet: sheet.name, cell: "A1" };
  if (!sheet.cells.some((row) => row.some((v) => !isBlank(v)))) {
    return problem("warning", "sheet.empty", `${sheet.name}：${unit.name} 的指标表是空的`, "请填写该单位的月度指标。", {
      unitCode: unit.code,
      at,
    });
  }
  return problem(
    "error",
    "sheet.noHeader",
    `${sheet.name}：看起来是 ${unit.name} 的指标表，但找不到指标表头（如“月份”“工单总量”“人工排队量”）`,
    "请按模板恢复表头；表头须在同一行、不要合并单元格。",
    { unitCode: unit.code, at },
  );
}

function missingColumnsProblem(sheet: SheetCells, headerRow: number, absent: readonly MeasureId[], unit: Unit | undefined): Problem {
  const names = absent.map((f) => `“${fieldDef(f).label}”`).join("");
  return problem(
    "error",
    "sheet.missingColumns",
    `${sheet.name}!${cellAddress(headerRow + 1, 1)}：表头缺少${names}${absent.length > 1 ? ` ${absent.length} 列` : "列"}，该表的数据无法计分`,
    "请在表头行补上这些列（表头须在同一行，不要合并单元格）。",
    { unitCode: unit?.code, at: ref(sheet.name, headerRow, 0) },
  );
}

/** The unit of a summary sheet's row by its 单位 cell; a row of an unknown unit is reported when it holds anything. */
function summaryRowUnit(
  sheet: SheetCells,
  r: number,
  unitColumn: number,
  fields: ReadonlyMap<FieldId, number>,
  index: UnitIndex,
  problems: Problem[],
): Unit | undefined {
  const row = sheet.cells[r];
  const text = cellText(row[unitColumn]);
  const unit = index.find(text);
  if (!unit && (text || [...fields].some(([f, c]) => f !== "month" && !isBlank(row[c])))) {
    problems.push(
      problem(
        "error",
        "record.unknownUnit",
        `${sheet.name}!${cellAddress(r + 1, unitColumn + 1)}：单位“${text}”不在考评单位名单中${unitSuggestion(index, text)}，该行未计入`,
        "请填写考评单位的全称、简称或代码，或在“考评单位”表中添加该单位。",
        { at: ref(sheet.name, r, unitColumn) },
      ),
    );
  }
  return unit;
}

/** Reads every sheet of the workbook. `year` resolves months written without a year ("10月"). */
export function readWorkbook(sheets: readonly SheetCells[], year?: number): WorkbookInput {
  const problems: Problem[] = [];
  // Sheet names as Excel matches them: "考评单位" and a sheet renamed to another case are one sheet.
  const sheetsByKey = new Map(sheets.map((s) => [sheetKey(s.name), s]));
  const byName = { get: (name: string) => sheetsByKey.get(sheetKey(name)) };
  const registry = readRegistry(byName.get(REGISTRY_SHEET)?.cells);
  const productOutputs = productSheetKeys(registry, OUTPUT_ROLES);

  const unitsSheet = byName.get(SHEETS.units);
  const unitRows = new Map<string, CellRef>();
  const units = (unitsSheet && readUnits(unitsSheet, problems, unitRows)) || DEFAULT_UNITS;
  const index = new UnitIndex(units);

  let rules: RuleSet | null | undefined;
  const rulesSheet = byName.get(SHEETS.rules);
  if (rulesSheet) {
    const reading = readRuleTable(rulesSheet.cells, rulesSheet.name);
    problems.push(...reading.problems);
    rules = reading.rules ?? null;
  }

  const eventsSheet = byName.get(SHEETS.events);
  const events = eventsSheet ? readEvents(eventsSheet, index, problems) : [];
  const holidaysSheet = byName.get(SHEETS.holidays);
  const holidayOverrides = holidaysSheet ? readHolidays(holidaysSheet, problems) : [];

  const records: RawRecord[] = [];
  const indicatorSheets: IndicatorSheet[] = [];
  const sheetsOfUnit = new Map<string, string[]>();
  const reserved = new Set([SHEETS.rules, SHEETS.units, SHEETS.events, SHEETS.holidays, SHEETS.instructions].map(sheetKey));
  for (const sheet of sheets) {
    if (reserved.has(sheetKey(sheet.name)) || productOutputs.has(sheetKey(sheet.name))) continue;
    const reading = readIndicatorSheet(sheet, index, year, problems);
    if (!reading) continue;
    records.push(...reading.records);
    for (const code of reading.units) sheetsOfUnit.set(code, [...(sheetsOfUnit.get(code) ?? []), sheet.name]);
    const { layout, units: held, missingColumns, unit, headerRow, monthColumn } = reading;
    indicatorSheets.push({ name: sheet.name, layout, units: held, missingColumns, unit, headerRow, monthColumn });
  }
  problems.push(...duplicateUnitSheets(sheetsOfUnit, indicatorSheets, units));

  return { units, records, events, rules, holidayOverrides, problems, registry, indicatorSheets, unitRows };
}

/** A unit with more than one sheet of its own: the repeated months cannot be scored. */
function duplicateUnitSheets(
  sheetsOfUnit: ReadonlyMap<string, readonly string[]>,
  indicatorSheets: WorkbookInput["indicatorSheets"],
  units: readonly Unit[],
): Problem[] {
  const problems: Problem[] = [];
  for (const [code, names] of sheetsOfUnit) {
    const unitSheets = names.filter((n) => indicatorSheets.find((s) => s.name === n)?.layout === "unit");
    if (unitSheets.length < 2) continue;
    const unit = units.find((u) => u.code === code)!;
    problems.push(
      problem(
        "error",
        "sheet.duplicateUnit",
        `${unit.name} 有 ${unitSheets.length} 张指标表：${unitSheets.join("、")}`,
        "请只保留一张该单位的指标表，重复的月份将无法计分。",
        { unitCode: code, at: { sheet: unitSheets[1], cell: "A1" } },
      ),
    );
  }
  return problems;
}
