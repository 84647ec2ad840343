/** @jest-environment jsdom */
import { TextEncoder } from "util";
import { act, screen } from "@testing-library/react";
import { mountPane } from "../mount";
import { AddinVisibility, missingCapability, whenPaneShown } from "./start-up";
import { installJsdomShims } from "../../../test/support/pane-fixtures";

// jsdom has no TextEncoder; the Office adapter and the in-memory host measure requests with it at load.
Object.assign(globalThis, { TextEncoder });
const { demoWorkbook, paneOn, uninstallPane } =
  require("../../../test/support/office-pane") as typeof import("../../../test/support/office-pane");

/** Sets what the page reports as its visibility (jsdom: always "visible" otherwise). */
function pageIs(state: DocumentVisibilityState): void {
  Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
}

/** Office.addin with a handle to fire its visibility event, as Excel does when the task pane is shown or hidden. */
function fakeAddin(): AddinVisibility & { show(mode: string): void; removed: number } {
  let handler: ((message: { visibilityMode: string }) => void) | undefined;
  const addin = {
    removed: 0,
    onVisibilityModeChanged: async (h: (message: { visibilityMode: string }) => void) => {
      handler = h;
      return async () => {
        addin.removed++;
      };
    },
    show: (mode: string) => handler?.({ visibilityMode: mode }),
  };
  return addin;
}

const tick = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

beforeAll(installJsdomShims);
afterEach(() => {
  pageIs("visible");
  uninstallPane();
  document.body.innerHTML = "";
});

describe("the pane starts only once it is shown", () => {
  it("starts at once when the page is visible", async () => {
    pageIs("visible");
    await expect(whenPaneShown(document, fakeAddin())).resolves.toBe("visible");
  });

  it("waits while hidden, and starts when Office says the task pane is shown", async () => {
    pageIs("hidden");
    const addin = fakeAddin();
    let reason: string | undefined;
    void whenPaneShown(document, addin).then((r) => (reason = r));
    await tick();
    addin.show("Hidden");
    await tick();
    expect(reason).toBeUndefined();
    addin.show("Taskpane");
    await tick();
    expect(reason).toBe("shown");
    expect(addin.removed).toBe(1);
  });

  it("starts when the page becomes visible, for a host without the visibility event", async () => {
    pageIs("hidden");
    let reason: string | undefined;
    void whenPaneShown(document).then((r) => (reason = r));
    await tick();
    expect(reason).toBeUndefined();
    pageIs("visible");
    document.dispatchEvent(new Event("visibilitychange"));
    await tick();
    expect(reason).toBe("visible");
  });

  it("starts when the user acts in the pane, whatever the page reports", async () => {
    pageIs("hidden");
    let reason: string | undefined;
    void whenPaneShown(document, fakeAddin()).then((r) => (reason = r));
    await tick();
    document.body.dispatchEvent(new Event("pointerdown", { bubbles: true }));
    await tick();
    expect(reason).toBe("action");
  });

  it("makes no workbook read while the runtime runs hidden, and reads the workbook once shown", async () => {
    pageIs("hidden");
    const host = demoWorkbook();
    const controller = paneOn(host);
    const addin = fakeAddin();
    const container = document.body.appendChild(document.createElement("div"));
    const started = whenPaneShown(document, addin).then(() => mountPane(container, controller));
    await tick();
    await tick();
    expect([host.runs, host.syncCount]).toEqual([0, 0]);
    expect(container.childElementCount).toBe(0);

    const root = await act(async () => {
      addin.show("Taskpane");
      return started;
    });
    expect(await screen.findByRole("button", { name: /^生成 .* 排名$/ }, { timeout: 5000 })).toBeTruthy();
    expect(host.runs).toBeGreaterThan(0);
    act(() => root.unmount());
  });
});

describe("an Excel that cannot run the add-in says so", () => {
  it("names the first requirement set the host lacks, and nothing when it has them all", () => {
    const host = (has: string[]) => (set: string, version: string) => has.includes(`${set} ${version}`);
    expect(missingCapability(host(["ExcelApi 1.7", "SharedRuntime 1.1"]))).toBeUndefined();
    expect(missingCapability(host(["SharedRuntime 1.1"]))).toBe("读写工作表的 Excel JavaScript API（ExcelApi 1.7）");
    expect(missingCapability(host(["ExcelApi 1.7"]))).toBe("共享运行时（SharedRuntime 1.1）");
    // A host whose check itself fails lacks the set.
    expect(
      missingCapability(() => {
        throw new Error("no requirements");
      }),
    ).toBe("读写工作表的 Excel JavaScript API（ExcelApi 1.7）");
  });

  it("shows one Chinese sentence naming the capability and pointing to the 网页版, instead of a blank pane", async () => {
    const container = document.body.appendChild(document.createElement("div"));
    await act(async () => {
      await mountPane(container, null, { unavailable: (t) => t.unsupportedExcel("读写工作表的 Excel JavaScript API（ExcelApi 1.7）") });
    });
    const text = container.textContent ?? "";
    expect(text).toMatch(
      /^此版本的 Excel 缺少加载项所需的读写工作表的 Excel JavaScript API（ExcelApi 1\.7），无法在此运行；请改用 12328 考评网页版/,
    );
    expect(text.match(/。/g)).toHaveLength(1);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("says office.js did not load where Office is not there at all", async () => {
    const container = document.body.appendChild(document.createElement("div"));
    await act(async () => {
      await mountPane(container, null, { unavailable: (t) => t.officeUnavailable });
    });
    expect(container.textContent).toMatch(/未能加载 Office 的脚本 office\.js.*网页版/);
  });
});
