/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import {
  DATA_PROBLEMS,
  FILLED,
  fakeController,
  installJsdomShims,
  outcomeOf,
  renderApp as renderPane,
  sampleEvaluation,
  messagesFor,
} from "../../test/support/pane-fixtures";

beforeAll(installJsdomShims);

const zh = messagesFor("zh");

function renderApp(controller = fakeController(FILLED, { generate: async () => outcomeOf(sampleEvaluation(DATA_PROBLEMS)) })) {
  return { controller, ...renderPane(controller) };
}

/** What Tab visits, in order: enabled native controls and anything with a non-negative tabindex. */
function tabOrder(root: HTMLElement): HTMLElement[] {
  const all = Array.from(root.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [tabindex]"));
  return all.filter((el) => {
    if ((el as HTMLButtonElement).disabled) return false;
    const tabindex = el.getAttribute("tabindex");
    return tabindex === null || Number(tabindex) >= 0;
  });
}

function nameOf(el: HTMLElement): string {
  const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
  return (el.getAttribute("aria-label") ?? labelled ?? el.textContent ?? "").trim();
}

describe("keyboard", () => {
  it("Enter on a problem selects its cell once", async () => {
    const { controller } = renderApp();
    fireEvent.click(await screen.findByRole("button", { name: /生成 .* 排名/ }));
    const section = (await screen.findByRole("heading", { name: /数据问题/ })).closest("section")!;
    const entry = within(section).getAllByRole("button")[0];
    expect(entry.tagName).toBe("BUTTON");
    entry.focus();
    expect(document.activeElement).toBe(entry);
    fireEvent.keyDown(entry, { key: "Enter", code: "Enter" });
    await waitFor(() => expect(controller.selectCell).toHaveBeenCalledTimes(1));
    expect(controller.selectCell).toHaveBeenCalledWith({ sheet: "郑州市", cell: "E14" });
    // Other keys do nothing by themselves (Space is the native button's own click).
    fireEvent.keyDown(entry, { key: "a" });
    expect(controller.selectCell).toHaveBeenCalledTimes(1);
  });

  it("every action is a native button and the tab order follows the page", async () => {
    const { container } = renderApp();
    const generate = await screen.findByRole("button", { name: /生成 .* 排名/ });
    expect(generate.tagName).toBe("BUTTON");
    expect(generate.getAttribute("type")).toBe("button");
    expect(container.querySelector("[tabindex]:not([tabindex='-1']):not([tabindex='0'])")).toBeNull();

    const order = tabOrder(container).map(nameOf);
    const at = (pattern: RegExp) => order.findIndex((n) => pattern.test(n));
    const sequence = [
      /^月度$/,
      /^年份$/,
      /^月份$/,
      /公示发布日期/,
      /^生成 2026年10月 排名$/,
      /^考评年度$/,
      /^创建考评表格$/,
      /\.xlsx 文件/,
      /^导入所选文件$/,
    ];
    const positions = sequence.map(at);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("moves focus to the summary after generating, and its buttons are reachable", async () => {
    renderApp();
    fireEvent.click(await screen.findByRole("button", { name: /生成 .* 排名/ }));
    const heading = await screen.findByRole("heading", { name: /本次结果/ });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const open = screen.getByRole("button", { name: zh.openResult });
    expect(open.tagName).toBe("BUTTON");
    expect(heading.compareDocumentPosition(open) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("keeps the generate button focusable while it runs", async () => {
    let finish!: () => void;
    const controller = fakeController(FILLED, {
      generate: () => new Promise((resolve) => (finish = () => resolve(outcomeOf(sampleEvaluation())))),
    });
    renderApp(controller);
    const button = await screen.findByRole("button", { name: /生成 .* 排名/ });
    button.focus();
    fireEvent.click(button);
    await screen.findByRole("progressbar");
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(button);
    finish();
    await screen.findByTestId("kp-status");
  });
});
