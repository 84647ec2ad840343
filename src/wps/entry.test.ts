/** @jest-environment jsdom */
// The WPS entry: the KAOPING functions registered where WPS has AddCustomFunction (detected, not assumed
// from a version), the pane's line where it has not, and the ribbon button's one task pane.

import { KAOPING_FUNCTIONS } from "../functions/declared";
import { registerCustomFunctions } from "./custom-functions";
import { togglePane } from "./ribbon";
import { FUNCTIONS_SINCE, functionsNotice } from "./taskpane-notice";
import type { WpsAddonRoot } from "./wps-root";

test("every KAOPING function is registered under KAOPING, with its help, where WPS has AddCustomFunction", () => {
  const added: { namespace: string; name: string; callback: (...a: unknown[]) => unknown; meta: unknown }[] = [];
  const state = registerCustomFunctions(
    { AddCustomFunction: (namespace, name, callback, meta) => void added.push({ namespace, name, callback: callback as never, meta }) },
    [{ id: "RATE", description: "比率", parameters: [{ name: "numerator", description: "分子" }], result: { type: "number" } }],
  );
  expect(state).toBe("registered");
  expect(added.map((a) => `${a.namespace}.${a.name}`)).toEqual(KAOPING_FUNCTIONS.map((f) => `KAOPING.${f.id}`));
  expect(added[0].meta).toMatchObject({
    description: "比率",
    parameters: [{ name: "numerator", description: "分子" }, { name: "denominator" }],
  });
  // 人工接听量 3 of 人工排队量 4: 0.75; a zero denominator shows #DIV/0! as the cell's text.
  expect(added[0].callback(3, 4)).toBe(0.75);
  expect(added[0].callback(3, 0)).toBe("#DIV/0!");
  // An error cell handed over as ET's COM error number (#N/A = 0x800A07FA) is that error, passed on.
  expect(added[0].callback((0x800a0000 | 2042) >> 0, 4)).toBe("#N/A");
});

test("without AddCustomFunction nothing is registered, and the pane says which WPS the functions need", () => {
  expect(registerCustomFunctions({})).toBe("unsupported");
  expect(functionsNotice("unsupported")).toContain(`WPS ${FUNCTIONS_SINCE} 或更高版本`);
  expect(functionsNotice("registered")).toBeUndefined();
});

test("考评排名 creates the task pane once and then shows or hides it", () => {
  const storage = new Map<string, string>();
  const pane = { ID: 7, Visible: false, DockPosition: 0 };
  let created = 0;
  const wps = {
    PluginStorage: { getItem: (k: string) => storage.get(k) ?? "", setItem: (k: string, v: unknown) => void storage.set(k, String(v)) },
    CreateTaskPane: (url: string) => {
      created++;
      expect(url).toBe("file:///addin/taskpane.html");
      return pane;
    },
    GetTaskPane: (id: number) => (id === 7 ? pane : undefined),
  } as unknown as WpsAddonRoot;
  togglePane(wps, "file:///addin/taskpane.html");
  expect([created, pane.Visible, pane.DockPosition]).toEqual([1, true, 2]);
  togglePane(wps, "file:///addin/taskpane.html");
  expect([created, pane.Visible]).toEqual([1, false]);
});
