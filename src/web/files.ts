// Files in and out of the page: the workbook opened (File System Access API where the browser has it,
// so the page knows which file it must never write; else a plain file input), and what the page
// saves or hands out — through the save dialog where there is one, else as a download.

/** The parts of the File System Access API the page uses (Chromium, Edge; not yet in TypeScript's DOM types). */
interface FilePickerOptions {
  readonly types?: readonly { description: string; accept: Record<string, readonly string[]> }[];
  readonly suggestedName?: string;
  readonly excludeAcceptAllOption?: boolean;
  readonly id?: string;
  readonly startIn?: FileSystemHandle;
}
interface PickerWindow {
  showOpenFilePicker?: (options?: FilePickerOptions) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?: (options?: FilePickerOptions) => Promise<FileSystemFileHandle>;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSX_TYPE = { description: "Excel 工作簿 (.xlsx)", accept: { [XLSX_MIME]: [".xlsx"] } };
const ZIP_TYPE = { description: "zip", accept: { "application/zip": [".zip"] } };

/** A file the user chose, with its handle where the browser gives one. */
export interface ChosenFile {
  readonly file: File;
  readonly handle?: FileSystemFileHandle;
}

/** The user closed a dialog without choosing: nothing to say. */
export function isCancel(error: unknown): boolean {
  return (error as { name?: string })?.name === "AbortError";
}

/** The browser's open dialog for one .xlsx (null when closed without a choice); `fallback` is the page's file input. */
export async function chooseWorkbook(win: Window, fallback: () => void): Promise<ChosenFile | null> {
  const picker = (win as PickerWindow).showOpenFilePicker;
  if (!picker) {
    fallback();
    return null;
  }
  try {
    const [handle] = await picker.call(win, { types: [XLSX_TYPE], excludeAcceptAllOption: false, id: "kp12328" });
    return { file: await handle.getFile(), handle };
  } catch (error) {
    if (isCancel(error)) return null;
    throw error;
  }
}

/** The dropped file and, in Chromium, its handle. */
export async function droppedFile(transfer: DataTransfer): Promise<ChosenFile | null> {
  const item = Array.from(transfer.items ?? []).find((i) => i.kind === "file");
  const file = item?.getAsFile() ?? transfer.files?.[0];
  if (!file) return null;
  const withHandle = item as (DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> }) | undefined;
  const handle = await withHandle?.getAsFileSystemHandle?.().catch(() => null);
  return { file, handle: handle?.kind === "file" ? (handle as FileSystemFileHandle) : undefined };
}

export type SaveResult = { readonly saved: false } | { readonly saved: true; readonly name: string };

export class SameFileError extends Error {
  constructor() {
    super("same file");
    this.name = "SameFileError";
  }
}

/**
 * Saves `data` as `name`: in the save dialog where the browser has one (next to the opened file), never
 * over `opened` (SameFileError, nothing written); else as a download (the browser's downloads folder).
 */
export async function saveFile(win: Window, data: Blob, name: string, opened?: FileSystemFileHandle): Promise<SaveResult> {
  const picker = (win as PickerWindow).showSaveFilePicker;
  if (!picker) {
    download(win.document, data, name);
    return { saved: true, name };
  }
  let handle: FileSystemFileHandle;
  try {
    handle = await picker.call(win, {
      suggestedName: name,
      types: [name.endsWith(".zip") ? ZIP_TYPE : XLSX_TYPE],
      id: "kp12328",
      ...(opened ? { startIn: opened } : {}),
    });
  } catch (error) {
    if (isCancel(error)) return { saved: false };
    throw error;
  }
  if (opened && (await handle.isSameEntry(opened))) throw new SameFileError();
  const writable = await handle.createWritable();
  try {
    await writable.write(data);
    await writable.close();
  } catch (error) {
    // The file keeps what it held: a writable's data reaches the file only on close.
    await writable.abort().catch(() => undefined);
    throw error;
  }
  return { saved: true, name: handle.name };
}

/** A download of `data` named `name` (no dialog, the browser's downloads folder). */
export function download(doc: Document, data: Blob, name: string): void {
  const url = URL.createObjectURL(data);
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked once the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
