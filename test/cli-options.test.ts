// What `rank` says about options it did not apply as written: a publication date still to come is
// accepted with a warning naming it, a draft's date is not shown as applied, an unused --reason is said.
// A ledger edited by hand is ranked where it is, kept first. The harness's today is 2026-11-05 09:30.

import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { COL, OCT_ROW, corpus, digest, runCli, sheet } from "./support/cli-harness";

jest.setTimeout(60_000);

const { build, dir } = corpus("options");

async function rankText(file: string, ...extra: string[]) {
  return runCli(["rank", file, "--period", "2026-10", "--out", path.join(dir(), `${path.basename(file)}-out.xlsx`), ...extra]);
}

it("accepts a publication date still to come with a warning naming it, in words and beside the JSON", async () => {
  const file = await build("future.xlsx", () => {});
  const words = await rankText(file, "--published", "2027-03-01");
  expect(words.code).toBe(0);
  expect(words.out).toContain("提醒：发布日期 2027-03-01 晚于今天（2026-11-05），公示期按该日期计算；如日期有误，请更正后重新生成");
  const json = await runCli(["rank", file, "--period", "2026-10", "--json", "--published", "2027-03-01", "--replace"]);
  expect(JSON.parse(json.out.join("\n")).published).toBe("2027-03-01");
  expect(json.err).toEqual([expect.stringContaining("发布日期 2027-03-01 晚于今天")]);
});

it("does not show a draft's publication date as applied", async () => {
  const file = await build("draft.xlsx", (wb) => (sheet(wb, "郑州市").getCell(`${COL.ordersTotal}${OCT_ROW}`).value = null));
  const run = await rankText(file, "--published", "2026-11-05");
  expect(run.code).toBe(0);
  expect(run.out[0]).toContain("草稿");
  expect(run.out).toContain("发布日期 2026-11-05 未采用：结果为草稿，不能发布（原因见数据校验）");
  expect(run.out.join("\n")).not.toContain("公示期截止");
});

it("says that a --reason was not used when nothing was corrected", async () => {
  const file = await build("reason.xlsx", () => {});
  expect((await rankText(file, "--published", "2026-11-05")).code).toBe(0);
  const again = await rankText(file, "--published", "2026-11-05", "--reason", "更正郑州市数据");
  expect(again.code).toBe(0);
  expect(again.out).toContain("提醒：--reason“更正郑州市数据”未使用：本次没有生成更正版本，原因只记入更正的修正记录");
});

describe("a ledger edited by hand and ranked again", () => {
  it("takes the next version into the ledger itself, the file as it was kept beside it, nothing published lost", async () => {
    const input = await build("ledger-input.xlsx", () => {});
    const ledger = path.join(dir(), "台账.xlsx");
    const first = await runCli(["rank", input, "--period", "2026-10", "--out", ledger, "--published", "2026-11-05", "--json"]);
    expect(JSON.parse(first.out.join("\n"))).toMatchObject({ version: 1, state: "publicity" });
    // The clerk corrects 郑州市's October in the ledger's copy of the sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ledger);
    const cell = sheet(wb, "郑州市").getCell(`${COL.ordersTotal}${OCT_ROW}`);
    cell.value = Number(cell.value) + 10;
    await wb.xlsx.writeFile(ledger);
    const edited = await digest(ledger);

    const words = await runCli(["rank", ledger, "--period", "2026-10", "--reason", "郑州市工单总量更正"]);
    expect(words.err).toEqual([]);
    expect(words.code).toBe(0);
    const backup = path.join(dir(), "台账-备份-20261105-0930.xlsx");
    expect(words.out).toContain(`已在台账上更新：${ledger}（更新前的文件另存为 ${backup}）`);
    expect(await digest(backup)).toBe(edited);
    await expect(fs.access(path.join(dir(), "台账-2026-10-考评结果.xlsx"))).rejects.toThrow();

    const after = await runCli(["validate", ledger, "--period", "2026-10"]);
    expect(after.code).toBe(0);
    const json = await runCli(["rank", ledger, "--period", "2026-10", "--json"]);
    // Unchanged since the correction: nothing written, no second backup.
    expect(JSON.parse(json.out.join("\n"))).toMatchObject({ version: 2, state: "corrected", generation: "unchanged" });
    const names = (await fs.readdir(dir())).filter((n) => n.startsWith("台账"));
    expect(names.sort()).toEqual(["台账-备份-20261105-0930.xlsx", "台账.xlsx"]);
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(ledger);
    expect(result.worksheets.map((w) => w.name).filter((n) => n.includes("考评结果"))).toEqual(
      expect.arrayContaining(["2026年10月 考评结果", "2026年10月 考评结果 v1"]),
    );
  });

  it("still refuses --out equal to an input that is no ledger", async () => {
    const input = await build("plain.xlsx", () => {});
    const run = await runCli(["rank", input, "--period", "2026-10", "--out", input]);
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain("只有本工具生成的结果台账可在原文件上更新");
  });
});

it("lists the input change that caused a correction first in 修正记录, before the units it moved", async () => {
  const input = await build("cause-first.xlsx", () => {});
  const out = path.join(dir(), "cause-first-out.xlsx");
  const first = await runCli(["rank", input, "--period", "2026-10", "--out", out, "--published", "2026-11-05", "--json"]);
  const rows = JSON.parse(first.out.join("\n")).rows as { unitName: string; rank: number }[];
  const top = rows[0].unitName;
  // The first unit's 人工接听量 cut to a tenth: it falls below others, who each move up a place.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const answered = sheet(wb, top).getCell(`${COL.manualAnswered}${OCT_ROW}`);
  answered.value = Math.round(Number(answered.value) / 10);
  await wb.xlsx.writeFile(input);
  const again = await runCli(["rank", input, "--period", "2026-10", "--out", out, "--reason", "更正", "--json"]);
  expect(JSON.parse(again.out.join("\n")).generation).toBe("corrected");
  const ledger = new ExcelJS.Workbook();
  await ledger.xlsx.readFile(out);
  const log = ledger.getWorksheet("修正记录")!;
  const kinds: string[] = [];
  log.eachRow((row, n) => {
    if (n > 3) kinds.push(`${row.getCell(4).value}|${row.getCell(5).value}`);
  });
  expect(kinds[0]).toBe(`${top}|输入数据`);
  // Units now ranked above it were moved by it: in result order alone they would come first.
  const after = JSON.parse(again.out.join("\n")).rows as { unitName: string }[];
  const moved = kinds.filter((k) => !k.startsWith(top)).map((k) => k.split("|")[0]);
  expect(moved.some((u) => after.findIndex((r) => r.unitName === u) < after.findIndex((r) => r.unitName === top))).toBe(true);
});
