// KAOPING.PUBLICITYEND (spec §6, §7): the last day of the 公示期, by the engine's holiday calendar, with
// the 节假日调整 rows read exactly as the workbook reader reads that sheet (read.ts readHolidayRows).

import {
  CellValue,
  HolidayOverride,
  PUBLICITY_WORKING_DAYS,
  displayText,
  isBlank,
  isoToExcelSerial,
  publicityEnd,
  readDate,
  readNumber,
} from "../engine";
import { HOLIDAY_HEADERS, SHEETS, readHolidayRows } from "../workbook";
import { invalid, notAvailable } from "./errors";

/**
 * The override rows of a 节假日调整 range: the sheet's rows with their header, or the rows alone, read as
 * 日期 | 类型. A row the reader would pass over is an error here: a date that may be wrong is never given.
 */
function overridesOf(grid: CellValue[][]): readonly HolidayOverride[] {
  const own = readHolidayRows(grid, SHEETS.holidays);
  const reading = own ?? readHolidayRows([[HOLIDAY_HEADERS.date, HOLIDAY_HEADERS.kind], ...grid], SHEETS.holidays)!;
  const [bad] = reading.bad;
  // Rows of the range counted from 1: with a header row of its own, grid row i is row i + 1.
  if (bad) throw invalid(`${SHEETS.holidays}第 ${bad.row + (own ? 1 : 0)} 行：${bad.what}`);
  return reading.overrides;
}

/**
 * The last day of the 公示期 as an Excel date serial: the `days`-th working day after `date`
 * (publication day not counted). A year the holiday calendar does not know → #N/A with the warning,
 * never a date that may be wrong.
 */
export function kpPublicityEnd(date: CellValue, days: CellValue | undefined, overrides: CellValue[][] | undefined): number {
  if (isBlank(date)) throw notAvailable("发布日期未填写");
  const published = readDate(date);
  if (!published) throw invalid(`发布日期“${displayText(date)}”无法识别，请填写日期（如 2026-10-09）`);
  let count = PUBLICITY_WORKING_DAYS;
  if (days !== undefined) {
    const reading = readNumber(days);
    if (!reading.ok || reading.percent || !Number.isInteger(reading.value) || reading.value < 1 || reading.value > 60) {
      throw invalid(`公示天数“${displayText(days)}”应为 1–60 的整数`);
    }
    count = reading.value;
  }
  const period = publicityEnd(published, count, overrides ? overridesOf(overrides) : [], SHEETS.holidays);
  if (period.unknownYears.length) throw notAvailable(period.warning!);
  return isoToExcelSerial(period.end);
}
