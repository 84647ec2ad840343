// Files a centre might send back, for the import step of the browser test: one real .xlsx whose
// October figures differ from the demo workbook's (so the import reports conflicts, each at a cell),
// and one that is not an .xlsx at all (reported without a cell).
import ExcelJS from "exceljs";
import { DEFAULT_UNITS } from "../../src/engine";
import { DEMO_MONTH, DEMO_YEAR, demoValues, describeUnitSheet } from "../../src/workbook";
import { writeSheet } from "../../src/adapters/xlsx/writer";
import { inflatingWorkbook } from "../support/zip-bombs";

export interface ReturnedFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 郑州市's sheet as the centre returns it, every October count one higher than in the demo workbook. */
export async function conflictingReturn(): Promise<ReturnedFile> {
  const unit = DEFAULT_UNITS.find((u) => u.name === "郑州市")!;
  const workbook = new ExcelJS.Workbook();
  writeSheet(
    workbook,
    describeUnitSheet(unit, DEMO_YEAR, (u, month) => {
      const values = demoValues(u, month);
      if (month !== DEMO_MONTH) return values;
      return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "number" ? v + 1 : v]));
    }),
  );
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  // A long name, as centres give them: it must wrap in the pane, not widen it.
  return { name: "郑州市12328热线2026年10月运行指标报送表（最终版，已由中心负责人核对签字）.xlsx", mimeType: XLSX, buffer };
}

/** A returned workbook whose sheet inflates to 1.5 GB (about 1.5 MB on disk): refused before anything is inflated. */
export async function inflatingReturn(): Promise<ReturnedFile> {
  const workbook = new ExcelJS.Workbook();
  const unit = DEFAULT_UNITS.find((u) => u.name === "洛阳市")!;
  writeSheet(workbook, describeUnitSheet(unit, DEMO_YEAR, demoValues));
  const buffer = await inflatingWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), 1.5 * 1024 ** 3);
  return { name: "洛阳市报送.xlsx", mimeType: XLSX, buffer };
}

/** A CSV saved with an .xlsx name: the pane says it cannot be read, with no cell to go to. */
export function unreadableReturn(): ReturnedFile {
  return { name: "开封市报送.xlsx", mimeType: XLSX, buffer: Buffer.from("单位,月份,工单总量\n开封市,2026-10,1200\n", "utf8") };
}
