/**
 * Browser stand-in for WPS 表格 in the WPS pane's end-to-end test: bundled into one classic script that runs
 * before the task pane's scripts and sets up what WPS would — `window.Application` / `window.wps`, the
 * in-memory ET host (test/support/memory-et) holding the demo workbook beside a sheet of the user's own,
 * and the add-in root's PluginStorage (the main page registered the KAOPING functions, or found none:
 * `?functions=none`). The test reads the host through `window.__et`.
 */
import { DEMO_EVENTS, DEMO_YEAR, demoValues, describeTemplate } from "../../src/workbook";
import { EtHost, createEt, viewOfMemoryEt } from "../support/memory-et";
import { USER_CELLS, USER_SHEET } from "./user-sheet";

export interface EtStandIn {
  readonly host: EtHost;
  sheets(): { name: string; visibility: string }[];
  view(): ReturnType<typeof viewOfMemoryEt>;
}

const { host, app } = createEt({ [USER_SHEET]: USER_CELLS });
for (const spec of describeTemplate({ year: DEMO_YEAR, values: (u, m) => demoValues(u as never, m), events: DEMO_EVENTS })) {
  const sheet = host.addSheet(spec.name);
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell || cell.value === null) return;
      sheet.cells.set(`${r},${c}`, {
        value: cell.value,
        numberFormat: cell.numberFormat ?? (typeof cell.value === "string" ? "@" : undefined),
      });
    }),
  );
  if (spec.hidden || spec.role === "registry") sheet.visible = 2;
}
host.resetCalls();

const storage = new Map<string, string>([
  ["kp12328.functions", new URLSearchParams(location.search).get("functions") === "none" ? "unsupported" : "registered"],
]);
const addon: Record<string, unknown> = {
  PluginStorage: { getItem: (k: string) => storage.get(k) ?? "", setItem: (k: string, v: unknown) => void storage.set(k, String(v)) },
};
// The add-in root: its own members, and ET's (every ET call counted by the host).
const root = new Proxy(addon, {
  get: (target, key) => (key in target ? target[key as string] : (app as unknown as Record<PropertyKey, unknown>)[key]),
  has: (target, key) => key in target || key in app,
  set: (_target, key, value) => Reflect.set(app, key, value),
});
Object.assign(window, {
  Application: root,
  wps: root,
  __et: {
    host,
    sheets: () => host.sheets.map((s) => ({ name: s.name, visibility: String(s.visible) })),
    view: () => viewOfMemoryEt(host),
  } satisfies EtStandIn,
});
