// CSV as LibreOffice exports a sheet, read back for tests: the reader's own RFC 4180 fields.

export { csvFields as parseCsv } from "../../src/adapters/convert/csv";
