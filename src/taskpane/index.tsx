// The task pane's entry (taskpane.html, shared runtime): wait for Office, then for the pane to be shown
// (host/start-up.ts: the runtime may be running only for the custom functions), build the Office-side
// controller, render the pane. Nothing here runs Excel commands itself.

import { createOfficeController } from "./host/office-controller";
import { missingCapability, officeAddin, whenPaneShown } from "./host/start-up";
import { mountPane } from "./mount";

const container = document.getElementById("container");
// office.js did not load (an intranet without Microsoft's CDN): a sentence, not a page that stays blank.
if (typeof Office === "undefined") {
  if (container) void mountPane(container, null, { displayLanguage: navigator.language, unavailable: (t) => t.officeUnavailable });
} else
  Office.onReady((info) => {
    if (!container) return;
    const inExcel = info.host === Office.HostType.Excel;
    // officeTheme is part of Office's common API (no requirement set) but absent on some hosts: read it guarded.
    const context: Partial<Office.Context> | undefined = Office.context;
    const environment = { displayLanguage: context?.displayLanguage, officeTheme: context?.officeTheme ?? null };
    const missing = inExcel ? missingCapability((set, version) => Office.context.requirements.isSetSupported(set, version)) : undefined;
    if (missing) {
      void mountPane(container, null, { ...environment, unavailable: (t) => t.unsupportedExcel(missing) });
      return;
    }
    void whenPaneShown(document, inExcel ? officeAddin() : undefined).then(() =>
      mountPane(container, inExcel ? createOfficeController() : null, environment),
    );
  });
