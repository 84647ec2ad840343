// The task pane's entry (taskpane.html, shared runtime): wait for Office, build the Office-side
// controller, render the pane. Nothing here runs Excel commands itself.

import { createOfficeController } from "./host/office-controller";
import { mountPane } from "./mount";

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  const inExcel = info.host === Office.HostType.Excel;
  mountPane(container, inExcel ? createOfficeController() : null, Office.context?.displayLanguage);
});
