// The one reader, on the files that arrive: sizes refused before anything is inflated, an open
// password recognised, .xls/.et/.ods handed to the converter (or refused with what to do), a .csv
// read as the sheet it is. The CLI's own cases are test/malformed/files.test.ts and test/arriving-files.test.ts.

import * as CFB from "cfb";
import ExcelJS from "exceljs";
import { baseWorkbookBytes } from "../../../test/support/cli-harness";
import { crowdedWorkbook, inflatingWorkbook, writeZip, deflated } from "../../../test/support/zip-bombs";
import { MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES, checkZip, formatBytes } from "./limits";
import { Converter, openWorkbook, readSheets } from "./reader";

const officeCrypto = require("officecrypto-tool");

// Building a 1.5 GB bomb (its CRC over every byte) takes seconds on a busy machine.
jest.setTimeout(60_000);

const GB = 1024 ** 3;

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a refusal");
}

/** An OLE container with a BIFF8 workbook stream: BOF, then `records`, then EOF. */
function biff(records: Buffer[] = []): Buffer {
  const record = (type: number, data: Buffer) =>
    Buffer.concat([Buffer.from([type & 0xff, type >> 8, data.length & 0xff, data.length >> 8]), data]);
  const stream = Buffer.concat([record(0x0809, Buffer.alloc(16)), ...records, record(0x000a, Buffer.alloc(0))]);
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, "Workbook", stream);
  return Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array);
}

describe("size limits before reading", () => {
  it("formats sizes as people read them", () => {
    expect(formatBytes(1.5 * GB)).toBe("1.5 GB");
    expect(formatBytes(MAX_UNCOMPRESSED_BYTES)).toBe("200 MB");
    expect(formatBytes(12 * 1024)).toBe("12 KB");
  });

  it("refuses a workbook whose sheet inflates to 1.5 GB from its directory, naming the file and the size", async () => {
    const bomb = await inflatingWorkbook(await baseWorkbookBytes(), 1.5 * GB);
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    const message = await refusal(openWorkbook({ name: "郑州市.xlsx", bytes: bomb }));
    expect(message).toContain("郑州市.xlsx");
    expect(message).toContain("解压后有 1.5 GB");
    expect(message).toContain("200 MB");
  });

  it("lists the declared sizes without inflating anything", async () => {
    const bomb = await inflatingWorkbook(await baseWorkbookBytes(), 150 * 1024 * 1024);
    const entries = checkZip("a.xlsx", bomb);
    expect(entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!.uncompressedSize).toBe(150 * 1024 * 1024);
  });

  it("refuses an entry that inflates past the size it declares", async () => {
    const liar = await inflatingWorkbook(await baseWorkbookBytes(), 300 * 1024 * 1024, 1024 * 1024);
    const message = await refusal(openWorkbook({ name: "liar.xlsx", bytes: liar }));
    expect(message).toContain("liar.xlsx");
    expect(message).toContain("xl/worksheets/sheet1.xml");
    expect(message).toContain("超过其声明的 1 MB");
  });

  it(`refuses a zip of more than ${MAX_ZIP_ENTRIES} entries, naming how many`, async () => {
    const crowded = await crowdedWorkbook(await baseWorkbookBytes(), MAX_ZIP_ENTRIES);
    const message = await refusal(openWorkbook({ name: "crowded.xlsx", bytes: crowded }));
    expect(message).toContain("crowded.xlsx");
    expect(message).toMatch(/内含 100\d\d 个文件/);
    expect(message).toContain(`上限 ${MAX_ZIP_ENTRIES} 个`);
  });

  it("refuses a file larger than the limit before looking inside", async () => {
    const message = await refusal(openWorkbook({ name: "huge.xlsx", bytes: new Uint8Array(MAX_FILE_BYTES + 1) }));
    expect(message).toContain("huge.xlsx 有 100 MB");
  });

  it("reads a real workbook under the limits as before", async () => {
    const sheets = await readSheets({ name: "base.xlsx", bytes: await baseWorkbookBytes() });
    expect(sheets.map((s) => s.name)).toContain("郑州市");
  });
});

describe("files with an open password", () => {
  const says = "文件设有打开密码：请在 WPS 或 Excel 中打开并另存为无密码的 .xlsx";

  it("recognises an .xlsx encrypted by Excel's method (an OLE container with EncryptionInfo)", async () => {
    const encrypted: Buffer = officeCrypto.encrypt(await baseWorkbookBytes(), { password: "12328" });
    expect(officeCrypto.isEncrypted(encrypted)).toBe(true);
    expect(await refusal(openWorkbook({ name: "加密.xlsx", bytes: encrypted }))).toBe(`加密.xlsx ${says}`);
  });

  it("recognises an .xls whose workbook stream starts with FILEPASS", async () => {
    const converted = jest.fn();
    const file = { name: "加密.xls", bytes: new Uint8Array(biff([Buffer.from([0x2f, 0x00, 0x02, 0x00, 0x01, 0x00])])) };
    expect(await refusal(openWorkbook(file, { convert: converted }))).toBe(`加密.xls ${says}`);
    expect(converted).not.toHaveBeenCalled();
  });
});

describe("formats converted before reading", () => {
  const asXlsx: Converter = async () => new Uint8Array(await baseWorkbookBytes());

  it("hands an .xls to the converter and reads what it returns", async () => {
    const convert = jest.fn(asXlsx);
    const workbook = await openWorkbook({ name: "郑州市.xls", bytes: biff() }, { convert });
    expect(convert).toHaveBeenCalledWith(expect.objectContaining({ name: "郑州市.xls" }), "xls");
    expect(workbook.getWorksheet("郑州市")).toBeDefined();
  });

  it("knows an .et by its name (BIFF under WPS's name)", async () => {
    const convert = jest.fn(asXlsx);
    await openWorkbook({ name: "开封市.et", bytes: biff() }, { convert });
    expect(convert.mock.calls[0][1]).toBe("et");
  });

  it("knows an .ods by its entries, whatever its name", async () => {
    const convert = jest.fn(asXlsx);
    const ods = writeZip([deflated("content.xml", Buffer.from("<x/>")), deflated("META-INF/manifest.xml", Buffer.from("<m/>"))]);
    await openWorkbook({ name: "returned.xlsx", bytes: ods }, { convert });
    expect(convert.mock.calls[0][1]).toBe("ods");
  });

  it("says what to do where there is no converter (the pane), naming the format", async () => {
    expect(await refusal(openWorkbook({ name: "郑州市.xls", bytes: biff() }))).toBe(
      "郑州市.xls 是 Excel 97–2003 工作簿（.xls），此处不能直接读取；请在 WPS 或 Excel 中打开并另存为 .xlsx 后再试",
    );
    expect(await refusal(openWorkbook({ name: "郑州市.et", bytes: biff() }))).toContain("WPS 表格文件（.et）");
  });

  it("names LibreOffice where the converter is not installed", async () => {
    const message = await refusal(openWorkbook({ name: "a.xls", bytes: biff() }, { convert: async () => undefined }));
    expect(message).toContain("LibreOffice");
    expect(message).toContain("另存为 .xlsx");
  });
});

describe("a .csv", () => {
  it("is one sheet named after the file, numbers as numbers, text as text, in UTF-8 with its BOM", async () => {
    const csv = '\ufeff单位,月份,工单总量,说明\n郑州市,2026-10,1200,"含,逗号"\n开封市,2026-10,08,"引号""内"""\n';
    const [sheet] = await readSheets({ name: "/tmp/汇总.csv", bytes: Buffer.from(csv, "utf8") });
    expect(sheet.name).toBe("汇总");
    expect(sheet.cells[0]).toEqual(["单位", "月份", "工单总量", "说明"]);
    expect(sheet.cells[1]).toEqual(["郑州市", "2026-10", 1200, "含,逗号"]);
    // A leading zero keeps the text, as 08 is no number Excel writes.
    expect(sheet.cells[2]).toEqual(["开封市", "2026-10", "08", '引号"内"']);
    expect(sheet.cells).toHaveLength(3);
  });

  it("is read from GB18030, as WPS and Excel save it on a Chinese Windows", async () => {
    const gbk = Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0xd4, 0xc2, 0xb7, 0xdd, 0x0d, 0x0a]); // 单位,月份\r\n
    const [sheet] = await readSheets({ name: "x.csv", bytes: gbk });
    expect(sheet.cells).toEqual([["单位", "月份"]]);
  });

  it("is refused, with what to do, under an .xlsx name", async () => {
    expect(await refusal(openWorkbook({ name: "a.xlsx", bytes: Buffer.from("单位,月份\n") }))).toContain("扩展名改为 .csv");
  });
});

it("loads through ExcelJS the workbook it was given", async () => {
  const workbook = await openWorkbook({ name: "base.xlsx", bytes: await baseWorkbookBytes() });
  expect(workbook).toBeInstanceOf(ExcelJS.Workbook);
});
