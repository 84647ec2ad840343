// publish.html's script: asks WPS's local service on this machine (127.0.0.1:58890, which WPS runs for its
// add-ins) to add this add-in to the clerk's jsaddons/publish.xml, or to remove it. The add-in's folder is
// the one beside this page on the intranet server. Plain ES5: it runs in any browser a clerk has.
/* global document, window, XMLHttpRequest */
(function () {
  "use strict";
  var SERVICE = "http://127.0.0.1:58890/deployaddons/runParams";
  var row = document.querySelector("tr[data-name]");
  var status = document.getElementById("status");
  var folder = new URL(row.getAttribute("data-folder"), window.location.href).href;
  document.getElementById("addin-url").textContent = folder;

  /** Base64 of the UTF-8 bytes, as WPS's service reads its parameters. */
  function base64(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary);
  }

  function send(cmd) {
    var data = {
      cmd: cmd,
      name: row.getAttribute("data-name"),
      url: folder,
      addonType: "et",
      online: "true",
      version: row.getAttribute("data-version"),
      customDomain: "",
    };
    status.textContent = "正在联系本机的 WPS…";
    var request = new XMLHttpRequest();
    request.open("POST", SERVICE);
    request.timeout = 5000;
    request.onload = function () {
      var ok = request.status === 200 && (request.responseText === "OK" || request.responseText === "");
      status.textContent = ok
        ? cmd === "enable"
          ? "已安装。请关闭并重新打开 WPS 表格，功能区会出现“12328 考评”。"
          : "已卸载。重新打开 WPS 表格后生效。"
        : "WPS 拒绝了这次配置（" + request.status + "）。请联系信息中心。";
    };
    request.onerror = request.ontimeout = function () {
      status.textContent = "联系不上本机的 WPS：请先打开 WPS Office，再点一次。";
    };
    request.send(base64(JSON.stringify(data)));
  }

  document.getElementById("install").addEventListener("click", function () {
    send("enable");
  });
  document.getElementById("uninstall").addEventListener("click", function () {
    send("disable");
  });
})();
