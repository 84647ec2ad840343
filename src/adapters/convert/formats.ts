// What an arriving file is, from its bytes (its name only tells .xls from .et): an .xlsx/.xlsm, an
// .ods, an Excel 97–2003 or WPS workbook (BIFF in an OLE container), a file with an open password
// (an OLE container holding EncryptionInfo, or BIFF with a FILEPASS record), text such as .csv.
// Free of Node.

import * as CFB from "cfb";
import { ZipEntry } from "./limits";

/** The formats converted to .xlsx before reading, with how a clerk knows each. */
export const CONVERTED_FORMATS = {
  xls: "Excel 97–2003 工作簿（.xls）",
  et: "WPS 表格文件（.et）",
  ods: "OpenDocument 表格（.ods）",
} as const;
export type ConvertedFormat = keyof typeof CONVERTED_FORMATS;

export type FileKind =
  | { readonly kind: "xlsx" }
  | { readonly kind: "convert"; readonly format: ConvertedFormat }
  | { readonly kind: "encrypted" }
  | { readonly kind: "text" }
  | { readonly kind: "empty" }
  /** An OLE container (an old Office file) whose directory cannot be read. */
  | { readonly kind: "damagedOle" }
  /** A zip or OLE file that is no workbook (a .docx, a .doc, any archive). */
  | { readonly kind: "notWorkbook" }
  | { readonly kind: "unknown" };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function starts(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return starts(bytes, ZIP_MAGIC);
}

/** The kind of a zip by its entries: a workbook has xl/workbook.xml, an OpenDocument file content.xml and a manifest. */
export function zipKind(entries: readonly ZipEntry[]): FileKind {
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (names.has("xl/workbook.xml") || names.has("[content_types].xml")) return { kind: "xlsx" };
  if (names.has("content.xml") && names.has("meta-inf/manifest.xml")) return { kind: "convert", format: "ods" };
  return { kind: "notWorkbook" };
}

/** BIFF record types: FILEPASS marks a workbook encrypted with its open password; EOF ends the globals. */
const BIFF_FILEPASS = 0x002f;
const BIFF_EOF = 0x000a;

/** True when the BIFF workbook stream's globals hold a FILEPASS record (a legacy .xls open password). */
function biffHasPassword(stream: Uint8Array): boolean {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  for (let at = 0; at + 4 <= stream.length;) {
    const type = view.getUint16(at, true);
    if (type === BIFF_FILEPASS) return true;
    if (type === BIFF_EOF) return false;
    at += 4 + view.getUint16(at + 2, true);
  }
  return false;
}

/** An OLE container: encrypted (ECMA-376 EncryptionInfo, or BIFF FILEPASS), BIFF (.xls, or .et by its name), or something else. */
function oleKind(bytes: Uint8Array, name: string): FileKind {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: "buffer" });
  } catch {
    return { kind: "damagedOle" };
  }
  const streams = new Map(container.FileIndex.map((e) => [e.name.toLowerCase(), e]));
  if (streams.has("encryptioninfo") || streams.has("encryptedpackage")) return { kind: "encrypted" };
  const book = streams.get("workbook") ?? streams.get("book");
  if (!book) return { kind: "notWorkbook" };
  // cfb gives a stream's content as bytes or, from some inputs, as an array of numbers.
  const content = book.content as Uint8Array | number[] | undefined;
  if (content && biffHasPassword(content instanceof Uint8Array ? content : Uint8Array.from(content))) return { kind: "encrypted" };
  return { kind: "convert", format: /\.et$/i.test(name) ? "et" : "xls" };
}

/** Text has no control characters but tab and line breaks in its first 512 bytes. */
function looksText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  return head.every((b) => b >= 0x20 || (b >= 0x09 && b <= 0x0d));
}

/** The kind of a non-zip file (a zip's kind needs its entries: zipKind). */
export function otherKind(bytes: Uint8Array, name: string): FileKind {
  if (bytes.length === 0) return { kind: "empty" };
  if (starts(bytes, OLE_MAGIC)) return oleKind(bytes, name);
  return looksText(bytes) ? { kind: "text" } : { kind: "unknown" };
}
