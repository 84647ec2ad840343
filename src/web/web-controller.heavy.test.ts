// The 网页版's controller holds to the command-line tool: the page's steps on a workbook in memory
// write, sheet by sheet, what `kp12328 rank` writes for the same steps into its ledger.

import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { parsePeriod } from "../engine";
import { isPaneError } from "../taskpane/controller";
import { createWebController, Changed } from "./web-controller";
import { loadXlsxBytes } from "../taskpane/host/xlsx-file";
import { viewOfExcelJs } from "../../test/support/what-a-user-sees";
import {
  CORRECTION,
  firstDifference,
  NOW,
  PERIOD,
  PUBLISHED,
  REASON,
  correctInput,
  inputWithGap,
  referenceSteps,
  returnedFile,
} from "../../test/support/web-steps";

jest.setTimeout(120_000);

let dir = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kp12328-web-"));
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

function hostOn(workbook: ExcelJS.Workbook) {
  const changes: Changed[] = [];
  const selected: string[] = [];
  const controller = createWebController({
    workbook,
    now: () => NOW,
    changed: (c) => changes.push(c),
    select: (ref) => selected.push(`${ref.sheet}!${ref.cell}`),
  });
  return { controller, changes, selected };
}

async function reopen(file: string): Promise<ExcelJS.Workbook> {
  return loadXlsxBytes(new Uint8Array(await fs.readFile(file)));
}

const october = parsePeriod(PERIOD)!;

test("the page's import, generation and correction save what kp12328 rank writes into its ledger", async () => {
  const reference = await referenceSteps(dir);

  const opened = await loadXlsxBytes(new Uint8Array(await inputWithGap()));
  const first = hostOn(opened);
  const returned = await returnedFile();
  const imported = await first.controller.importFiles([new File([new Uint8Array(returned.buffer)], returned.name)]);
  expect(imported.files.map((f) => f.name)).toEqual([returned.name]);
  expect(imported.problems.filter((p) => p.severity === "error")).toEqual([]);
  const ranked = await first.controller.generate(october, PUBLISHED);
  expect(ranked.resultSheet).toBe("2026年10月 考评结果");
  expect(first.changes).toEqual([{ kind: "import" }, { kind: "generate", period: "2026-10", version: 1 }]);
  const saved = path.join(dir, "page-1.xlsx");
  await fs.writeFile(saved, Buffer.from(await opened.xlsx.writeBuffer()));
  expect(firstDifference(viewOfExcelJs(await reopen(saved)), viewOfExcelJs(await reopen(reference.first)))).toBeNull();

  // The clerk corrects the input in Excel or WPS, opens the saved workbook in the page again, and generates with a reason.
  await correctInput(saved);
  const again = await reopen(saved);
  const second = hostOn(again);
  const corrected = await second.controller.generate(october, undefined, undefined, REASON);
  expect(corrected.lifecycle.kind).toBe("corrected");
  expect(corrected.corrections).toBeGreaterThan(0);
  const savedAgain = path.join(dir, "page-2.xlsx");
  await fs.writeFile(savedAgain, Buffer.from(await again.xlsx.writeBuffer()));
  const page = viewOfExcelJs(await reopen(savedAgain));
  expect(firstDifference(page, viewOfExcelJs(await reopen(reference.second)))).toBeNull();
  // The correction itself is in 修正记录, with its reason and the changed cell's old and new value.
  const log = page.sheets.find((s) => s.name === "修正记录")!;
  const texts = Object.values(log.cells).map((c) => String(c.value));
  expect(texts).toContain(REASON);
  expect(texts.some((t) => t.includes(CORRECTION.sheet))).toBe(true);
});

test("a publication date on or before the period's end is refused in a sentence, and the workbook is not touched", async () => {
  const workbook = await loadXlsxBytes(new Uint8Array(await inputWithGap()));
  const { controller, changes } = hostOn(workbook);
  const before = workbook.worksheets.map((ws) => ws.name);
  const failure = await controller.generate(october, "2026-10-31").catch((e: unknown) => e);
  expect(isPaneError(failure)).toBe(true);
  expect((failure as Error).message).toMatch(/发布日期/);
  expect(workbook.worksheets.map((ws) => ws.name)).toEqual(before);
  expect(changes).toEqual([]);
});

test("a problem's cell is shown by the page; a sheet that is not there is not found", async () => {
  const workbook = await loadXlsxBytes(new Uint8Array(await inputWithGap()));
  const { controller, selected } = hostOn(workbook);
  await controller.selectCell({ sheet: "开封市", cell: "B13" });
  expect(selected).toEqual(["开封市!B13"]);
  const failure = await controller.selectCell({ sheet: "没有的表", cell: "A1" }).catch((e: unknown) => e);
  expect(isPaneError(failure) && failure.code).toBe("notFound");
});

test("an empty workbook is set up for a year with the sheets the pane lists", async () => {
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  const { controller } = hostOn(workbook);
  expect((await controller.inspect()).indicatorSheets).toBe(0);
  const outcome = await controller.setUpWorkbook(2027);
  expect(outcome.created).toEqual(expect.arrayContaining(["评分规则", "考评单位", "考评事件", "节假日调整", "郑州市"]));
  expect((await controller.inspect()).indicatorSheets).toBe(28);
});
