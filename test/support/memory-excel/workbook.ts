/** `Excel.Workbook` and `Excel.Application`. */
import { MemoryClientObject } from "./client-object";
import { MemoryCommentCollection, MemoryNoteCollection } from "./comments";
import { ErrorCode, MemoryExcelError } from "./errors";
import { MemoryNamedItemCollection } from "./names";
import { MemoryRange } from "./range";
import type { MemoryRequestContext } from "./request-context";
import { MemoryWorksheetCollection } from "./worksheet";

type WorkbookMembers =
  "context" | "worksheets" | "names" | "comments" | "notes" | "application" | "getSelectedRange" | "getActiveCell" | "load";

export class MemoryWorkbook extends MemoryClientObject<true> implements Pick<Excel.Workbook, WorkbookMembers> {
  protected readonly _typeName = "Workbook";
  private _worksheets: MemoryWorksheetCollection | undefined;
  private _names: MemoryNamedItemCollection | undefined;
  private _comments: MemoryCommentCollection | undefined;
  private _notes: MemoryNoteCollection | undefined;
  private _application: MemoryApplication | undefined;

  constructor(ctx: MemoryRequestContext) {
    super(ctx, "workbook");
    this._bindNow(true);
  }

  protected _loadables(): Record<string, () => unknown> {
    return { name: () => this._ctx._host.name };
  }

  protected override _navigation(name: string): MemoryClientObject | undefined {
    switch (name) {
      case "worksheets":
        return this.worksheets as unknown as MemoryClientObject;
      case "names":
        return this.names as unknown as MemoryClientObject;
      case "comments":
        return this.comments as unknown as MemoryClientObject;
      case "notes":
        return this.notes as unknown as MemoryClientObject;
      case "application":
        return this.application as unknown as MemoryClientObject;
      default:
        return undefined;
    }
  }

  get worksheets(): Excel.WorksheetCollection {
    this._worksheets ??= new MemoryWorksheetCollection(this._ctx, "workbook.worksheets");
    return this._worksheets as unknown as Excel.WorksheetCollection;
  }

  get names(): Excel.NamedItemCollection {
    this._names ??= new MemoryNamedItemCollection(this._ctx, "workbook.names");
    return this._names as unknown as Excel.NamedItemCollection;
  }

  get comments(): Excel.CommentCollection {
    this._comments ??= new MemoryCommentCollection(this._ctx, "workbook.comments");
    return this._comments as unknown as Excel.CommentCollection;
  }

  get notes(): Excel.NoteCollection {
    this._notes ??= new MemoryNoteCollection(this._ctx, "workbook.notes");
    return this._notes as unknown as Excel.NoteCollection;
  }

  get application(): Excel.Application {
    return this._ctx.application;
  }

  getSelectedRange(): Excel.Range {
    const range = new MemoryRange(this._ctx, "workbook.getSelectedRange()");
    range._instantiate("getSelectedRange", [], () => {
      const state = this._ctx._host.state;
      const sel = state.selection;
      if (sel && state.sheets.some((s) => s.id === sel.sheetId)) return { sheetId: sel.sheetId, rect: { ...sel.rect } };
      return { sheetId: state.activeSheet().id, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
    return range as unknown as Excel.Range;
  }

  getActiveCell(): Excel.Range {
    const range = new MemoryRange(this._ctx, "workbook.getActiveCell()");
    range._instantiate("getActiveCell", [], () => {
      const state = this._ctx._host.state;
      const sel = state.selection;
      if (sel && state.sheets.some((s) => s.id === sel.sheetId))
        return { sheetId: sel.sheetId, rect: { ...sel.rect, rowCount: 1, columnCount: 1 } };
      return { sheetId: state.activeSheet().id, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
    return range as unknown as Excel.Range;
  }

  load(option?: unknown): Excel.Workbook {
    this._load(option);
    return this as unknown as Excel.Workbook;
  }
}

type ApplicationMembers = "context" | "calculationMode" | "suspendScreenUpdatingUntilNextSync" | "calculate" | "load";

const CALC_MODES = ["Automatic", "AutomaticExceptTables", "Manual"];

export class MemoryApplication extends MemoryClientObject<true> implements Pick<Excel.Application, ApplicationMembers> {
  protected readonly _typeName = "Application";

  constructor(ctx: MemoryRequestContext, path: string) {
    super(ctx, path);
    this._bindNow(true);
  }

  protected _loadables(): Record<string, () => unknown> {
    return { calculationMode: () => this._ctx._host.state.calculationMode };
  }

  get calculationMode(): Excel.Application["calculationMode"] {
    return this._get("calculationMode");
  }
  set calculationMode(v: Excel.Application["calculationMode"]) {
    this._set(
      "calculationMode",
      v,
      () => {
        if (!CALC_MODES.includes(String(v)))
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "Application.calculationMode");
        const state = this._ctx._host.state;
        state.calculationMode = String(v);
        state.calculationModeChanges.push(String(v));
      },
      undefined,
      false,
    );
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => void this._ctx._host.state.screenUpdatingSuspensions++, undefined, false);
  }

  calculate(calculationType: Excel.CalculationType | "Recalculate" | "Full" | "FullRebuild"): void {
    this._call("calculate", [calculationType], () => undefined, undefined, false);
  }

  load(option?: unknown): Excel.Application {
    this._load(option);
    return this as unknown as Excel.Application;
  }
}
