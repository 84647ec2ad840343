/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { PaneError } from "./controller";
import { describeError, languageFrom } from "./i18n";
import { mountPane } from "./mount";
import {
  DATA_PROBLEMS,
  FILLED,
  PANE_TODAY,
  fakeController,
  installJsdomShims,
  mountTarget,
  outcomeOf,
  sampleEvaluation,
  messagesFor,
} from "../../test/support/pane-fixtures";

beforeAll(installJsdomShims);

const target = mountTarget();

async function mount(
  displayLanguage: string | undefined,
  controller = fakeController(FILLED, { generate: async () => outcomeOf(sampleEvaluation(DATA_PROBLEMS)) }),
) {
  await act(async () => {
    target.keep(await mountPane(target.container(), controller, { displayLanguage, today: PANE_TODAY }));
  });
  return controller;
}

describe("language", () => {
  it.each([
    ["en-US", "en"],
    ["en-GB", "en"],
    ["EN", "en"],
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["fr-FR", "zh"],
    ["", "zh"],
    [undefined, "zh"],
  ])("display language %p → %p", (display, lang) => {
    expect(languageFrom(display)).toBe(lang);
  });

  it("shows the pane in English when Office's display language is en-US", async () => {
    const controller = await mount("en-US");
    expect(document.documentElement.lang).toBe("en");
    expect(await screen.findByRole("heading", { name: "Generate the ranking" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Quarter" })).toBeTruthy();
    expect(screen.getByLabelText("Publication date (optional)")).toBeTruthy();
    const button = screen.getByRole("button", { name: "Generate the ranking for October 2026" });
    fireEvent.click(button);
    await waitFor(() => expect(controller.generate).toHaveBeenCalled());
    expect((await screen.findByTestId("kp-status")).textContent).toBe("Draft (草稿)");
    expect(screen.getByText("1 error and 2 warnings found")).toBeTruthy();
    expect(screen.getByText("Messages are in Chinese, as in the 数据校验 sheet.")).toBeTruthy();
    expect(screen.getByText(/开封市 and 洛阳市 both scored 63\.50; connection rate 97\.31% places 开封市 No\. 2/)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Data problems (3)" })).toBeTruthy();
    // No Chinese UI chrome: the Chinese button text is absent.
    expect(screen.queryByText(/生成 .* 排名/)).toBeNull();
  });

  it("shows the pane in Chinese for zh-CN", async () => {
    await mount("zh-CN");
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(await screen.findByRole("button", { name: "生成 2026年10月 排名" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "12328 考评" })).toBeTruthy();
  });

  it("says to open it in Excel when there is no Excel", async () => {
    await act(async () => {
      target.keep(await mountPane(target.container(), null, { displayLanguage: "en-US" }));
    });
    expect(screen.getByText(/Open this add-in in Excel/)).toBeTruthy();
  });

  it("explains errors in the pane's language without the exception text", () => {
    const en = messagesFor("en");
    const zh = messagesFor("zh");
    const host = new PaneError("unreadableFile", "文件“坏.xlsx”不是有效的 .xlsx 工作簿。");
    expect(describeError(host, "import", zh)).toBe("导入未完成：文件“坏.xlsx”不是有效的 .xlsx 工作簿。");
    expect(describeError(host, "import", en)).toBe(
      "The import did not complete: The file cannot be read. Make sure it is an .xlsx Excel workbook.",
    );
    const raw = new Error("RangeError: Maximum call stack size exceeded\n    at f (x.js:1:1)");
    for (const t of [zh, en]) {
      const text = describeError(raw, "generate", t);
      expect(text).not.toMatch(/RangeError|x\.js|Maximum/);
    }
    expect(describeError({ code: "AccessDenied" }, "setup", zh)).toBe("创建表格未完成：要写入的工作表受保护，请取消保护后重试。");
    expect(describeError("a string", "select", en)).toBe(
      "Could not go to the cell: The action did not complete. Try again; if it keeps failing, contact support.",
    );
  });

  it("has the same messages in both languages", () => {
    const keys = (o: object) => Object.keys(o).sort();
    const zh = messagesFor("zh");
    const en = messagesFor("en");
    expect(keys(en)).toEqual(keys(zh));
    expect(keys(en.steps)).toEqual(keys(zh.steps));
    expect(keys(en.errors)).toEqual(keys(zh.errors));
  });
});
