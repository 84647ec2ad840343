// kp12328 notice on the demo year: the 通报草稿 holds, in its ranking table, every unit's rank, name and
// total exactly as rank --json gives them, the 红黑榜 and 失分 sentences, the 公示期, and the marked places.

import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { EvaluationJson } from "../src/cli/json";
import { DEMO_PUBLISHED } from "../src/workbook/demo-data";
import { expectCleanStderr, runCli, tempDir } from "./support/cli-harness";
import { docxParagraphs, docxTableRows } from "./support/docx-text";

jest.setTimeout(90_000);

let dir = "";
let json: EvaluationJson;
let rows: string[][] = [];
let paragraphs: string[] = [];

beforeAll(async () => {
  dir = await tempDir("kp12328-notice-");
  expect((await runCli(["demo", "--out", dir])).code).toBe(0);
  const input = path.join(dir, "kp12328-demo-2026.xlsx");
  const args = ["--period", "2026-10", "--published", DEMO_PUBLISHED];
  const ranked = await runCli(["rank", input, ...args, "--json", "--out", path.join(dir, "ranked.xlsx")]);
  json = JSON.parse(ranked.out.join("\n"));
  const notice = await runCli(["notice", input, ...args, "--out", path.join(dir, "notice.docx")]);
  expect(notice.code).toBe(0);
  expectCleanStderr(notice.err);
  expect(notice.out.join("\n")).toContain("notice.docx");
  const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, "notice.docx")));
  const xml = await zip.file("word/document.xml")!.async("string");
  rows = docxTableRows(xml);
  paragraphs = docxParagraphs(xml);
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("kp12328 notice", () => {
  it("has one table row per unit, in published order, with rank, name and total as rank --json", () => {
    const [header, ...body] = rows;
    expect(header.slice(0, 2)).toEqual(["名次", "单位"]);
    const total = header.indexOf("总分");
    const change = header.indexOf("排名变化");
    expect(body.map((r) => [r[0], r[1], r[total]])).toEqual(
      // A 不合格 row says so in place of its rank and its total (the 公示表's cells).
      json.rows.map((r) =>
        r.result === "disqualified" ? ["不合格", r.unitName, "不合格"] : [String(r.rank), r.unitName, r.total!.toFixed(2)],
      ),
    );
    expect(body.map((r) => r[change])).toEqual(json.rows.map((r) => r.rankChangeLabel));
  });

  it("writes the summary from the result: units, average, highest and lowest", () => {
    const ranked = json.rows.filter((r) => r.rank !== null);
    const mean = (ranked.reduce((s, r) => s + Math.round(r.total! * 100), 0) / ranked.length / 100).toFixed(2);
    const summary = paragraphs.find((p) => p.startsWith("2026年10月，全省共"))!;
    expect(summary).toContain(`全省共${json.rows.length}个单位参加考评`);
    expect(summary).toContain(`平均得分${mean}分`);
    expect(summary).toContain(`最高${ranked[0].total!.toFixed(2)}分（${ranked[0].unitName}）`);
    expect(summary).toContain(`最低${ranked[ranked.length - 1].total!.toFixed(2)}分`);
  });

  it("lists the 红黑榜 as rank --json does and gives each black-list unit's losses, most lost first", () => {
    const red = paragraphs.find((p) => p.startsWith("红榜"))!;
    const black = paragraphs.find((p) => p.startsWith("黑榜"))!;
    expect(red).toBe(`红榜（前5名）：${json.honourLists!.red.units.map((u) => u.unitName).join("、")}。`);
    expect(black).toBe(`黑榜（后5名）：${json.honourLists!.black.units.map((u) => u.unitName).join("、")}。`);
    for (const unit of json.honourLists!.black.units) {
      const row = json.rows.find((r) => r.unitCode === unit.unitCode)!;
      const sentence = paragraphs.find((p) => p.startsWith(`${unit.unitName}（第${row.rank}名`))!;
      const first = row.losses!.indicators[0];
      expect(sentence).toContain(`得${first.score.toFixed(2)}分，失${first.lost.toFixed(2)}分`);
    }
  });

  it("gives the 公示期 and marks what only a person writes", () => {
    expect(paragraphs).toContain(
      "考评结果自2026年11月5日起公示5个工作日，至2026年11月12日止。对考评结果有异议的，请于公示期内向省12328中心提出。",
    );
    expect(paragraphs.filter((p) => /^【.+】$/.test(p)).length).toBeGreaterThanOrEqual(2);
  });

  it("takes the publication date from a ledger holding the published result, and is named after the input", async () => {
    const ledger = path.join(dir, "ranked.xlsx");
    const run = await runCli(["notice", ledger, "--period", "2026-10"]);
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, "ranked-2026-10-通报.docx")));
    const text = docxParagraphs(await zip.file("word/document.xml")!.async("string"));
    expect(text.some((p) => p.startsWith("考评结果自2026年11月5日起公示5个工作日，至2026年11月12日止"))).toBe(true);
  });

  it("refuses an --out that is not a .docx, with one line and no file", async () => {
    const run = await runCli(["notice", path.join(dir, "kp12328-demo-2026.xlsx"), "--period", "2026-10", "--out", path.join(dir, "x.pdf")]);
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain("--out 应为 .docx 文件");
    await expect(fs.stat(path.join(dir, "x.pdf"))).rejects.toThrow();
  });
});
