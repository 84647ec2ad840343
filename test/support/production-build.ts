/**
 * The production build of the add-in, for the end-to-end test, the deployment tests and
 * `npm run bench -- bundle`: webpack (webpack.config.js, --mode production) run in a child process,
 * the files taskpane.html loads at start, and a small static HTTP server for a build folder.
 */
import { spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";

/** The project folder: the nearest one above this file with a package.json (this file may run from a bundle elsewhere, as `npm run bench` does). */
export const ROOT = projectRoot(__dirname);
export const DIST = path.join(ROOT, "dist");

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, "../..");
  }
}

/**
 * The base URL test builds are made for: an https address on a private-use name (.internal), which the
 * production build accepts, and which no test mistakes for a real deployment.
 */
export const TEST_BASE_URL = "https://kp12328.ci.internal/addin/";

/** Runs `webpack --mode production` into `outDir` (emptied first by the config's `clean`), for `baseUrl`. */
export function buildProduction(outDir: string, baseUrl = TEST_BASE_URL): Promise<{ ms: number; log: string }> {
  const started = Date.now();
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--mode", "production", "--output-path", outDir, "--env", `baseUrl=${baseUrl}`], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && fs.existsSync(path.join(outDir, "taskpane.html"))) resolve({ ms: Date.now() - started, log });
      else reject(new Error(`webpack --mode production exited with ${code}:\n${log.slice(-4000)}`));
    });
  });
}

/** What a production build is made from: its hash names the shared build folder. */
const BUILD_INPUTS = ["src", "assets", "build", "manifest.xml", "webpack.config.js", "tsconfig.json", "package.json", "package-lock.json"];

function hashInputs(baseUrl: string): string {
  const hash = createHash("sha256").update(baseUrl);
  const add = (file: string) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) for (const name of fs.readdirSync(file).sort()) add(path.join(file, name));
    else hash.update(path.relative(ROOT, file)).update("\0").update(fs.readFileSync(file));
  };
  for (const input of BUILD_INPUTS) if (fs.existsSync(path.join(ROOT, input))) add(path.join(ROOT, input));
  return hash.digest("hex").slice(0, 16);
}

/** Removes shared builds not made in the last day (other sources, other runs). */
function pruneSharedBuilds(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const done = path.join(os.tmpdir(), name, ".complete");
    if (!/^kp12328-prod-[0-9a-f]{16}$/.test(name) || !fs.existsSync(done)) continue;
    if (Date.now() - fs.statSync(done).mtimeMs > 24 * 3600_000) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A production build of the current sources for `baseUrl`, made once and shared: test files (in any
 * worker, in this run or a later one) that ask for the same sources get the same folder in the system's
 * temporary directory, named by a hash of every build input. A lock folder lets one worker build while
 * the others wait. Treat the folder as read-only.
 */
export async function sharedProductionBuild(baseUrl = TEST_BASE_URL): Promise<string> {
  const dir = path.join(os.tmpdir(), `kp12328-prod-${hashInputs(baseUrl)}`);
  const done = path.join(dir, ".complete");
  const lock = `${dir}.lock`;
  for (;;) {
    if (fs.existsSync(done)) return dir;
    try {
      fs.mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // Another worker is building; a lock older than 20 minutes belongs to a build that died.
      const stat = fs.statSync(lock, { throwIfNoEntry: false });
      if (stat && Date.now() - stat.mtimeMs > 20 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(1000);
      continue;
    }
    try {
      if (!fs.existsSync(done)) {
        await buildProduction(dir, baseUrl);
        fs.writeFileSync(done, new Date().toISOString());
        pruneSharedBuilds();
      }
      return dir;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface StartupFiles {
  /** taskpane.html and the local scripts and style sheets it references, in document order. */
  readonly local: string[];
  /** Scripts and style sheets it loads from elsewhere (office.js). */
  readonly external: string[];
}

/** What the browser fetches when it opens taskpane.html (before any lazily loaded chunk). */
export function startupFiles(dir: string): StartupFiles {
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const refs: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) refs.push(m[1] ?? m[2] ?? m[3]);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel=(?:"stylesheet"|'stylesheet'|stylesheet)/i.test(m[0])) continue;
    const href = /\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[0]);
    if (href) refs.push(href[1] ?? href[2] ?? href[3]);
  }
  const external = refs.filter((r) => /^(?:[a-z]+:)?\/\//i.test(r));
  const local = refs.filter((r) => !external.includes(r)).map((r) => r.replace(/^\.?\//, "").replace(/[?#].*$/, ""));
  return { local: ["taskpane.html", ...local], external };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  /** Paths requested, in order, with their status. */
  readonly requests: { path: string; status: number }[];
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port. */
export function serveDirectory(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const requests: StaticServer["requests"] = [];
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.resolve(root, "." + pathname);
    let status = 200;
    if (req.method !== "GET" && req.method !== "HEAD") status = 405;
    else if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) status = 404;
    requests.push({ path: pathname, status });
    if (status !== 200) {
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end(String(status));
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    if (req.method === "HEAD") res.end();
    else fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
