// A .csv as a sheet's rows, as Excel opens one: UTF-8 (with or without its BOM) or, failing that,
// GB18030 (what Excel and WPS save as "CSV" on a Chinese Windows); commas, quotes doubled inside
// quoted fields, fields across lines; plain numbers as numbers, everything else as text. Free of Node.

/** The text of a .csv's bytes: UTF-8 where they are valid UTF-8, else GB18030. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180 fields, by line: quoted fields, doubled quotes, line breaks inside quotes. */
export function csvFields(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Numbers as Excel reads them from a .csv: an optional sign, digits, an optional fraction; no thousands separators, no leading zeros. */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** A .csv's rows as cell values: plain numbers as numbers, empty fields as nothing, the rest as text. */
export function csvCells(text: string): (string | number | null)[][] {
  return csvFields(text).map((row) => row.map((f) => (PLAIN_NUMBER.test(f.trim()) ? Number(f.trim()) : f === "" ? null : f)));
}
