// Zips made to exhaust a reader's memory, written byte by byte so that their declared sizes are what
// we choose: a workbook whose sheet really inflates to 1.5 GB (deflate blocks of spaces, each
// self-contained by a full flush, repeated: a few MB on disk, built in about a second), the same
// sheet declaring 1 MB (a lying header), and a zip of more entries than any workbook has.

import * as zlib from "zlib";

interface RawEntry {
  readonly name: string;
  /** Deflated (method 8) or stored (method 0) bytes, as they stand in the file. */
  readonly data: Buffer;
  readonly method: 0 | 8;
  readonly crc: number;
  /** The uncompressed size the headers declare. */
  readonly size: number;
}

/** A zip of `entries` in that order: local headers, data, central directory, end record (no ZIP64: each under 4 GB). */
export function writeZip(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt32LE(e.crc >>> 0, 16);
    header.writeUInt32LE(e.data.length, 20);
    header.writeUInt32LE(e.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(header, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

export function deflated(name: string, content: Buffer): RawEntry {
  return { name, data: zlib.deflateRawSync(content), method: 8, crc: zlib.crc32(content), size: content.length };
}

const CHUNK = 16 * 1024 * 1024;

/** A sheet's XML padded with spaces to `size` bytes, deflated: real data that inflates to exactly `size`. */
export function inflatingSheet(name: string, size: number): RawEntry {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  );
  const tail = Buffer.from("<sheetData/></worksheet>");
  const spaces = Buffer.alloc(CHUNK, 0x20);
  const blocks: Buffer[] = [zlib.deflateRawSync(head, { finishFlush: zlib.constants.Z_FULL_FLUSH })];
  const block = zlib.deflateRawSync(spaces, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  let crc = zlib.crc32(head);
  let left = size - head.length - tail.length;
  for (; left >= CHUNK; left -= CHUNK) {
    blocks.push(block);
    crc = zlib.crc32(spaces, crc);
  }
  const rest = spaces.subarray(0, left);
  blocks.push(zlib.deflateRawSync(rest, { finishFlush: zlib.constants.Z_FULL_FLUSH }), zlib.deflateRawSync(tail));
  crc = zlib.crc32(tail, zlib.crc32(rest, crc));
  return { name, data: Buffer.concat(blocks), method: 8, crc, size };
}

/** The entries of a real .xlsx (its bytes), deflated afresh, so that one of them can be swapped. */
export async function workbookEntries(xlsx: Buffer): Promise<RawEntry[]> {
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(xlsx);
  const out: RawEntry[] = [];
  for (const file of Object.values(zip.files) as { name: string; dir: boolean; async(t: string): Promise<Buffer> }[])
    if (!file.dir) out.push(deflated(file.name, await file.async("nodebuffer")));
  return out;
}

/** `xlsx` with its first sheet replaced by one that inflates to `size` bytes, declaring `declared` (default: the truth). */
export async function inflatingWorkbook(xlsx: Buffer, size: number, declared = size): Promise<Buffer> {
  const entries = await workbookEntries(xlsx);
  const bomb = inflatingSheet("xl/worksheets/sheet1.xml", size);
  return writeZip(entries.map((e) => (e.name === bomb.name ? { ...bomb, size: declared } : e)));
}

/** `xlsx` with `count` more tiny entries than it had. */
export async function crowdedWorkbook(xlsx: Buffer, count: number): Promise<Buffer> {
  const entries = await workbookEntries(xlsx);
  const empty = { data: Buffer.alloc(0), method: 0 as const, crc: 0, size: 0 };
  return writeZip([...entries, ...Array.from({ length: count }, (_, i) => ({ ...empty, name: `customXml/item${i}.xml` }))]);
}
