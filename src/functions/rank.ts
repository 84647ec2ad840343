// KAOPING.RANK (spec §5, §7): a unit's rank among the totals of a range, by the ranking sheet's own rule
// (the engine's rank), its tie-break by 人工接通率 given as rates or as the counts themselves.

import {
  CellValue,
  Contender,
  MeasureId,
  Ratio,
  TIE_BREAK_INDICATOR,
  cellErrorText,
  checkMeasure,
  checkParts,
  displayText,
  fieldDef,
  isBlank,
  measureMessage,
  rank,
  readNumber,
  scoreArgumentFields,
  toCents,
} from "../engine";
import { NO_VALUE_MARK } from "../workbook";
import { blankOrZero, flat } from "./arguments";
import { invalid, measureError, notAvailable, passOn } from "./errors";

/** The 人工接通率 arguments, as messages name them. */
export const OWN_TIE = "本单位人工接通率";
export const ALL_TIES = "人工接通率区域";

/** The tie-break's counts in the order the functions take them, as KAOPING.SCORE("A2", 人工接听量, 人工排队量). */
const TIE_FIELDS = scoreArgumentFields(TIE_BREAK_INDICATOR);
const ANSWERED = TIE_FIELDS.value[0];
const QUEUED = TIE_FIELDS.denominator!;
const TIE_COUNTS = `${fieldDef(ANSWERED).label}、${fieldDef(QUEUED).label}`;

/**
 * A unit's 人工接通率 for the tie-break: the exact fraction it is ranked by, and the number a cell shows
 * for it (KAOPING.RATE's n ÷ d), by which the caller's own row is found among equal totals.
 */
interface TieRate {
  readonly exact: Ratio;
  readonly shown: number;
}

/** A connection rate from a cell: a number 0–1 (or percent text); blank, the result sheet's "—" or #DIV/0! = no rate. */
function readRate(cell: CellValue, what: string): TieRate | null {
  if (isBlank(cell) || (typeof cell === "string" && cell.trim() === NO_VALUE_MARK)) return null;
  const error = cellErrorText(cell);
  if (error === "#DIV/0!") return null;
  const reading = readNumber(cell);
  if (!reading.ok) {
    if (reading.reason === "error") throw passOn(reading.text, what);
    throw invalid(`${what}为“${reading.text}”，不是比率`);
  }
  if (reading.value < 0 || reading.value > 1) throw invalid(`${what}为 ${displayText(cell)}，应在 0–100% 之间`);
  return { exact: exactRatio(reading.value), shown: reading.value };
}

/** A count of the tie-break: blank is 0, as Excel's own arithmetic reads it and as older desktop Excel hands it over. */
function readTieCount(cell: CellValue, who: string, field: MeasureId): number {
  if (isBlank(cell)) return 0;
  const checked = checkMeasure(cell, "count");
  if (typeof checked !== "number") throw measureError(`${who}${fieldDef(field).label}`, checked);
  return checked;
}

/**
 * The rate of the counts 人工接听量, 人工排队量, exactly as the ranking sheet takes it: none when nothing
 * queued. No error value is involved, so it needs nothing of allowErrorForDataTypeAny.
 */
function rateOfCounts(answeredCell: CellValue, queuedCell: CellValue, who: string): TieRate | null {
  const answered = readTieCount(answeredCell, who, ANSWERED);
  const queued = readTieCount(queuedCell, who, QUEUED);
  const [issue] = checkParts({ [ANSWERED]: answered, [QUEUED]: queued });
  if (issue) throw invalid(`${who}${measureMessage(fieldDef(issue.field).label, issue)}（两个数量依次为 ${TIE_COUNTS}）`);
  return queued > 0 ? { exact: { num: answered, den: queued }, shown: answered / queued } : null;
}

function sameTie(a: TieRate | null, b: TieRate | null): boolean {
  return a === null || b === null ? a === b : a.shown === b.shown;
}

/**
 * Each unit's tie-break from `tiebreaks`: one 人工接通率 per total, or two counts per total (人工接听量,
 * 人工排队量), side by side (n×2) or one above the other (2×n); a 2×2 range goes along the totals (rows
 * for totals in a column, columns for totals in a row). Read only for the units that are ranked.
 */
function tieBreaksOf(grid: CellValue[][], scores: readonly (readonly CellValue[])[]): (i: number) => TieRate | null {
  const cells = flat(grid);
  const n = scores.reduce((k, row) => k + row.length, 0);
  if (cells.length === n) return (i) => readRate(cells[i], `第 ${i + 1} 个人工接通率`);
  const who = (i: number) => `第 ${i + 1} 个单位的`;
  const totalsInRow = scores.length === 1 && n > 1;
  if (!totalsInRow && grid.length === n && grid.every((row) => row.length === 2)) {
    return (i) => rateOfCounts(grid[i][0], grid[i][1], who(i));
  }
  if (grid.length === 2 && grid.every((row) => row.length === n)) return (i) => rateOfCounts(grid[0][i], grid[1][i], who(i));
  throw invalid(
    `${ALL_TIES}有 ${cells.length} 个单元格，分数区域有 ${n} 个，两者应一一对应：每个分数一个人工接通率，或两个数量（${TIE_COUNTS}）`,
  );
}

/** The caller's own tie-break: one cell (a rate) or two (人工接听量, 人工排队量). */
function ownTie(cells: readonly CellValue[]): TieRate | null {
  if (cells.length === 1) return readRate(cells[0], OWN_TIE);
  if (cells.length === 2) return rateOfCounts(cells[0], cells[1], "本单位");
  throw invalid(`${OWN_TIE}应为一个单元格（接通率）或两个单元格（${TIE_COUNTS}），收到 ${cells.length} 个单元格`);
}

/**
 * A number as the exact fraction it is in binary (m ÷ 2^k). A rate computed in a cell as n ÷ d is the
 * double nearest to n/d; for monthly call counts (below 10^7) distinct fractions give distinct doubles
 * in the same order and equal fractions the same double, so comparing these is comparing n/d exactly.
 */
function exactRatio(value: number): Ratio {
  let den = 1;
  let num = value;
  while (!Number.isInteger(num) && den < 2 ** 1000) {
    num *= 2;
    den *= 2;
  }
  return { num, den };
}

/** A total as the engine ranks it: whole cents. */
function readTotal(cell: CellValue): number | undefined {
  const reading = readNumber(cell);
  if (!reading.ok || reading.percent) return undefined;
  return toCents(reading.value);
}

/**
 * The rank of `score` among `scores`, by the ranking sheet's own rule (the engine's rank): high to
 * low; equal totals (to the cent) ordered by the 人工接通率 from `tiebreaks`, a unit without one after
 * those with one; still equal → shared rank, the next rank skips (1, 2, 2, 4). Cells of `scores` that
 * hold no number (不合格, 缺报, errors) take no part. `tiebreak` says which of several equal totals is
 * the caller's; where all units of that total share one rank it is not needed. Omitted or blank, it
 * means "no rate".
 */
export function kpRank(
  scoreCell: CellValue,
  scoreGrid: CellValue[][],
  tiebreak: CellValue[] | undefined,
  tiebreaks: CellValue[][] | undefined,
): number {
  if (isBlank(scoreCell)) throw notAvailable("分数未填写");
  const own = readTotal(scoreCell);
  if (own === undefined) throw invalid(`分数为“${displayText(scoreCell)}”，不是数字`);

  // Without the 人工接通率区域, a 0 for the unit's own is the empty cell older desktop Excel hands over.
  if (!tiebreaks && tiebreak && !tiebreak.every(blankOrZero)) {
    throw invalid("给出本单位的人工接通率时，也请给出全部单位的人工接通率区域（第四个参数）");
  }
  const mine = tiebreaks && tiebreak ? ownTie(tiebreak) : null;
  const tieOf = tiebreaks ? tieBreaksOf(tiebreaks, scoreGrid) : () => null;

  const contenders: (Contender & { readonly tie: TieRate | null })[] = [];
  flat(scoreGrid).forEach((cell, i) => {
    const totalCents = readTotal(cell);
    if (totalCents === undefined) return;
    const tie = tieOf(i);
    contenders.push({ key: String(i).padStart(6, "0"), name: String(i + 1), totalCents, connectRate: tie && tie.exact, tie });
  });
  const sameTotal = rank(contenders).filter((p) => p.contender.totalCents === own);
  if (!sameTotal.length) throw notAvailable("分数不在排名区域中");
  if (sameTotal.every((p) => p.rank === sameTotal[0].rank)) return sameTotal[0].rank;
  const found = sameTotal.find((p) => sameTie(p.contender.tie, mine));
  if (!found) throw notAvailable("分数与人工接通率的组合不在排名区域中");
  return found.rank;
}
