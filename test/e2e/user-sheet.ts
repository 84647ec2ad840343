// The user's own sheet in the end-to-end test's workbook: generation must leave it exactly as it is.
import type { CellValue } from "../../src/engine";

export const USER_SHEET = "我的笔记";
export const USER_CELLS: CellValue[][] = [
  ["备忘", "内容"],
  ["10月报表", "周口市回访记录待核"],
  [42, "=B2"],
];
