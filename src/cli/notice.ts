// `kp12328 notice FILE --period P [--out F.docx] [--published YYYY-MM-DD]`: the 通报草稿 of a period as
// an editable Word document, from the same pipeline as `rank` (spec §11). The input is only read.

import { promises as fs } from "fs";
import * as path from "path";
import { Period, periodKey } from "../engine";
import { describeNotice, evaluateWorkbook, noticeFacts } from "../workbook";
import { UserError, loadWorkbook } from "../adapters/xlsx/file";
import { workbookSheets } from "../adapters/xlsx/cells";
import { noticeDocx } from "../adapters/docx/notice-docx";

export interface NoticeRequest {
  readonly file: string;
  readonly period: Period;
  readonly out?: string;
  readonly published?: string;
}

function defaultOut(input: string, period: Period): string {
  const base = path.basename(input).replace(/\.xlsx$/i, "");
  return path.join(path.dirname(input), `${base}-${periodKey(period)}-通报.docx`);
}

/** Writes the .docx and says where; returns the path written. */
export async function writeNotice(request: NoticeRequest, out: (line: string) => void): Promise<string> {
  const target = request.out ?? defaultOut(request.file, request.period);
  if (!/\.docx$/i.test(target)) throw new UserError(`--out 应为 .docx 文件：${target}`);
  const workbook = await loadWorkbook(request.file);
  const { input, evaluation } = evaluateWorkbook(workbookSheets(workbook), { period: request.period, published: request.published });
  const bytes = await noticeDocx(describeNotice(evaluation, noticeFacts(input, evaluation)));
  await fs.writeFile(target, bytes).catch((e: Error) => {
    throw new UserError(`无法写入 ${target}：${e.message}`);
  });
  out(`通报草稿已写入：${target}${evaluation.status === "draft" ? "（本期结果为草稿，文中已标明）" : ""}`);
  return target;
}
