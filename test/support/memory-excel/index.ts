/**
 * In-memory stand-in for the part of the Excel JavaScript API (Office.js) the add-in uses.
 * Proxies queue actions; `sync()` applies them in order to an in-memory workbook, with Office's
 * load/sync rules, error codes, partial application on failure and request-size accounting.
 */
export { MemoryExcel, FIVE_MB } from "./host";
export type { MemoryExcelOptions, RequestRecord, ActionInfo, InjectedFailure } from "./host";
export { MemoryExcelError, ErrorCode, ClientErrorCode, ErrorMessages } from "./errors";
export { createWorkbook, setCells, listSheets, snapshotSheet, snapshotWorkbook, sheetValues, inspectCell } from "./fixtures";
export type { WorkbookData, SheetInfo, SheetSnapshot } from "./fixtures";
export { installGlobals, createExcelGlobal, createOfficeGlobal, DEFAULT_REQUIREMENT_SETS, ExcelEnums } from "./globals";
export type { OfficeGlobalsOptions, InstalledGlobals } from "./globals";
export type { CellValue } from "./cells";
export type { CustomFunction, FormulaArg } from "./formula";
export { WorkbookState } from "./workbook-state";
export { MemoryRequestContext } from "./request-context";
export { MemoryRange, MemoryRangeFormat, MemoryRangeFill, MemoryRangeFont, MemoryDataValidation } from "./range";
export { MemoryWorksheet, MemoryWorksheetCollection, MemoryFreezePanes } from "./worksheet";
export { MemoryWorkbook, MemoryApplication } from "./workbook";
export { MemoryChart, MemoryChartCollection, MemoryChartLegend, MemoryChartSeries, MemoryChartSeriesCollection } from "./charts";
export { MemoryComment, MemoryCommentCollection, MemoryNote, MemoryNoteCollection } from "./comments";
export { MemoryNamedItem, MemoryNamedItemCollection } from "./names";
export { MemoryCustomProperty, MemoryCustomPropertyCollection } from "./custom-properties";
export { MemoryPageLayout, MemoryAutoFilter } from "./page-layout";
export type { PageLayoutState } from "./workbook-state";
