// `kp12328 notice FILE --period P [--out F.docx] [--published YYYY-MM-DD]`: the 通报草稿 of a period as
// an editable Word document, from the same pipeline as `rank` (spec §11). The input is only read.

import { promises as fs } from "fs";
import * as path from "path";
import { Period, periodKey } from "../engine";
import { carriedPublication, describeNotice, evaluateWorkbook, noticeFacts, workbookState } from "../workbook";
import { UserError, loadWorkbook } from "../adapters/xlsx/file";
import { workbookSheets } from "../adapters/xlsx/cells";
import { noticeDocx } from "../adapters/docx/notice-docx";

export interface NoticeRequest {
  readonly file: string;
  readonly period: Period;
  readonly out?: string;
  readonly published?: string;
}

/** Beside the input: 河南-2026-10-通报.docx, also for the period's ledger 河南-2026-10-考评结果.xlsx. */
function defaultOut(input: string, period: Period): string {
  const key = periodKey(period);
  const base = path
    .basename(input)
    .replace(/\.[^./\\]+$/, "")
    .replace(`-${key}-考评结果`, "");
  return path.join(path.dirname(input), `${base}-${key}-通报.docx`);
}

/** Writes the .docx and says where; returns the path written. */
export async function writeNotice(request: NoticeRequest, out: (line: string) => void): Promise<string> {
  const target = request.out ?? defaultOut(request.file, request.period);
  if (!/\.docx$/i.test(target)) throw new UserError(`--out 应为 .docx 文件：${target}`);
  const workbook = await loadWorkbook(request.file);
  const sheets = workbookSheets(workbook);
  // A ledger (rank's output) holding the period's published result gives its date, as rank does.
  const published = request.published ?? carriedPublication(workbookState(sheets), request.period);
  const { input, evaluation } = evaluateWorkbook(sheets, { period: request.period, published });
  const bytes = await noticeDocx(describeNotice(evaluation, noticeFacts(input, evaluation)));
  await fs.writeFile(target, bytes).catch((e: Error) => {
    throw new UserError(`无法写入 ${target}：${e.message}`);
  });
  out(`通报草稿已写入：${target}${evaluation.status === "draft" ? "（本期结果为草稿，文中已标明）" : ""}`);
  return target;
}
