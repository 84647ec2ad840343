// The task pane's entry (taskpane.html, shared runtime): wait for Office, then for the pane to be shown
// (host/start-up.ts: the runtime may be running only for the custom functions), build the Office-side
// controller, render the pane. Nothing here runs Excel commands itself.

import { createOfficeController } from "./host/office-controller";
import { officeAddin, whenPaneShown } from "./host/start-up";
import { mountPane } from "./mount";

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  const inExcel = info.host === Office.HostType.Excel;
  void whenPaneShown(document, inExcel ? officeAddin() : undefined).then(() => {
    // officeTheme is part of Office's common API (no requirement set) but absent on some hosts: read it guarded.
    const context: Partial<Office.Context> | undefined = Office.context;
    return mountPane(container, inExcel ? createOfficeController() : null, {
      displayLanguage: context?.displayLanguage,
      officeTheme: context?.officeTheme ?? null,
    });
  });
});
