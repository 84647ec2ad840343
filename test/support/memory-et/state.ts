// What the in-memory ET host keeps: a workbook of sheets of cells with their look, as WPS 表格 holds them.
// Colours are BGR integers (as ET takes and gives them), widths are characters, heights and margins points.
// The cell model (values, text formats, errors, formulas) is memory-excel's, so both hosts interpret what
// is written alike; only the object model in front of it differs.

import { ErrorValue, StoredValue } from "../memory-excel/cells";
import { Rect } from "../memory-excel/address";

/** How a host gives an error cell's Value2: as the COM error (0x800A07D7 for #DIV/0!) or the bare code (2007). */
export type ErrorReading = "hresult" | "code";

/** Excel's CVErr codes, which ET also uses (xlErrDiv0 = 2007 …). */
export const ERROR_CODES: Readonly<Record<string, number>> = {
  "#NULL!": 2000,
  "#DIV/0!": 2007,
  "#VALUE!": 2015,
  "#REF!": 2023,
  "#NAME?": 2029,
  "#NUM!": 2036,
  "#N/A": 2042,
  "#GETTING_DATA": 2043,
};

/** The COM form of a CVErr code: 0x800A0000 | code, as a signed 32-bit number. */
export const hresultOf = (code: number): number => (0x800a0000 | code) >> 0;

export interface EtFontState {
  name?: string;
  size?: number;
  bold?: boolean;
  /** BGR. */
  color?: number;
  underline?: number;
}

export interface EtCell {
  /** The constant, or the formula's last result; "" = empty. */
  value: StoredValue;
  formula?: string;
  numberFormat?: string;
  font?: EtFontState;
  /** BGR. */
  fill?: number;
  horizontal?: number;
  vertical?: number;
  wrap?: boolean;
  /** Line style and weight of each edge ("1/2" = continuous, thin). */
  borders?: { top?: string; right?: string; bottom?: string; left?: string };
}

export interface EtValidationState {
  rect: Rect;
  type: number;
  alertStyle: number;
  operator?: number;
  formula1?: string;
  formula2?: string;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
  showInput: boolean;
  showError: boolean;
}

export interface EtPageState {
  orientation: number;
  /** undefined: the printer's default paper. */
  paperSize?: number;
  /** A percentage, or false when the sheet is fitted to pages (FitToPagesWide/Tall). */
  zoom: number | false;
  fitWide: number | false;
  fitTall: number | false;
  printTitleRows: string;
  printTitleColumns: string;
  centerFooter: string;
  /** Points. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface EtSheetState {
  readonly id: number;
  name: string;
  visible: number;
  cells: Map<string, EtCell>;
  merges: Rect[];
  notes: Map<string, string>;
  /** Internal links: target ("'Sheet'!A1") by cell key. */
  links: Map<string, string>;
  /** Rows given a height, points. */
  rowHeights: Map<number, number>;
  /** Columns given a width, in characters of the standard font. */
  columnWidths: Map<number, number>;
  validations: EtValidationState[];
  autoFilter: Rect | null;
  page: EtPageState;
  tabColor?: number;
  frozen: { rows: number; columns: number };
}

export const cellKey = (row: number, column: number): string => `${row},${column}`;

/** Excel's and WPS's normal margins: 0.7 in left and right, 0.75 in top and bottom, 0.3 in header and footer. */
export function defaultPage(): EtPageState {
  return {
    orientation: 1,
    zoom: 100,
    fitWide: 1,
    fitTall: 1,
    printTitleRows: "",
    printTitleColumns: "",
    centerFooter: "",
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
  };
}

export function emptySheet(id: number, name: string): EtSheetState {
  return {
    id,
    name,
    visible: -1,
    cells: new Map(),
    merges: [],
    notes: new Map(),
    links: new Map(),
    rowHeights: new Map(),
    columnWidths: new Map(),
    validations: [],
    autoFilter: null,
    page: defaultPage(),
    frozen: { rows: 0, columns: 0 },
  };
}

/** An error thrown by the host as WPS throws one from a failed call: a message, and Excel's error number where there is one. */
export class EtError extends Error {
  constructor(
    message: string,
    readonly number = 1004,
  ) {
    super(message);
    this.name = "EtError";
  }
}

export { ErrorValue };
