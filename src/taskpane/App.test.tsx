/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { publicityEnd } from "../engine";
import { PaneError, type GenerateOutcome, type GenerateProgress } from "./controller";
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

const zh = messagesFor("zh");

async function generateButton(name = /生成 .* 排名/) {
  return screen.findByRole("button", { name });
}

describe("task pane: empty workbook", () => {
  it("prompts to set up the workbook and creates the sheets for the chosen year", async () => {
    const controller = fakeController(EMPTY);
    renderApp(controller);
    const prompt = await screen.findByTestId("kp-setup-prompt");
    expect(prompt.textContent).toContain("此工作簿还没有指标表");
    expect(screen.getByText("指标表 0 张")).toBeTruthy();
    expect(screen.getByText("评分规则：缺少")).toBeTruthy();

    // Without data the default period is the month before today.
    expect((await generateButton()).textContent).toContain("生成 2026年10月 排名");

    fireEvent.change(screen.getByRole("combobox", { name: zh.setupYear }), { target: { value: "2025" } });
    controller.inspect.mockResolvedValue(FILLED);
    fireEvent.click(screen.getByRole("button", { name: zh.setupButton }));
    await waitFor(() => expect(controller.setUpWorkbook).toHaveBeenCalledWith(2025));
    expect(await screen.findByText(/已创建：评分规则、考评单位、考评事件、节假日调整、郑州市。/)).toBeTruthy();
    // The pane reads the workbook again: the prompt is gone.
    await waitFor(() => expect(screen.queryByTestId("kp-setup-prompt")).toBeNull());
  });

  it("puts the set-up section before the generate section only while the workbook is empty", async () => {
    renderApp(fakeController(EMPTY));
    await screen.findByTestId("kp-setup-prompt");
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf(zh.setupHeading)).toBeLessThan(headings.indexOf(zh.generateHeading));
  });
});

describe("task pane: generating", () => {
  it("defaults to the latest month with data and passes the period and publication date", async () => {
    const controller = fakeController();
    renderApp(controller);
    const button = await generateButton();
    expect(button.textContent).toContain("生成 2026年10月 排名");

    fireEvent.change(screen.getByLabelText(zh.publicationDate), { target: { value: "2026-11-02" } });
    expect(await screen.findByText("公示期截止：2026-11-09（发布后第 5 个工作日）")).toBeTruthy();
    expect(controller.previewPublicity).toHaveBeenCalledWith("2026-11-02");

    fireEvent.click(button);
    await waitFor(() => expect(controller.generate).toHaveBeenCalledTimes(1));
    const [period, published] = controller.generate.mock.calls[0];
    expect(period).toEqual({ kind: "month", year: 2026, month: 10 });
    expect(published).toBe("2026-11-02");
  });

  it("switches to a quarter and a year", async () => {
    const controller = fakeController();
    renderApp(controller);
    await generateButton();
    fireEvent.click(screen.getByRole("radio", { name: zh.kindQuarter }));
    fireEvent.change(screen.getByRole("combobox", { name: zh.quarterLabel }), { target: { value: "3" } });
    fireEvent.click(await generateButton(/第3季度/));
    await waitFor(() => expect(controller.generate).toHaveBeenCalled());
    expect(controller.generate.mock.calls[0][0]).toEqual({ kind: "quarter", year: 2026, quarter: 3 });

    fireEvent.click(screen.getByRole("radio", { name: zh.kindYear }));
    fireEvent.change(screen.getByRole("combobox", { name: zh.yearLabel }), { target: { value: "2025" } });
    const yearButton = await generateButton(/2025年度/);
    await waitFor(() => expect(yearButton.getAttribute("aria-disabled")).not.toBe("true"));
    fireEvent.click(yearButton);
    await waitFor(() => expect(controller.generate).toHaveBeenCalledTimes(2));
    expect(controller.generate.mock.calls[1][0]).toEqual({ kind: "year", year: 2025 });
  });

  it("shows the progress and step while generating, and only one run at a time", async () => {
    let finish!: (o: GenerateOutcome) => void;
    let report!: (p: GenerateProgress) => void;
    const controller = fakeController(FILLED, {
      generate: (_period, _published, onProgress) =>
        new Promise<GenerateOutcome>((resolve) => {
          finish = resolve;
          report = onProgress!;
        }),
    });
    renderApp(controller);
    const button = await generateButton();
    fireEvent.click(button);
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(screen.getByText(zh.steps.reading)).toBeTruthy();
    act(() => report({ step: "scoring", fraction: 0.6 }));
    expect(screen.getByText(zh.steps.scoring)).toBeTruthy();
    expect(button.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(button);
    expect(controller.generate).toHaveBeenCalledTimes(1);

    await act(async () => finish(outcomeOf(sampleEvaluation())));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect((await screen.findByTestId("kp-status")).textContent).toContain("草稿");
  });
});

describe("task pane: success", () => {
  it("summarises status, top three, tie-breaks and problems, and opens the result sheet", async () => {
    const controller = fakeController();
    renderApp(controller);
    fireEvent.click(await generateButton());
    const heading = await screen.findByRole("heading", { name: /本次结果 · 2026年10月/ });
    // Focus moves to the summary for keyboard and screen-reader users.
    await waitFor(() => expect(document.activeElement).toBe(heading));

    expect(screen.getByTestId("kp-status").textContent).toContain("草稿");
    expect(screen.getByText(/1 个单位数据待核，结果暂为草稿/)).toBeTruthy();

    const top = within(screen.getByTestId("kp-top-three"))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(top).toEqual(["第 1 名郑州市 · 65.20 分", "第 2 名开封市 · 63.50 分", "第 3 名洛阳市 · 63.50 分"]);

    const ties = within(screen.getByTestId("kp-tie-breaks"))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(ties).toEqual([
      "开封市 与 洛阳市 同为 63.50 分，按人工接通率 97.31% 排第 2 名",
      "洛阳市 与 开封市 同为 63.50 分，按人工接通率 96.80% 排第 3 名",
      "平顶山市 与 安阳市 同为 60.00 分且人工接通率相同，并列第 4 名",
    ]);
    expect(screen.getByText("不合格 1 个，数据待核 1 个（未排名）")).toBeTruthy();
    expect(screen.getByTestId("kp-problem-count").textContent).toContain(zh.noProblems);
    // Office cannot export PDF from an add-in: the clerk is told Excel's own command.
    expect(screen.getByTestId("kp-pdf-hint").textContent).toContain("文件 → 导出 → 创建 PDF");

    fireEvent.click(screen.getByRole("button", { name: zh.openResult }));
    await waitFor(() => expect(controller.selectCell).toHaveBeenCalledWith({ sheet: "2026年10月 考评结果", cell: "A1" }));
    expect(screen.queryByRole("button", { name: zh.openValidation })).toBeNull();
  });

  it("shows 已更正 for a correction and says which version it replaced", async () => {
    const ev = { ...sampleEvaluation(), status: "final" as const, rows: sampleEvaluation().rows.slice(0, 3) };
    const lifecycle = {
      kind: "corrected" as const,
      sheet: "2026年10月 考评结果",
      state: "corrected" as const,
      version: 2,
      published: "2026-11-05",
      previousVersion: "2026年10月 考评结果 v1",
      corrections: 2,
    };
    const controller = fakeController(FILLED, { generate: async () => outcomeOf(ev, { lifecycle, corrections: 2 }) });
    renderApp(controller);
    fireEvent.click(await generateButton());
    expect((await screen.findByTestId("kp-status")).textContent).toBe("已更正");
    expect(screen.getByText(zh.finalExplain(0))).toBeTruthy();
    expect(screen.getByTestId("kp-generation").textContent).toBe(
      "已生成第 2 版（更正），第 1 版保留为“2026年10月 考评结果 v1”并标注已被替代；修正记录新增 2 行。",
    );
  });

  it("never says 可以发布 with a 不合格 unit without saying so", async () => {
    const ev = { ...sampleEvaluation(), status: "final" as const, rows: sampleEvaluation().rows.slice(0, 6) };
    renderApp(fakeController(FILLED, { generate: async () => outcomeOf(ev) }));
    fireEvent.click(await generateButton());
    await screen.findByTestId("kp-status");
    expect(screen.getByText("除 1 个不合格单位（不参与排名）外，其余在考单位均已排名，可以发布。")).toBeTruthy();
  });

  it("refuses a publication date on or before the period's last day, and says why at the button", async () => {
    const generate = jest.fn(async () => outcomeOf(sampleEvaluation()));
    renderApp(fakeController(FILLED, { generate }));
    const button = await generateButton();
    const date = screen.getByRole("textbox", { name: /公示发布日期/ });
    fireEvent.change(date, { target: { value: "2026-10-31" } });
    const refusal = await screen.findByText(/无法生成：发布日期 2026-10-31 不晚于2026年10月的最后一天（2026-10-31）/);
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(button.getAttribute("aria-describedby")).toBe(refusal.id);
    fireEvent.click(button);
    expect(generate).not.toHaveBeenCalled();
    fireEvent.change(date, { target: { value: "2026-11-05" } });
    await waitFor(() => expect(button.getAttribute("aria-disabled")).toBeNull());
  });
});

describe("task pane: errors in the data", () => {
  it("lists the problems and selects the cell of the one clicked", async () => {
    const controller = fakeController(FILLED, { generate: async () => outcomeOf(sampleEvaluation(DATA_PROBLEMS)) });
    renderApp(controller);
    fireEvent.click(await generateButton());
    const section = (await screen.findByRole("heading", { name: /数据问题（3）/ })).closest("section")!;
    expect(screen.getByTestId("kp-problem-count").textContent).toContain("发现 1 个错误、2 个警告");

    const items = within(section).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(within(items[0]).getByRole("img", { name: "错误" })).toBeTruthy();
    expect(items[0].textContent).toContain("郑州市!E14");
    expect(items[0].textContent).toContain("人工接听量为负数");
    expect(items[0].textContent).toContain("处理：请更正为不小于 0 的整数。");
    expect(within(items[1]).getByRole("img", { name: "警告" })).toBeTruthy();
    // A problem without a place is listed but is not a button.
    expect(within(items[2]).queryByRole("button")).toBeNull();
    expect(items[2].textContent).toContain("（无对应单元格）");

    fireEvent.click(within(items[1]).getByRole("button"));
    await waitFor(() => expect(controller.selectCell).toHaveBeenCalledWith({ sheet: "开封市", cell: "E14" }));

    fireEvent.click(screen.getByRole("button", { name: zh.openValidation }));
    await waitFor(() => expect(controller.selectCell).toHaveBeenLastCalledWith({ sheet: "数据校验", cell: "A1" }));
  });

  it("filters to errors only", async () => {
    renderApp(fakeController(FILLED, { generate: async () => outcomeOf(sampleEvaluation(DATA_PROBLEMS)) }));
    fireEvent.click(await generateButton());
    const section = (await screen.findByRole("heading", { name: /数据问题/ })).closest("section")!;
    fireEvent.click(within(section).getByRole("checkbox", { name: zh.errorsOnly }));
    expect(within(section).getAllByRole("listitem")).toHaveLength(1);
  });

  it("says so in Chinese when the cell cannot be selected", async () => {
    const controller = fakeController(FILLED, {
      generate: async () => outcomeOf(sampleEvaluation(DATA_PROBLEMS)),
      selectCell: async () => {
        throw new PaneError("notFound");
      },
    });
    renderApp(controller);
    fireEvent.click(await generateButton());
    const section = (await screen.findByRole("heading", { name: /数据问题/ })).closest("section")!;
    fireEvent.click(within(section).getAllByRole("button")[0]);
    expect(await screen.findByText("无法定位单元格：找不到该工作表或单元格，可能已被删除或重命名。")).toBeTruthy();
  });
});

describe("task pane: failures are sentences, not stack traces", () => {
  it("explains a failed generation", async () => {
    const error = new Error("TypeError: Cannot read properties of undefined (reading 'values')\n    at Object.run (taskpane.js:1:2)");
    const controller = fakeController(FILLED, {
      generate: async () => {
        throw error;
      },
    });
    const { container } = renderApp(controller);
    fireEvent.click(await generateButton());
    expect(await screen.findByText("生成排名未完成：操作未能完成，请重试；如问题持续，请联系技术支持。")).toBeTruthy();
    expect(container.textContent).not.toMatch(/TypeError|at Object|taskpane\.js/);
  });

  it("maps Office's cell-edit-mode error and a host's own Chinese sentence", async () => {
    let attempt = 0;
    const controller = fakeController(FILLED, {
      generate: async () => {
        attempt++;
        if (attempt === 1)
          throw Object.assign(new Error("The operation is not supported in cell edit mode"), { code: "InvalidOperationInCellEditMode" });
        throw new PaneError("protected", "工作表“2026年10月 考评结果”受保护，请取消保护后重试。");
      },
    });
    renderApp(controller);
    fireEvent.click(await generateButton());
    expect(await screen.findByText(/生成排名未完成：Excel 正忙（可能正在编辑单元格）/)).toBeTruthy();
    const button = await generateButton();
    await waitFor(() => expect(button.getAttribute("aria-disabled")).not.toBe("true"));
    fireEvent.click(button);
    expect(await screen.findByText("生成排名未完成：工作表“2026年10月 考评结果”受保护，请取消保护后重试。")).toBeTruthy();
  });

  it("offers a retry when the workbook cannot be read", async () => {
    const controller = fakeController(FILLED);
    controller.inspect.mockRejectedValueOnce(new Error("boom"));
    renderApp(controller);
    expect(await screen.findByText("读取工作簿未完成：操作未能完成，请重试；如问题持续，请联系技术支持。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: zh.retry }));
    expect(await generateButton()).toBeTruthy();
  });

  it("shows the calendar warning for a year the calendar does not know", async () => {
    const controller = fakeController(FILLED, {
      // The engine's own answer for a year its calendar does not know.
      previewPublicity: async (published) => publicityEnd(published),
    });
    renderApp(controller);
    await generateButton();
    fireEvent.change(screen.getByLabelText(zh.publicationDate), { target: { value: "2030-12-31" } });
    expect(await screen.findByText(/节假日数据未包含 2031 年/)).toBeTruthy();
    // 2030-12-31 is a Tuesday; counting weekdays only: 01-01, 01-02, 01-03, 01-06, 01-07.
    expect(screen.getByText("公示期截止：2031-01-07（发布后第 5 个工作日）")).toBeTruthy();
  });
});

describe("task pane: import", () => {
  it("imports the chosen files and lists the problems found", async () => {
    const controller = fakeController(FILLED, {
      importFiles: async () => ({
        files: [{ name: "郑州市.xlsx", sheets: ["郑州市"], rows: 12 }],
        problems: [
          {
            severity: "error",
            code: "import.unreadable",
            message: "文件“坏.xlsx”无法读取",
            action: "请重新导出为 .xlsx。",
            at: { sheet: "郑州市", cell: "B3" },
          },
        ],
      }),
    });
    renderApp(controller);
    await generateButton();
    const input = screen.getByLabelText(zh.importLabel) as HTMLInputElement;
    const files = [new File(["x"], "郑州市.xlsx"), new File(["y"], "坏.xlsx")];
    fireEvent.change(input, { target: { files } });
    expect(screen.getByText("已选择 2 个文件")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: zh.importButton }));
    await waitFor(() => expect(controller.importFiles).toHaveBeenCalledWith(files));
    expect(await screen.findByText("已导入 1 个文件：郑州市.xlsx → 郑州市（12 行）。")).toBeTruthy();
    const section = screen.getByRole("heading", { name: /导入时发现的问题（1）/ }).closest("section")!;
    fireEvent.click(within(section).getByRole("button"));
    await waitFor(() => expect(controller.selectCell).toHaveBeenCalledWith({ sheet: "郑州市", cell: "B3" }));
  });
});
