// kp12328: the same pipeline as the add-in, on .xlsx files (spec §9).
// Exit 0 for a completed run (problems in the data are part of the output), 2 for a usage error or an
// unreadable file, with one clear line on stderr and never a stack trace.

import { constants as fsConstants, promises as fs } from "fs";
import * as path from "path";
import { parseArgs } from "util";
import ExcelJS from "exceljs";
import {
  DEFAULT_UNITS,
  RESULT_LABELS,
  STATUS_LABELS,
  readDate,
  Evaluation,
  Period,
  generationStamp,
  parsePeriod,
  periodKey,
  periodLabel,
  formatRef,
  formatTotal,
} from "../engine";
import {
  LIFECYCLE_LABELS,
  LifecycleOutcome,
  evaluateWorkbook,
  outcomeSentence,
  publicationRefusal,
  rankWorkbook,
  describeTemplate,
  describeUnitFile,
  unitFileName,
  DEMO_EVENTS,
  DEMO_MONTH,
  DEMO_PUBLISHED,
  DEMO_YEAR,
  demoValues,
  ChangeRefused,
  ProductSheet,
  noticeFacts,
} from "../workbook";
import { UserError, loadWorkbook, saveWorkbook } from "../adapters/xlsx/file";
import { workbookSheets } from "../adapters/xlsx/cells";
import { applyChange, writeSheet } from "../adapters/xlsx/writer";
import { writeSheetsPdf } from "../adapters/xlsx/pdf";
import { carryLedger, ledgerFileName, productSheets } from "../adapters/xlsx/ledger";
import { evaluationJson } from "./json";
import { writeNotice } from "./notice";

/** Each command's lines of the usage, so that `kp12328 rank --help` shows rank's. */
const COMMAND_USAGE: Record<string, string> = {
  demo: `  kp12328 demo [--out DIR]                       生成 28 个单位 × 12 个月的示例工作簿并排名 2026-10`,
  template: `  kp12328 template --out FILE.xlsx [--year YYYY] [--for-centres]
                 生成空白工作簿：默认为省中心用（得分列使用加载项的 KAOPING 函数）；--for-centres 为各中心填报用
                 （只有填报单元格、下拉列表和填报说明，不含任何函数，无需加载项）
  kp12328 template --per-unit DIR [--year YYYY]  每个考评单位一个填报文件（以单位名称命名），可直接导入`,
  rank: `  kp12328 rank FILE --period 2026-10|2026-Q4|2026 [--out OUT.xlsx] [--json] [--published YYYY-MM-DD]
                 [--reason 更正原因] [--replace] [--pdf]
                 FILE 可为 .xlsx/.xlsm，或 .xls、.et、.ods（经 LibreOffice 转换）、.csv

  OUT.xlsx（默认 FILE-期间-考评结果.xlsx）是该期间的台账：再次排名到同一文件时，其中已发布的各版本、
  修正记录随新结果一并写回；数据、规则、发布日期均未变化则不生成新版本。--replace 才会丢弃已有的 OUT.xlsx。
  --pdf 另存 OUT.pdf（公示表和考评结果表，A4），需安装 LibreOffice。`,
  validate: `  kp12328 validate FILE --period …               只检查数据，列出问题`,
  notice: `  kp12328 notice FILE.xlsx --period … [--out F.docx] [--published YYYY-MM-DD]
                 生成该期间的通报草稿（Word 文档，按 GB/T 9704 公文格式）：总体情况、排名表、红黑榜、失分情况、公示期`,
};

const USAGE = `用法 (usage):\n${Object.values(COMMAND_USAGE).join("\n")}`;

/** The years a period or a template may be of. */
const YEARS = { from: 2000, to: 2100 } as const;

export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly now: () => Date;
}

/**
 * Standard output as lines. A reader that closes the pipe early (`kp12328 rank … | head -1`) ends what
 * it reads, not the run: the files are still written, the rest of the lines dropped, the exit quiet.
 */
function stdoutLines(): (line: string) => void {
  let closed = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    closed = true;
  });
  return (line) => {
    if (!closed) process.stdout.write(`${line}\n`);
  };
}

const defaultIo = (): Io => ({
  out: stdoutLines(),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
});

class UsageError extends UserError {}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string" },
        period: { type: "string" },
        published: { type: "string" },
        reason: { type: "string" },
        replace: { type: "boolean" },
        pdf: { type: "boolean" },
        year: { type: "string" },
        json: { type: "boolean" },
        "for-centres": { type: "boolean" },
        "per-unit": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError(optionError(e as Error & { code?: string }));
  }
}

/** Node's parseArgs errors, in Chinese: which option, and what is wrong with it. */
function optionError(e: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1] ?? "";
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `未知选项 ${option}`;
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return /argument missing/.test(e.message) ? `选项 ${option} 缺少取值` : `选项 ${option} 不带取值`;
  if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return "多余的参数";
  return `参数有误：${e.message.split("\n")[0]}`;
}

function requirePeriod(text: string | undefined): Period {
  if (!text) throw new UsageError("缺少 --period（如 2026-10、2026-Q4 或 2026）");
  const period = parsePeriod(text);
  if (!period) throw new UsageError(`--period “${text}” 无法识别，应为 2026-10、2026-Q4 或 2026`);
  if (period.year < YEARS.from || period.year > YEARS.to)
    throw new UsageError(`--period “${text}” 的年份 ${period.year} 不在 ${YEARS.from}–${YEARS.to} 年之间`);
  return period;
}

function requirePublished(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const iso = readDate(text);
  if (!iso) throw new UsageError(`--published “${text}” 不是日期，应为 YYYY-MM-DD`);
  return iso;
}

function requireXlsxInput(file: string | undefined): string {
  if (!file) throw new UsageError("缺少工作簿文件（.xlsx）");
  return file;
}

function defaultOut(input: string, period: Period): string {
  return path.join(path.dirname(input), ledgerFileName(path.basename(input), periodKey(period)));
}

function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/** The top of the ranking as a few readable lines; with the generation's lifecycle, its state and version. */
export function summaryLines(evaluation: Evaluation, limit = 10, lifecycle?: LifecycleOutcome): string[] {
  const state = lifecycle
    ? `${LIFECYCLE_LABELS[lifecycle.state]}${lifecycle.version && lifecycle.kind !== "draftKept" ? `，第 ${lifecycle.version} 版` : ""}`
    : STATUS_LABELS[evaluation.status];
  const lines = [`${periodLabel(evaluation.period)} 考评结果（${state}）`];
  if (evaluation.publication) {
    const { published, end, warning } = evaluation.publication;
    // A draft is not published: the date given is not applied, and it says so instead of showing a 公示期.
    if (lifecycle && !lifecycle.published) lines.push(`发布日期 ${published} 未采用：结果为草稿，不能发布（原因见数据校验）`);
    else lines.push(`发布日期 ${published}，公示期截止 ${end}${warning ? "（日历未知，仅按周末推算）" : ""}`);
  }
  for (const row of evaluation.rows.slice(0, limit)) {
    const place = row.rank !== null ? String(row.rank).padStart(2) : RESULT_LABELS[row.result];
    const total = formatTotal(row.total).padStart(6);
    const tie = row.tieBreak === "resolved" ? "  [同分，按人工接通率]" : row.tieBreak === "shared" ? "  [并列]" : "";
    lines.push(`  ${place}  ${row.unit.name.padEnd(6, "　")} ${total}${tie}`);
  }
  if (evaluation.rows.length > limit) lines.push(`  … 共 ${evaluation.rows.length} 个单位`);
  const errors = evaluation.problems.filter((p) => p.severity === "error").length;
  lines.push(`数据校验：${errors} 个错误，${evaluation.problems.length - errors} 个提醒`);
  return lines;
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * The ledger model: an existing OUT.xlsx is the period's ledger, its product sheets carried into the
 * input's copy; a file that is no ledger, or a clash, is refused unless --replace says to overwrite it.
 */
async function carryFromOut(workbook: ExcelJS.Workbook, file: string, out: string, replace: boolean | undefined): Promise<string[]> {
  if (replace || !(await exists(out))) return [];
  const ledger = await loadWorkbook(out);
  const hint = "请用 --out 指定另一个文件，或加 --replace 覆盖它（其中已发布的结果将不再保留）";
  if (!productSheets(ledger).length) throw new UserError(`${out} 已存在，且不是本工具生成的结果工作簿；${hint}`);
  if (productSheets(workbook).length) throw new UserError(`${file} 自身已含本工具生成的结果，而 ${out} 也是结果台账，无法合并；${hint}`);
  const { copied, clashes } = carryLedger(ledger, workbook);
  if (clashes.length) throw new UserError(`${file} 中已有与台账 ${out} 同名的工作表（${clashes.join("、")}）；${hint}`);
  return copied;
}

async function rank(file: string, values: ReturnType<typeof parse>["values"], io: Io): Promise<void> {
  const period = requirePeriod(values.period);
  const published = requirePublished(values.published);
  const refused = publicationRefusal(period, published);
  if (refused) throw new UsageError(`--published：${refused}`);
  if (values.out !== undefined && !/\.xlsx$/i.test(values.out)) throw new UsageError(`--out 应为 .xlsx 文件：${values.out}`);
  const workbook = await loadWorkbook(file);
  // A ledger given as the input (its results edited by hand) is ranked where it is: the next version
  // goes into it, the file as it was kept beside it first.
  const inPlace = isLedger(file, workbook) && (values.out === undefined || sameFile(values.out, file));
  const out = inPlace ? file : (values.out ?? defaultOut(file, period));
  if (sameFile(out, file) && !inPlace)
    throw new UsageError("--out 不能与输入文件相同：rank 不改写填报数据的文件（只有本工具生成的结果台账可在原文件上更新）");
  const carried = inPlace ? [] : await carryFromOut(workbook, file, out, values.replace);
  const generated = generationStamp(io.now());
  const run = rankWorkbook(workbookSheets(workbook), { period, published, generated, reason: values.reason });
  applyChange(workbook, run.change);
  const backup = inPlace && run.lifecycle.kind !== "unchanged" ? await backUp(file, io.now()) : undefined;
  if (!inPlace || backup) await saveWorkbook(workbook, out);
  const notes = runNotes(values, run.lifecycle, io.now());
  if (values.json) {
    io.out(JSON.stringify(evaluationJson(run.evaluation, run.lifecycle, noticeFacts(run.input, run.evaluation)), null, 2));
    // stdout is the JSON alone: what the options did not do goes to stderr.
    for (const note of notes) io.err(`kp12328: ${note}`);
  } else {
    for (const line of summaryLines(run.evaluation, 10, run.lifecycle)) io.out(line);
    if (carried.length) io.out(`已读入台账 ${out} 中的已有结果（${carried.filter((n) => !n.startsWith("_")).join("、")}）`);
    io.out(outcomeSentence(run.lifecycle, run.lifecycle.sheet));
    for (const note of notes) io.out(note);
    if (backup) io.out(`已在台账上更新：${out}（更新前的文件另存为 ${backup}）`);
    else if (!inPlace) io.out(`结果已写入：${out}`);
  }
  if (values.pdf)
    await rankPdf(
      workbook,
      { registry: run.change.registry, period: periodKey(period), result: run.lifecycle.sheet, out },
      io,
      !!values.json,
    );
}

/** A workbook this tool made (its registry lists result sheets), saved as .xlsx: a period's ledger. */
function isLedger(file: string, workbook: ExcelJS.Workbook): boolean {
  return /\.xlsx$/i.test(file) && productSheets(workbook).length > 0;
}

/** Copies `file` beside itself as FILE-备份-YYYYMMDD-HHmmss.xlsx (never over another file) and returns that name. */
async function backUp(file: string, now: Date): Promise<string> {
  const stamp = generationStamp(now)
    .replace(/[-: ]/g, "")
    .replace(/^(\d{8})(\d{4})$/, "$1-$2");
  for (let n = 0; ; n++) {
    const backup = file.replace(/\.xlsx$/i, `-备份-${stamp}${n ? `-${n + 1}` : ""}.xlsx`);
    try {
      await fs.copyFile(file, backup, fsConstants.COPYFILE_EXCL);
      return backup;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new UserError(`无法备份 ${file}：${(e as Error).message}`);
    }
  }
}

/** What the run's options did not do as written: a publication date still to come, a --reason with nothing to correct. */
function runNotes(values: ReturnType<typeof parse>["values"], lifecycle: LifecycleOutcome, now: Date): string[] {
  const notes: string[] = [];
  const today = generationStamp(now).slice(0, 10);
  if (values.published && lifecycle.published === values.published && values.published > today)
    notes.push(`提醒：发布日期 ${values.published} 晚于今天（${today}），公示期按该日期计算；如日期有误，请更正后重新生成`);
  if (values.reason && lifecycle.kind !== "corrected")
    notes.push(`提醒：--reason“${values.reason}”未使用：本次没有生成更正版本，原因只记入更正的修正记录`);
  return notes;
}

/** `--pdf`: the period's 公示表 and result sheet as OUT.pdf; without LibreOffice, one line on stderr (the result stands). */
async function rankPdf(
  workbook: ExcelJS.Workbook,
  { registry, period, result, out }: { registry: readonly ProductSheet[]; period: string; result: string; out: string },
  io: Io,
  json: boolean,
): Promise<void> {
  const publication = registry.find((e) => e.role === "publication" && e.period === period)?.name;
  const pdf = out.replace(/\.xlsx$/i, ".pdf");
  const sheets = publication ? [publication, result] : [result];
  const written = await writeSheetsPdf(workbook, sheets, pdf).catch((e: Error) => {
    throw new UserError(`PDF 未能生成：${e.message.split("\n")[0]}`);
  });
  if (!written) io.err("未生成 PDF：导出 PDF 需要 LibreOffice（soffice），请安装后重试；考评结果已写入 .xlsx 文件。");
  else if (!json) io.out(`PDF 已写入：${pdf}（${sheets.join("、")}）`);
}

async function validate(file: string, values: ReturnType<typeof parse>["values"], io: Io): Promise<void> {
  const period = requirePeriod(values.period);
  const workbook = await loadWorkbook(file);
  const { evaluation } = evaluateWorkbook(workbookSheets(workbook), { period });
  if (values.json) {
    io.out(JSON.stringify(evaluationJson(evaluation).issues, null, 2));
    return;
  }
  if (!evaluation.problems.length) io.out(`${periodLabel(period)}：未发现问题`);
  for (const p of evaluation.problems)
    io.out(`${p.severity === "error" ? "错误" : "提醒"}\t${formatRef(p.at) || "—"}\t${p.message}\t${p.action}`);
  const errors = evaluation.problems.filter((p) => p.severity === "error").length;
  io.out(`共 ${errors} 个错误，${evaluation.problems.length - errors} 个提醒`);
}

async function template(values: ReturnType<typeof parse>["values"], io: Io): Promise<void> {
  const year = values.year ? Number(values.year) : io.now().getFullYear();
  if (!Number.isInteger(year) || year < YEARS.from || year > YEARS.to)
    throw new UsageError(`--year “${values.year}” 不是 ${YEARS.from}–${YEARS.to} 年之间的年份`);
  const perUnit = values["per-unit"];
  if (perUnit !== undefined) {
    if (values.out) throw new UsageError("--per-unit 与 --out 不能同时使用");
    await perUnitFiles(perUnit, year, io);
    return;
  }
  if (!values.out) throw new UsageError("缺少 --out FILE.xlsx（或 --per-unit DIR）");
  if (!/\.xlsx$/i.test(values.out)) throw new UsageError(`--out 应为 .xlsx 文件：${values.out}`);
  const flavour = values["for-centres"] ? "centres" : "province";
  const workbook = new ExcelJS.Workbook();
  for (const spec of describeTemplate({ year, flavour })) writeSheet(workbook, spec);
  await saveWorkbook(workbook, values.out);
  io.out(`已生成 ${year} 年${flavour === "centres" ? "各中心填报模板（不含函数）" : "省中心工作簿模板"}：${values.out}`);
}

/** One centres' file per unit of the default list, named after the unit, into `dir`. */
async function perUnitFiles(dir: string, year: number, io: Io): Promise<void> {
  await fs.mkdir(dir, { recursive: true }).catch((e) => {
    throw new UserError(`无法创建文件夹 ${dir}：${(e as Error).message}`);
  });
  for (const unit of DEFAULT_UNITS) {
    const workbook = new ExcelJS.Workbook();
    for (const spec of describeUnitFile(unit, year)) writeSheet(workbook, spec);
    await saveWorkbook(workbook, path.join(dir, unitFileName(unit, year)));
  }
  io.out(`已生成 ${DEFAULT_UNITS.length} 个单位的 ${year} 年填报文件：${dir}`);
}

async function demo(values: ReturnType<typeof parse>["values"], io: Io): Promise<void> {
  const dir = values.out ?? "out";
  await fs.mkdir(dir, { recursive: true }).catch((e) => {
    throw new UserError(`无法创建文件夹 ${dir}：${(e as Error).message}`);
  });
  const input = path.join(dir, `kp12328-demo-${DEMO_YEAR}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  for (const spec of describeTemplate({ year: DEMO_YEAR, values: demoValues, events: DEMO_EVENTS })) writeSheet(workbook, spec);
  await saveWorkbook(workbook, input);
  const period = parsePeriod(DEMO_MONTH)!;
  const output = defaultOut(input, period);
  const saved = await loadWorkbook(input);
  const run = rankWorkbook(workbookSheets(saved), { period, published: DEMO_PUBLISHED, generated: generationStamp(io.now()) });
  applyChange(saved, run.change);
  await saveWorkbook(saved, output);
  io.out(`示例工作簿（28 个单位 × ${DEMO_YEAR} 年 12 个月）：${input}`);
  io.out(`排名结果（${periodLabel(period)}）：${output}`);
  for (const line of summaryLines(run.evaluation, 10, run.lifecycle)) io.out(line);
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  /** The command whose help a usage mistake points at, once it is known. */
  let usageOf = "";
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    if (!["demo", "template", "rank", "validate", "notice"].includes(command))
      throw new UsageError(`未知命令“${command}”；可用：demo、template、rank、validate、notice`);
    usageOf = command;
    const { values, positionals } = parse(rest);
    if (values.help) {
      io.out(`用法 (usage):\n${COMMAND_USAGE[command]}`);
      return 0;
    }
    const files = command === "rank" || command === "validate" || command === "notice" ? 1 : 0;
    if (positionals.length > files) throw new UsageError(`多余的参数：${positionals.slice(files).join(" ")}`);
    switch (command) {
      case "demo":
        await demo(values, io);
        return 0;
      case "template":
        await template(values, io);
        return 0;
      case "rank":
        await rank(requireXlsxInput(positionals[0]), values, io);
        return 0;
      case "notice":
        await writeNotice(
          {
            file: requireXlsxInput(positionals[0]),
            period: requirePeriod(values.period),
            out: values.out,
            published: requirePublished(values.published),
          },
          io.out,
        );
        return 0;
      case "validate":
        await validate(requireXlsxInput(positionals[0]), values, io);
        return 0;
      default:
        throw new UsageError(`未知命令“${command}”；可用：demo、template、rank、validate、notice`);
    }
  } catch (e) {
    // A change the workbook cannot take (it would touch a sheet the tool did not make): nothing written.
    if (e instanceof UserError || e instanceof ChangeRefused) {
      // One line: the mistake, and for a usage mistake where the help is.
      io.err(`kp12328: ${e.message}${e instanceof UsageError ? `（运行 kp12328 ${usageOf ? `${usageOf} ` : ""}--help 查看用法）` : ""}`);
      return 2;
    }
    // Not the user's mistake: still one line, and the details only when asked for.
    io.err(`kp12328: 内部错误：${(e as Error)?.message ?? String(e)}（设置环境变量 KP12328_DEBUG=1 可查看详情）`);
    if (process.env.KP12328_DEBUG) io.err(String((e as Error)?.stack ?? e));
    return 1;
  }
}
