/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { publicityEnd, type Problem } from "../engine";
import { PaneError } from "./controller";
import {
  DATA_PROBLEMS,
  EMPTY,
  FILLED,
  fakeController,
  installJsdomShims,
  outcomeOf,
  renderApp,
  sampleEvaluation,
  messagesFor,
} from "../../test/support/pane-fixtures";

beforeAll(installJsdomShims);
// Fluent renders a few hundred list entries slowly in jsdom, more so on a shared 2-core machine.
jest.setTimeout(30_000);

const zh = messagesFor("zh");
const en = messagesFor("en");

/** The MessageBar (Fluent's root, role group or alert) around a text. */
function noticeOf(text: HTMLElement): HTMLElement {
  const bar = text.closest<HTMLElement>(".fui-MessageBar");
  expect(bar).not.toBeNull();
  return bar!;
}

/** Every aria-labelledby / aria-describedby names ids that exist, and every MessageBar has a name. */
function expectValidReferences(container: HTMLElement): void {
  for (const el of Array.from(container.querySelectorAll<HTMLElement>("[aria-labelledby], [aria-describedby]"))) {
    for (const attr of ["aria-labelledby", "aria-describedby"]) {
      for (const id of (el.getAttribute(attr) ?? "").split(/\s+/).filter(Boolean)) {
        expect({ attr, id, found: document.getElementById(id) !== null }).toEqual({ attr, id, found: true });
      }
    }
  }
  for (const bar of Array.from(container.querySelectorAll<HTMLElement>(".fui-MessageBar"))) {
    const name = bar.getAttribute("aria-label") ?? "";
    expect(name.trim()).not.toBe("");
  }
}

function problems(n: number): Problem[] {
  return Array.from({ length: n }, (_, i) => ({
    severity: i % 2 ? ("warning" as const) : ("error" as const),
    code: "value.negative",
    message: `第 ${i + 1} 条问题`,
    action: "请更正。",
    at: i % 5 === 4 ? undefined : { sheet: "郑州市", cell: `E${i + 4}` },
  }));
}

describe("focus is never lost to <body>", () => {
  it("after 创建考评表格 on an empty workbook the focus is on what happened, though the set-up section moved", async () => {
    const controller = fakeController(EMPTY);
    renderApp(controller);
    await screen.findByTestId("kp-setup-prompt");
    const button = screen.getByRole("button", { name: zh.setupButton });
    button.focus();
    controller.inspect.mockResolvedValue(FILLED);
    fireEvent.click(button);
    const done = await screen.findByText(/已创建：评分规则/);
    await waitFor(() => expect(document.activeElement).toBe(noticeOf(done)));
    // The section did move: it now follows the generate section.
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf(zh.setupHeading)).toBeGreaterThan(headings.indexOf(zh.generateHeading));
  });

  it("after 重试 the retry button keeps the focus while reading, then the first heading takes it", async () => {
    let finish!: () => void;
    const controller = fakeController(FILLED);
    controller.inspect
      .mockRejectedValueOnce(new Error("boom"))
      .mockImplementationOnce(() => new Promise((resolve) => (finish = () => resolve(FILLED))));
    renderApp(controller);
    const retry = await screen.findByRole("button", { name: zh.retry });
    retry.focus();
    fireEvent.click(retry);
    expect(await screen.findByText(zh.loadingWorkbook)).toBeTruthy();
    expect(document.activeElement).toBe(retry);
    expect(retry.getAttribute("aria-disabled")).toBe("true");
    await act(async () => finish());
    const heading = await screen.findByRole("heading", { name: zh.generateHeading });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it("a retry that fails again leaves the focus on the retry button", async () => {
    const controller = fakeController(FILLED);
    controller.inspect.mockRejectedValue(new Error("boom"));
    renderApp(controller);
    const retry = await screen.findByRole("button", { name: zh.retry });
    retry.focus();
    fireEvent.click(retry);
    await waitFor(() => expect(controller.inspect).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(retry.getAttribute("aria-disabled")).not.toBe("true"));
    expect(screen.getByRole("button", { name: zh.retry })).toBe(retry);
    expect(document.activeElement).toBe(retry);
  });

  it("after an import the focus is on the import's outcome", async () => {
    const controller = fakeController(FILLED, {
      importFiles: async () => ({ files: [{ name: "郑州市.xlsx", sheets: ["郑州市"], rows: 12 }], problems: [] }),
    });
    const { container } = renderApp(controller);
    await screen.findByRole("button", { name: /生成 .* 排名/ });
    const input = container.querySelector<HTMLInputElement>("input[type=file]")!;
    fireEvent.change(input, { target: { files: [new File(["x"], "郑州市.xlsx")] } });
    const importButton = screen.getByRole("button", { name: zh.importButton });
    importButton.focus();
    fireEvent.click(importButton);
    const done = await screen.findByText("已导入 1 个文件：郑州市.xlsx → 郑州市（12 行）。");
    await waitFor(() => expect(document.activeElement).toBe(noticeOf(done)));
  });
});

describe("errors are shown where the focus is", () => {
  it("a failed go-to-cell is said inside the entry's own list item, and scrolled into view", async () => {
    // jsdom has no layout and no scrollIntoView: record the calls instead.
    const scrolled: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const controller = fakeController(FILLED, {
      generate: async () => outcomeOf(sampleEvaluation(problems(20))),
      selectCell: async (ref) => {
        if (ref.cell === "E17") throw new PaneError("notFound");
      },
    });
    renderApp(controller);
    fireEvent.click(await screen.findByRole("button", { name: /生成 .* 排名/ }));
    const section = (await screen.findByRole("heading", { name: /数据问题/ })).closest("section")!;
    const entry = within(section).getByRole("button", { name: /第 14 条问题/ });
    fireEvent.click(entry);
    const alert = await within(section).findByRole("alert");
    expect(alert.textContent).toContain("无法定位单元格：找不到该工作表或单元格");
    expect(alert.closest("li")).toBe(entry.closest("li"));
    expect(scrolled).toContain(alert);
    Element.prototype.scrollIntoView = original;
  });

  it("a failed 打开结果表 is said under the summary's buttons", async () => {
    const controller = fakeController(FILLED, {
      selectCell: async () => {
        throw new PaneError("busy");
      },
    });
    renderApp(controller);
    fireEvent.click(await screen.findByRole("button", { name: /生成 .* 排名/ }));
    const summary = (await screen.findByRole("heading", { name: /本次结果/ })).closest("section")!;
    fireEvent.click(within(summary).getByRole("button", { name: zh.openResult }));
    const alert = await within(summary).findByRole("alert");
    expect(alert.textContent).toContain("无法定位单元格：Excel 正忙");
    // A new result starts afresh: the earlier failure is not shown under it.
    fireEvent.click(screen.getByRole("button", { name: /生成 .* 排名/ }));
    await waitFor(() => expect(controller.generate).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(screen.getByRole("heading", { name: /本次结果/ })).toBeTruthy();
  });
});

describe("the problem list is one Tab stop with arrow keys", () => {
  async function list(n: number) {
    renderApp(fakeController(FILLED, { generate: async () => outcomeOf(sampleEvaluation(problems(n))) }));
    fireEvent.click(await screen.findByRole("button", { name: /生成 .* 排名/ }));
    const section = (await screen.findByRole("heading", { name: /数据问题/ })).closest("section")!;
    const items = within(section).getAllByRole("listitem");
    const entries = items.map((li) => li.firstElementChild as HTMLElement);
    return { section, items, entries };
  }

  it("200 of 250 entries are listed and exactly one of them is in the Tab order", async () => {
    const { entries } = await list(250);
    expect(entries).toHaveLength(200);
    const tabbable = entries.filter((e) => e.tabIndex >= 0);
    expect(tabbable).toEqual([entries[0]]);
    expect(entries.every((e) => e.getAttribute("tabindex") === (e === entries[0] ? "0" : "-1"))).toBe(true);
  });

  it("arrows, Home and End move the focus, also onto an entry without a cell, and Tab then starts there", async () => {
    const { entries } = await list(12);
    entries[0].focus();
    fireEvent.keyDown(entries[0], { key: "ArrowDown" });
    expect(document.activeElement).toBe(entries[1]);
    for (let i = 1; i < 4; i++) fireEvent.keyDown(entries[i], { key: "ArrowDown" });
    // The fifth problem has no cell: a focusable block, not a button.
    expect(document.activeElement).toBe(entries[4]);
    expect(entries[4].tagName).toBe("DIV");
    expect(entries[4].textContent).toContain(zh.noPlace);
    fireEvent.keyDown(entries[4], { key: "End" });
    expect(document.activeElement).toBe(entries[11]);
    fireEvent.keyDown(entries[11], { key: "ArrowDown" });
    expect(document.activeElement).toBe(entries[11]);
    fireEvent.keyDown(entries[11], { key: "ArrowUp" });
    expect(document.activeElement).toBe(entries[10]);
    expect(entries.filter((e) => e.tabIndex === 0)).toEqual([entries[10]]);
    fireEvent.keyDown(entries[10], { key: "Home" });
    expect(document.activeElement).toBe(entries[0]);
  });

  it("a click makes the clicked entry the list's Tab stop", async () => {
    const { entries } = await list(6);
    fireEvent.focus(entries[3]);
    fireEvent.click(entries[3]);
    expect(entries.filter((e) => e.tabIndex === 0)).toEqual([entries[3]]);
  });
});

describe("language of parts", () => {
  it("in an English pane the Chinese problem messages and actions are marked zh-CN", async () => {
    renderApp(fakeController(FILLED, { generate: async () => outcomeOf(sampleEvaluation(DATA_PROBLEMS)) }), "en");
    fireEvent.click(await screen.findByRole("button", { name: /Generate the ranking for/ }));
    const section = (await screen.findByRole("heading", { name: /Data problems/ })).closest("section")!;
    const message = within(section).getByText(DATA_PROBLEMS[0].message);
    expect(message.closest("[lang]")!.getAttribute("lang")).toBe("zh-CN");
    const action = within(section).getByText(DATA_PROBLEMS[0].action);
    expect(action.closest("[lang]")!.getAttribute("lang")).toBe("zh-CN");
    // The pane's own words around them stay English.
    expect(
      within(section)
        .getAllByText(/What to do:/)[0]
        .closest("[lang]")!
        .getAttribute("lang"),
    ).toBe("en");
  });
});

describe("message bars are named", () => {
  it("every MessageBar has a name and no reference points at a missing id", async () => {
    const controller = fakeController(EMPTY, {
      generate: async () => {
        throw new PaneError("busy");
      },
      importFiles: async () => ({ files: [], problems: [] }),
      previewPublicity: async (published) => publicityEnd(published),
    });
    const { container } = renderApp(controller);
    const prompt = await screen.findByTestId("kp-setup-prompt");
    expect(prompt.getAttribute("aria-label")).toBe(zh.notice.info);
    fireEvent.change(screen.getByLabelText(zh.publicationDate), { target: { value: "2030-12-31" } });
    await screen.findByText(/节假日数据未包含 2031 年/);
    fireEvent.click(screen.getByRole("button", { name: /生成 .* 排名/ }));
    const failed = await screen.findByText(/生成排名未完成/);
    expect(noticeOf(failed).getAttribute("aria-label")).toBe(zh.notice.error);
    fireEvent.change(container.querySelector("input[type=file]")!, { target: { files: [new File(["x"], "a.xlsx")] } });
    fireEvent.click(screen.getByRole("button", { name: zh.importButton }));
    await screen.findByText(zh.importNothing);
    expect(container.querySelectorAll(".fui-MessageBar").length).toBeGreaterThanOrEqual(4);
    expectValidReferences(container);
  });

  it("the failed-read MessageBar is named too", async () => {
    const controller = fakeController(FILLED);
    controller.inspect.mockRejectedValue(new Error("boom"));
    const { container } = renderApp(controller, "en");
    await screen.findByRole("button", { name: en.retry });
    expectValidReferences(container);
    expect(noticeOf(screen.getByText(/Could not read the workbook/)).getAttribute("aria-label")).toBe(en.notice.error);
  });
});

describe("the file and date fields speak the pane's language", () => {
  it("a pane button opens the hidden file input and the chosen names are listed in the pane's words", async () => {
    const { container } = renderApp(fakeController(FILLED), "en");
    await screen.findByRole("button", { name: /Generate the ranking for/ });
    const input = container.querySelector<HTMLInputElement>("input[type=file]")!;
    expect(input.hidden).toBe(true);
    expect(input.multiple).toBe(true);
    const click = jest.spyOn(input, "click").mockImplementation(() => undefined);
    const choose = screen.getByRole("button", { name: en.chooseFiles });
    expect(screen.getByText(en.noFileChosen)).toBeTruthy();
    fireEvent.click(choose);
    expect(click).toHaveBeenCalledTimes(1);
    fireEvent.change(input, { target: { files: [new File(["x"], "郑州市.xlsx"), new File(["y"], "开封市.xlsx")] } });
    expect(screen.getByText("2 files chosen")).toBeTruthy();
    expect(screen.getByText("郑州市.xlsx")).toBeTruthy();
    expect(screen.getByText("开封市.xlsx")).toBeTruthy();
    // The button's description tells what to choose and what is chosen.
    const described = (choose.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)!.textContent);
    expect(described.join(" ")).toContain(en.importLabel);
    expect(described.join(" ")).toContain("2 files chosen");
  });

  it("the date field is text in 年-月-日, reads 2026/11/2, and says a wrong date in the pane's words", async () => {
    const controller = fakeController(FILLED);
    renderApp(controller);
    await screen.findByRole("button", { name: /生成 .* 排名/ });
    const field = screen.getByLabelText(zh.publicationDate) as HTMLInputElement;
    expect(field.type).toBe("text");
    expect(field.placeholder).toBe("年-月-日");
    expect(screen.getByText(/格式：年-月-日，如 2026-11-05。/)).toBeTruthy();

    fireEvent.change(field, { target: { value: "2026/11/2" } });
    await waitFor(() => expect(controller.previewPublicity).toHaveBeenLastCalledWith("2026-11-02"));
    fireEvent.blur(field);
    expect(field.value).toBe("2026-11-02");

    fireEvent.change(field, { target: { value: "2026-02-30" } });
    expect(screen.queryByText(zh.dateInvalid)).toBeNull(); // not while typing
    fireEvent.blur(field);
    expect(screen.getByText(zh.dateInvalid)).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.value).toBe("2026-02-30");

    fireEvent.click(screen.getByRole("button", { name: /生成 .* 排名/ }));
    await waitFor(() => expect(controller.generate).toHaveBeenCalled());
    // No publication date is passed for a date that does not exist.
    expect(controller.generate.mock.calls[0][1]).toBeUndefined();
  });
});
