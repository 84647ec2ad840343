// The WPS task pane (taskpane.html, opened by the 考评排名 button): the same React pane as in Excel, with
// the WPS controller behind PaneController, in Chinese. Where this WPS has no custom functions (before
// 12.1.0.20540), the pane still ranks and says that the KAOPING functions need a newer WPS.

import "./compat";
import { mountPane } from "../taskpane/mount";
import { createWpsController } from "./controller";
import { FUNCTIONS_KEY, addonRoot } from "./wps-root";
import { functionsNotice } from "./taskpane-notice";

const container = document.getElementById("container");
const wps = addonRoot();
if (container)
  void mountPane(container, wps ? createWpsController(wps) : null, {
    displayLanguage: "zh-CN",
    notice: wps ? functionsNotice(wps.PluginStorage.getItem(FUNCTIONS_KEY)) : undefined,
  });
