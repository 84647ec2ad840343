// Saving from the page: through the save dialog where the browser has one, never over the opened
// file; a closed dialog saves nothing; without the dialog, a download.

import { SameFileError, saveFile } from "./files";

interface FakeHandle {
  readonly name: string;
  written: string[];
  isSameEntry(other: unknown): Promise<boolean>;
  createWritable(): Promise<{ write(d: Blob): Promise<void>; close(): Promise<void>; abort(): Promise<void> }>;
}

function handle(name: string): FakeHandle {
  const h: FakeHandle = {
    name,
    written: [],
    isSameEntry: async (other) => other === h,
    createWritable: async () => {
      let pending = "";
      return {
        write: async (d: Blob) => void (pending = await d.text()),
        close: async () => void h.written.push(pending),
        abort: async () => undefined,
      };
    },
  };
  return h;
}

const data = new Blob(["workbook"]);

test("the save dialog writes the chosen file, starting beside the opened one", async () => {
  const opened = handle("河南.xlsx");
  const chosen = handle("河南-2026-10-考评结果.xlsx");
  const asked: unknown[] = [];
  const win = { showSaveFilePicker: async (options: unknown) => (asked.push(options), chosen) } as unknown as Window;
  await expect(saveFile(win, data, "河南-2026-10-考评结果.xlsx", opened as unknown as FileSystemFileHandle)).resolves.toEqual({
    saved: true,
    name: "河南-2026-10-考评结果.xlsx",
  });
  expect(chosen.written).toEqual(["workbook"]);
  expect(asked).toEqual([expect.objectContaining({ suggestedName: "河南-2026-10-考评结果.xlsx", startIn: opened })]);
});

test("the opened file chosen in the save dialog is refused and keeps what it held", async () => {
  const opened = handle("河南.xlsx");
  const win = { showSaveFilePicker: async () => opened } as unknown as Window;
  await expect(saveFile(win, data, "河南-2026-10-考评结果.xlsx", opened as unknown as FileSystemFileHandle)).rejects.toBeInstanceOf(
    SameFileError,
  );
  expect(opened.written).toEqual([]);
});

test("a closed save dialog saves nothing and says nothing", async () => {
  const win = {
    showSaveFilePicker: async () => {
      throw Object.assign(new Error("closed"), { name: "AbortError" });
    },
  } as unknown as Window;
  await expect(saveFile(win, data, "a.xlsx")).resolves.toEqual({ saved: false });
});

test("without the File System Access API the file is a download under the suggested name", async () => {
  jest.useFakeTimers();
  const clicked: { href: string; download: string }[] = [];
  const doc = {
    body: { appendChild: () => undefined },
    createElement: () => {
      const a = {
        href: "",
        download: "",
        style: {},
        click: () => clicked.push({ href: a.href, download: a.download }),
        remove: () => undefined,
      };
      return a;
    },
  };
  const created = jest.spyOn(URL, "createObjectURL").mockReturnValue("blob:kp");
  jest.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
  await expect(saveFile({ document: doc } as unknown as Window, data, "河南-2026-10-考评结果.xlsx")).resolves.toEqual({
    saved: true,
    name: "河南-2026-10-考评结果.xlsx",
  });
  expect(created).toHaveBeenCalledWith(data);
  expect(clicked).toEqual([{ href: "blob:kp", download: "河南-2026-10-考评结果.xlsx" }]);
  jest.runAllTimers();
  expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:kp");
  jest.useRealTimers();
});
