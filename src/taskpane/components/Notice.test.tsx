/** @jest-environment jsdom */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { ZH_MESSAGES } from "../i18n";
import { Notice } from "./Notice";
import { installJsdomShims } from "../../../test/support/pane-fixtures";

installJsdomShims();

describe("a notice", () => {
  it("shown before its MessageBar has loaded, says the same under the same role and name, then becomes the MessageBar", async () => {
    // This file loads no notice before: the MessageBar's chunk has not been loaded yet, as at the pane's start.
    const { container } = render(
      <Notice intent="error" role="alert" t={ZH_MESSAGES}>
        无法读取工作簿
      </Notice>,
    );
    const plain = screen.getByRole("alert", { name: "错误" });
    expect(plain.textContent).toBe("无法读取工作簿");
    expect(container.querySelector(".fui-MessageBar")).toBeNull();
    const body = await screen.findByText("无法读取工作簿", { selector: ".fui-MessageBar *" });
    expect(body.closest(".fui-MessageBar")).toBe(screen.getByRole("alert", { name: "错误" }));
  });
});
