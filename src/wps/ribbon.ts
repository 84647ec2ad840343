// The WPS add-in's main page (index.html → main.js): the ribbon's callbacks, named in ribbon.xml, and the
// KAOPING functions registered where this WPS has custom functions. WPS calls the callbacks by name on
// `window`, synchronously: none of them is async (some builds ignore a callback that returns a promise).

import { registerCustomFunctions } from "./custom-functions";
import { FUNCTIONS_KEY, TASK_PANE_KEY, WpsAddonRoot, addonRoot } from "./wps-root";

/** The add-in's folder, from this page's address: the task pane and the button's image are beside it. */
function addinFolder(): string {
  const href = window.location.href.split(/[?#]/)[0];
  return href.slice(0, href.lastIndexOf("/"));
}

/** The first callback WPS makes: keeps the ribbon, registers the functions, and says which way that went. */
function OnAddinLoad(ribbonUI: unknown): boolean {
  const wps = addonRoot();
  if (!wps) return true;
  (wps as { ribbonUI?: unknown }).ribbonUI ??= ribbonUI;
  wps.PluginStorage.setItem(FUNCTIONS_KEY, registerCustomFunctions(wps));
  return true;
}

/** 考评排名: shows the task pane, created once and kept (its id in PluginStorage), or hides it again. */
function OnAction(control: { Id: string }): boolean {
  const wps = addonRoot();
  if (!wps || control.Id !== "kp12328Rank") return true;
  togglePane(wps, `${addinFolder()}/taskpane.html`);
  return true;
}

export function togglePane(wps: WpsAddonRoot, url: string): void {
  const id = wps.PluginStorage.getItem(TASK_PANE_KEY);
  if (id) {
    const pane = wps.GetTaskPane(Number(id));
    pane.Visible = !pane.Visible;
    return;
  }
  const pane = wps.CreateTaskPane(url, "12328 考评");
  wps.PluginStorage.setItem(TASK_PANE_KEY, pane.ID);
  pane.DockPosition = 2 as WPS.CustomTaskpane["DockPosition"];
  pane.Visible = true;
}

function GetImage(control: { Id: string }): string {
  return control.Id === "kp12328Rank" ? "assets/icon-32.png" : "";
}

Object.assign(window, { OnAddinLoad, OnAction, GetImage });
