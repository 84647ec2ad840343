/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { PERFECT } from "../../../test/support/full-marks";
import { installJsdomShims } from "../../../test/support/pane-fixtures";
import { Unit, evaluate } from "../../engine";
import { ZH_MESSAGES } from "../i18n";
import { EN_MESSAGES } from "../i18n-en";
import { UnitLosses } from "./UnitLosses";

installJsdomShims();

// By hand from PRODUCT.md §4: 开封市 A2 880/1000 = 88% → 6.50 (−3.50); 郑州市 B1 45/50 = 90% → 5.00 (−5.00)
// and one 省级 criticism −2: 郑州 60.00 is last, 开封 63.50 second, 洛阳 67.00 first.
const ZZ: Unit = { code: "410100", name: "郑州市", unitClass: "省辖市" };
const KF: Unit = { code: "410200", name: "开封市", unitClass: "省辖市" };
const LY: Unit = { code: "410300", name: "洛阳市", unitClass: "省辖市" };
const evaluation = evaluate({
  period: { kind: "month", year: 2026, month: 10 },
  units: [ZZ, KF, LY],
  records: [
    { unitCode: ZZ.code, month: "2026-10", values: { ...PERFECT, transferOnTime: 45 } },
    { unitCode: KF.code, month: "2026-10", values: { ...PERFECT, manualAnswered: 880 } },
    { unitCode: LY.code, month: "2026-10", values: PERFECT },
  ],
  events: [{ unitCode: ZZ.code, date: "2026-10-09", type: "criticism", level: "provincial", scope: "monthly" }],
});

describe("the pane's 失分分析 for a chosen unit", () => {
  it("starts at the last ranked unit and lists its losses, then its deduction", () => {
    render(<UnitLosses t={ZH_MESSAGES} evaluation={evaluation} />);
    expect((screen.getByTestId("kp-losses-unit") as HTMLSelectElement).value).toBe(ZZ.code);
    const items = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual(["限时办结率 90.00%（45/50），得 5.00 分，失 5.00 分（满分线 100.00%）", "批评曝光减 2.00 分"]);
  });

  it("shows another unit when chosen, and says so when a unit lost nothing", () => {
    render(<UnitLosses t={EN_MESSAGES} evaluation={evaluation} />);
    fireEvent.change(screen.getByTestId("kp-losses-unit"), { target: { value: KF.code } });
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "人工接通率 88.00%（880/1000），得 6.50 分，失 3.50 分（满分线 95.00%）",
    ]);
    fireEvent.change(screen.getByTestId("kp-losses-unit"), { target: { value: LY.code } });
    expect(screen.queryByRole("listitem")).toBeNull();
    expect(screen.getByText("Full points on every indicator.")).toBeTruthy();
  });
});
