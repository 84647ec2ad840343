// What `rank` says about options it did not apply as written: a publication date still to come is
// accepted with a warning naming it, a draft's date is not shown as applied, an unused --reason is said.
// The harness's today is 2026-11-05.

import * as path from "path";
import { COL, OCT_ROW, corpus, runCli, sheet } from "./support/cli-harness";

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
