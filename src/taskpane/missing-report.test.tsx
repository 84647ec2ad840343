/** @jest-environment jsdom */
// The pane's problem list names a unit that did not report (缺报), through the real Office controller on
// the in-memory Excel host; and an empty workbook no longer reads "未发现数据问题" beside its 缺报 units.
import { TextEncoder } from "util";
import { fireEvent, screen, within } from "@testing-library/react";
import { installJsdomShims, renderApp } from "../../test/support/pane-fixtures";
import { UNITS, EVENTS, OCT_ROW, octoberValues } from "../../test/support/four-units";

// jsdom has no TextEncoder; the Office adapter and the in-memory host measure requests with it at load.
Object.assign(globalThis, { TextEncoder });
const { createOfficeController } = require("./host/office-controller") as typeof import("./host/office-controller");
const { installGlobals, setCells } = require("../../test/support/memory-excel") as typeof import("../../test/support/memory-excel");
const { yearWorkbook } = require("../../test/support/synthetic-workbooks") as typeof import("../../test/support/synthetic-workbooks");

beforeAll(installJsdomShims);

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function paneOnFourUnits(edit: (host: ReturnType<typeof yearWorkbook>) => void) {
  const host = yearWorkbook({ units: UNITS, values: octoberValues, events: EVENTS });
  edit(host);
  const globals = installGlobals(host);
  uninstall = globals.uninstall;
  return createOfficeController({
    run: (batch) => host.run(batch),
    isSetSupported: (name, version) => globals.Office.context.requirements.isSetSupported(name, version),
    now: () => new Date(2026, 10, 3, 9, 0),
  });
}

describe("the pane's problem list", () => {
  it("names the unit whose month figures were removed, and the summary says 草稿", async () => {
    // 乙市's October figures removed: the row keeps its month and holds nothing else.
    renderApp(paneOnFourUnits((host) => setCells(host, "乙市", `B${OCT_ROW}`, [Array(21).fill("")])));
    fireEvent.click(await screen.findByRole("button", { name: /生成 2026年10月 排名/ }));
    await screen.findByTestId("kp-status");
    const list = await screen.findByRole("list", { name: /数据问题/ });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining("乙市 2026年10月 未报送数据（缺报），本期不参与排名")]);
    expect(within(list).getByRole("button", { name: /乙市!A1/ })).toBeTruthy();
    expect(screen.getByTestId("kp-status").textContent).toBe("草稿");
    expect(screen.getByTestId("kp-problem-count").textContent).toBe("发现 1 个错误、0 个警告");
  });
});
