// How much of an arriving file we agree to read, checked before anything is inflated: the file's own
// size, and for a zip (.xlsx, .xlsm, .ods) the entry count and uncompressed sizes its central directory
// declares, then, while reading, that no entry inflates past what it declared. Free of Node: the pane
// and the 网页版 read returned files with it too.

import { UserError } from "./refusal";

/** The largest file read at all (a 10-year workbook of 28 units is a few MB). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** The most a zip may declare uncompressed, all entries together. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** The most entries a zip may hold (a workbook of 300 sheets has under 700). */
export const MAX_ZIP_ENTRIES = 10_000;

/** A size as people read it: 1.5 GB, 200 MB, 12 KB. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  const digits = i === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, "")} ${units[i]}`;
}

/** Refuses a file larger than MAX_FILE_BYTES, before its bytes are read. */
export function checkFileSize(name: string, size: number): void {
  if (size > MAX_FILE_BYTES)
    throw new UserError(
      `${name} 有 ${formatBytes(size)}，超过可读取的上限 ${formatBytes(MAX_FILE_BYTES)}（考评工作簿通常只有几 MB）；请确认选对了文件`,
    );
}

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;

const damaged = (name: string) =>
  new UserError(`${name} 已损坏，无法作为工作簿打开（可能未下载或复制完整）；请重新获取该文件，或在 WPS 或 Excel 中打开修复后另存为 .xlsx`);

/**
 * The zip's entries as its central directory declares them, refused (UserError naming the file and the
 * size) when there are more than MAX_ZIP_ENTRIES or they declare more than MAX_UNCOMPRESSED_BYTES.
 * Reads only the directory: nothing is inflated.
 */
export function checkZip(name: string, bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - EOCD_SEARCH); at--)
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  if (end < 0) throw damaged(name);
  let count = u16(end + 10);
  let directory = u32(end + 16);
  // ZIP64: the counts and offset are in the ZIP64 end record the locator points at.
  if ((count === 0xffff || directory === 0xffffffff) && end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
    const record = u64(end - 20 + 8);
    if (record + 56 > bytes.length || u32(record) !== ZIP64_EOCD) throw damaged(name);
    count = u64(record + 32);
    directory = u64(record + 48);
  }
  if (count > MAX_ZIP_ENTRIES)
    throw new UserError(
      `${name} 内含 ${count} 个文件，超过可读取的上限 ${MAX_ZIP_ENTRIES} 个，不像是考评工作簿；请确认选对了文件，或在 WPS 或 Excel 中打开后另存为 .xlsx`,
    );
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = directory;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL_HEADER) throw damaged(name);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength + extraLength > bytes.length) throw damaged(name);
    const entryName = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 sizes: in the 0x0001 extra field, uncompressed first, each only where the header has 0xFFFFFFFF.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = u16(extra);
        const size = u16(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (uncompressedSize === 0xffffffff && field + 8 <= extraEnd) {
            uncompressedSize = u64(field);
            field += 8;
          }
          if (compressedSize === 0xffffffff && field + 8 <= extraEnd) compressedSize = u64(field);
          break;
        }
        extra += 4 + size;
      }
    }
    total += uncompressedSize;
    entries.push({ name: entryName, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (total > MAX_UNCOMPRESSED_BYTES)
    throw new UserError(
      `${name} 解压后有 ${formatBytes(total)}（文件本身 ${formatBytes(bytes.length)}），` +
        `超过可读取的上限 ${formatBytes(MAX_UNCOMPRESSED_BYTES)}，未读取；请确认选对了文件，或在 WPS 或 Excel 中打开后删去多余内容再另存为 .xlsx`,
    );
  return entries;
}

/** The refusal for an entry that inflates past the size it declared (a zip made to exhaust memory). */
export function inflatesPastDeclared(name: string, entry: string, declared: number): UserError {
  return new UserError(`${name} 中的 ${entry} 解压后超过其声明的 ${formatBytes(declared)}，文件已损坏或被篡改，未读取；请重新获取该文件`);
}
