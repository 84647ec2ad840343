// The workbook open in the page as React state: opening one (a file, or a new empty one), the pane's
// controller on it, what has changed since it was opened or saved, and saving a copy.

import * as React from "react";
import type ExcelJS from "exceljs";
import type { CellRef } from "../engine";
import type { PaneController } from "../taskpane/controller";
import { ledgerFileName } from "../adapters/xlsx/ledger";
import { loadXlsxBytes } from "../taskpane/host/xlsx-file";
import { checkFileSize } from "../adapters/convert/limits";
import { Changed, createWebController } from "./web-controller";
import { ChosenFile, SameFileError, saveFile } from "./files";
import type { WebMessages } from "./messages";
import { emptyWorkbook, newWorkbookName, workbookBlob } from "./templates";

/** The workbook open in the page: the copy in memory, the file it came from, and what the page has done to it. */
export interface OpenBook {
  readonly workbook: ExcelJS.Workbook;
  readonly name: string;
  /** The opened file (File System Access API): never written. */
  readonly handle?: FileSystemFileHandle;
  readonly changed: boolean;
  /** The name a save suggests: the period's ledger after a generation (the CLI's default --out). */
  readonly saveAs: string;
  /** Counts the workbooks opened: the pane starts afresh for each. */
  readonly session: number;
  /** The pane's controller on this workbook. */
  readonly controller: PaneController;
}

export type Status = { readonly intent: "success" | "error" | "info"; readonly text: string } | null;

export interface WebWorkbook {
  readonly book: OpenBook | null;
  readonly opening: boolean;
  readonly saving: boolean;
  readonly status: Status;
  /** The cell a problem pointed at, in words (the page has no grid). */
  readonly cell: string | null;
  open(chosen: ChosenFile | null): Promise<void>;
  startNew(year: number): Promise<void>;
  save(): Promise<void>;
}

export function useWebWorkbook(w: WebMessages, now: () => Date): WebWorkbook {
  const [book, setBook] = React.useState<OpenBook | null>(null);
  const [opening, setOpening] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [status, setStatus] = React.useState<Status>(null);
  const [cell, setCell] = React.useState<string | null>(null);
  const sessions = React.useRef(0);
  const changed = React.useRef(false);
  const isChanged = book?.changed ?? false;
  React.useEffect(() => {
    changed.current = isChanged;
  }, [isChanged]);
  useLeaveWarning(changed, w);

  const show = (workbook: ExcelJS.Workbook, name: string, handle?: FileSystemFileHandle, isNew = false) => {
    const session = ++sessions.current;
    const controller = createWebController({
      workbook,
      now,
      changed: (what: Changed) =>
        setBook((b) => (b && b.session === session ? { ...b, changed: true, saveAs: saveName(name, what, b.saveAs) } : b)),
      select: (ref: CellRef) => setCell(cellText(workbook, ref, w)),
    });
    setCell(null);
    setBook({ workbook, name, handle, changed: isNew, saveAs: name, session, controller });
  };
  const mayReplace = () => !changed.current || window.confirm(w.replaceUnsaved);

  const open = async (chosen: ChosenFile | null) => {
    if (!chosen || !mayReplace()) return;
    setOpening(true);
    setStatus(null);
    try {
      checkFileSize(chosen.file.name, chosen.file.size);
      show(await loadXlsxBytes(new Uint8Array(await chosen.file.arrayBuffer()), chosen.file.name), chosen.file.name, chosen.handle);
      setStatus({ intent: "info", text: w.opened(chosen.file.name) });
    } catch (error) {
      setStatus({ intent: "error", text: w.openFailed(chosen.file.name, (error as Error).message) });
    } finally {
      setOpening(false);
    }
  };

  const startNew = async (year: number) => {
    if (!mayReplace()) return;
    show(await emptyWorkbook(), newWorkbookName(year), undefined, true);
    setStatus(null);
  };

  const save = async () => {
    if (!book) return;
    setSaving(true);
    setStatus(null);
    try {
      const result = await saveFile(window, await workbookBlob(book.workbook), book.saveAs, book.handle);
      if (result.saved) {
        setBook((b) => (b && b.session === book.session ? { ...b, changed: false } : b));
        setStatus({ intent: "success", text: w.savedAs(result.name) });
      }
    } catch (error) {
      setStatus({ intent: "error", text: error instanceof SameFileError ? w.sameFileRefused : w.saveFailed });
    } finally {
      setSaving(false);
    }
  };

  return { book, opening, saving, status, cell, open, startNew, save };
}

/** The browser asks before the page is left with unsaved changes. */
function useLeaveWarning(changed: React.RefObject<boolean>, w: WebMessages): void {
  React.useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!changed.current) return;
      event.preventDefault();
      event.returnValue = w.leaveUnsaved;
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [changed, w]);
}

/**
 * After a generation, the period's ledger beside the opened file (the CLI's default --out); a ledger
 * opened again is saved as its next version, never under its own name.
 */
export function saveName(opened: string, what: Changed, current: string): string {
  if (what.kind !== "generate") return current;
  if (!opened.endsWith(`-${what.period}-考评结果.xlsx`)) return ledgerFileName(opened, what.period);
  const base = opened.replace(/\.xlsx$/i, "").replace(/（第 \d+ 版）$/, "");
  return what.version ? `${base}（第 ${what.version} 版）.xlsx` : `${base}（新）.xlsx`;
}

function cellText(workbook: ExcelJS.Workbook, ref: CellRef, w: WebMessages): string {
  const sheet = workbook.getWorksheet(ref.sheet);
  const text = ref.cell && sheet ? sheet.getCell(ref.cell).text : "";
  return w.cellAt(ref.sheet, ref.cell || "A1", text.trim() ? text : w.cellEmpty);
}
