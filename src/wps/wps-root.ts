// The part of a WPS 加载项's global root (`window.wps`, also `window.Application`) the entry uses beside
// ET's object model, cut out of Kingsoft's declarations (et-jsapi-declare's addon typings).

/// <reference types="et-jsapi-declare" />

import type { EtApplication } from "../adapters/wps/et-model";

export interface WpsAddonRoot extends Pick<WPS.AddonRoot, "CreateTaskPane" | "GetTaskPane" | "PluginStorage"> {
  /** WPS 12.1.0.20540 and later; absent before. */
  readonly AddCustomFunction?: WPS.EtAddonRoot["AddCustomFunction"];
}

/** PluginStorage keys, shared by the add-in's pages (the main page and the task pane). */
export const TASK_PANE_KEY = "kp12328.taskPane";
export const FUNCTIONS_KEY = "kp12328.functions";

/** The root WPS gives the add-in's pages, or undefined in a plain browser. */
export function addonRoot(): (WpsAddonRoot & EtApplication) | undefined {
  const w = window as unknown as { wps?: WpsAddonRoot & EtApplication; Application?: WpsAddonRoot & EtApplication };
  return w.Application ?? w.wps;
}
