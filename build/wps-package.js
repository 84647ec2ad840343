// The WPS add-in's two deployment routes, written beside the add-in folder once webpack has emitted it
// (docs/deployment-wps.md says which to use where):
//
// - publish: publish.html (with publish.js; no inline script) lists the add-in and, on 安装, asks WPS's
//   own local service (127.0.0.1:58890, which every WPS with add-ins runs) to write the clerk's
//   jsaddons/publish.xml, pointing at the add-in folder beside publish.html on the intranet server.
//   publish.xml is that same file, for IT to copy into jsaddons/ with the folder (no server at all).
// - jsplugins.xml: for 政企 builds whose oem.ini names it ([Server] JSPluginsServer=…); it points at the
//   offline package kp12328.7z (the add-in folder, as wpsjs packs it) by file:/// URL, so nothing is
//   fetched over a network. The URL's folder is KP_WPS_PACKAGE_BASE (default file:///C:/kp12328/).
//
// The entries have the form of Kingsoft's own tool (wpsjs build / publish).

const fs = require("fs");
const path = require("path");

const ADDIN_NAME = "kp12328";
/** The add-in's folder name, as wpsjs names an offline add-in: name_version. */
const addinFolderName = (version) => `${ADDIN_NAME}_${version}`;
const PACKAGE_FILE = `${ADDIN_NAME}.7z`;
const DEFAULT_PACKAGE_BASE = "file:///C:/kp12328/";

const xmlAttr = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function publishXml(name, version) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${name}" type="et" url="${addinFolderName(version)}" version="${version}" enable="enable_dev" install="null" customDomain="" />
</jsplugins>
`;
}

function jspluginsXml(name, version, base) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${name}" type="et" url="${xmlAttr(base + PACKAGE_FILE)}" version="${version}" enable="true" />
</jsplugins>
`;
}

function publishHtml(name, version) {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>安装 12328 考评（WPS 表格加载项）</title>
    <link rel="stylesheet" href="publish.css" />
    <script src="publish.js" defer></script>
  </head>
  <body>
    <main>
      <h1>12328 考评 · WPS 表格加载项</h1>
      <p>用 WPS 表格打开考评工作簿前，在本页点“安装”一次；之后重新打开 WPS 表格，功能区出现“12328 考评”选项卡。</p>
      <table>
        <thead><tr><th scope="col">加载项</th><th scope="col">类型</th><th scope="col">版本</th><th scope="col">地址</th><th scope="col">管理</th></tr></thead>
        <tbody>
          <tr data-name="${name}" data-version="${version}" data-folder="${addinFolderName(version)}/">
            <td>${name}</td><td>电子表格</td><td>${version}</td><td id="addin-url"></td>
            <td><button type="button" id="install">安装</button> <button type="button" id="uninstall">卸载</button></td>
          </tr>
        </tbody>
      </table>
      <p id="status" role="status" aria-live="polite"></p>
      <p class="note">本页只与本机 WPS 的本地服务（127.0.0.1:58890）通信，不访问其他网址。WPS 未启动时，请先打开 WPS 再点安装。</p>
    </main>
  </body>
</html>
`;
}

/** Writes both routes and the offline package into `out`, beside the add-in folder. */
async function writePackage({ out, name, version, base = process.env.KP_WPS_PACKAGE_BASE || DEFAULT_PACKAGE_BASE }) {
  if (!/^file:\/\/\/.*\/$/.test(base)) throw new Error(`KP_WPS_PACKAGE_BASE must be a file:/// folder ending in "/": ${base}`);
  const src = path.resolve(__dirname, "..", "src", "wps");
  fs.writeFileSync(path.join(out, "publish.xml"), publishXml(name, version));
  fs.writeFileSync(path.join(out, "jsplugins.xml"), jspluginsXml(name, version, base));
  fs.writeFileSync(path.join(out, "publish.html"), publishHtml(name, version));
  fs.copyFileSync(path.join(src, "publish.js"), path.join(out, "publish.js"));
  fs.copyFileSync(path.join(src, "publish.css"), path.join(out, "publish.css"));
  await sevenZip(out, addinFolderName(version), PACKAGE_FILE);
}

/** `folder` (inside `cwd`) packed into `archive` with 7-Zip (compiled to WASM: no native binary). */
async function sevenZip(cwd, folder, archive) {
  const SevenZip = require("7z-wasm");
  const zip = await SevenZip({ print: () => {}, printErr: () => {} });
  const mount = "/work";
  zip.FS.mkdir(mount);
  zip.FS.mount(zip.NODEFS, { root: cwd }, mount);
  zip.FS.chdir(mount);
  fs.rmSync(path.join(cwd, archive), { force: true });
  zip.callMain(["a", "-t7z", "-mx=9", "-bso0", "-bsp0", archive, folder]);
  if (!fs.existsSync(path.join(cwd, archive))) throw new Error(`7-Zip did not write ${archive}`);
}

/** Runs writePackage once webpack has written the add-in folder. */
class WpsPackagePlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise("WpsPackagePlugin", () => writePackage(this.options));
  }
}

module.exports = { ADDIN_NAME, PACKAGE_FILE, DEFAULT_PACKAGE_BASE, WpsPackagePlugin, addinFolderName, writePackage };
