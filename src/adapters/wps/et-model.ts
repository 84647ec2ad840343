// The part of WPS 表格's object model (ET, the `Application` of a WPS 加载项) this adapter uses, cut out of
// Kingsoft's own declarations (et-jsapi-declare): each member keeps the type WPS declares, so the real
// `Application` is one of these (see et-model.test.ts) and the in-memory ET host (test/support/memory-et)
// implements exactly this much. The object model is synchronous and VBA-like: collections are 1-based,
// colours are BGR integers, a cell's Value2 is a scalar and a range's an array of rows.
//
// Kingsoft's enums are declared, not defined: WPS has no `Et` object at run time, so the values the adapter
// passes are written out in XL below, typed as the declared enums.

/// <reference types="et-jsapi-declare" />

type Members<T, K extends keyof T> = Pick<T, K>;

export type EtFont = Members<Et.Font, "Name" | "Size" | "Bold" | "Color" | "Underline">;
export type EtInterior = Members<Et.Interior, "Color" | "Pattern">;
export type EtBorder = Members<Et.Border, "LineStyle" | "Weight">;
export interface EtBorders {
  Item(Index: Et.XlBordersIndex): EtBorder;
}
export type EtComment = Members<Et.Comment, "Text" | "Delete">;
export type EtValidation = Members<
  Et.Validation,
  "Add" | "Delete" | "InputTitle" | "InputMessage" | "ErrorTitle" | "ErrorMessage" | "ShowInput" | "ShowError"
>;

export interface EtRange extends Members<
  Et.Range,
  | "Value2"
  | "NumberFormat"
  | "Text"
  | "Formula"
  | "Row"
  | "Column"
  | "Count"
  | "HorizontalAlignment"
  | "VerticalAlignment"
  | "WrapText"
  | "RowHeight"
  | "ColumnWidth"
  | "UseStandardHeight"
  | "MergeCells"
  | "Merge"
  | "UnMerge"
  | "Clear"
  | "ClearContents"
  | "ClearFormats"
  | "ClearComments"
  | "Address"
  | "Select"
> {
  readonly Font: EtFont;
  readonly Interior: EtInterior;
  readonly Borders: EtBorders;
  readonly Validation: EtValidation;
  readonly Comment: EtComment | null;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  AddComment(Text?: string): EtComment;
  AutoFilter(): unknown;
}

export type EtPageSetup = Members<
  Et.PageSetup,
  | "Orientation"
  | "PaperSize"
  | "Zoom"
  | "FitToPagesWide"
  | "FitToPagesTall"
  | "PrintTitleRows"
  | "PrintTitleColumns"
  | "CenterFooter"
  | "LeftMargin"
  | "RightMargin"
  | "TopMargin"
  | "BottomMargin"
  | "HeaderMargin"
  | "FooterMargin"
>;

export interface EtHyperlinks {
  Add(Anchor: EtRange, Address: string, SubAddress?: string, ScreenTip?: string, TextToDisplay?: string): unknown;
}

export interface EtWorksheet extends Members<Et.Worksheet, "Name" | "Index" | "Visible" | "Activate" | "Delete" | "AutoFilterMode"> {
  Range(Cell1: string): EtRange;
  readonly UsedRange: EtRange;
  readonly PageSetup: EtPageSetup;
  readonly Tab: Members<Et.Tab, "Color">;
  readonly Hyperlinks: EtHyperlinks;
  readonly AutoFilter: { readonly Range: EtRange } | null;
  Move(Before?: EtWorksheet, After?: EtWorksheet): void;
}

export interface EtSheets extends Members<Et.Sheets, "Count"> {
  /** One sheet, by its 1-based position or its name (Kingsoft declares `Worksheet | Sheets`: an array of them gives Sheets). */
  Item(Index: string | number): EtWorksheet;
  Add(Before?: EtWorksheet, After?: EtWorksheet, Count?: number, Type?: number): EtWorksheet;
}

export type EtWindow = Members<Et.Window, "FreezePanes" | "SplitRow" | "SplitColumn" | "ScrollRow" | "ScrollColumn">;

export interface EtWorkbook extends Members<Et.Workbook, "Name"> {
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
}

export interface EtApplication extends Members<
  Et.Application,
  "ScreenUpdating" | "DisplayAlerts" | "EnableEvents" | "Calculation" | "Version" | "Build"
> {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveWindow: EtWindow;
}

/** Values of Kingsoft's enums the adapter passes, under Kingsoft's names (et-model.test.ts checks them against the declarations). */
export const XL = {
  xlSheetVisible: -1 as Et.XlSheetVisibility,
  xlSheetHidden: 0 as Et.XlSheetVisibility,
  xlSheetVeryHidden: 2 as Et.XlSheetVisibility,
  xlEdgeLeft: 7 as Et.XlBordersIndex,
  xlEdgeTop: 8 as Et.XlBordersIndex,
  xlEdgeBottom: 9 as Et.XlBordersIndex,
  xlEdgeRight: 10 as Et.XlBordersIndex,
  xlInsideVertical: 11 as Et.XlBordersIndex,
  xlInsideHorizontal: 12 as Et.XlBordersIndex,
  xlContinuous: 1,
  xlThin: 2,
  xlLineStyleNone: -4142,
  xlUnderlineStyleSingle: 2,
  xlUnderlineStyleNone: -4142,
  xlLeft: -4131,
  xlCenter: -4108,
  xlRight: -4152,
  xlTop: -4160,
  xlPortrait: 1 as Et.XlPageOrientation,
  xlLandscape: 2 as Et.XlPageOrientation,
  xlPaperA4: 9 as Et.XlPaperSize,
  xlCalculationManual: -4135 as Et.XlCalculation,
  xlCalculationAutomatic: -4105 as Et.XlCalculation,
  xlValidateWholeNumber: 1 as Et.XlDVType,
  xlValidateDecimal: 2 as Et.XlDVType,
  xlValidateList: 3 as Et.XlDVType,
  xlValidAlertStop: 1,
  xlBetween: 1,
  xlGreaterEqual: 7,
  xlSolid: 1,
  xlNone: -4142,
} as const;
