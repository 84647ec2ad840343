/**
 * The browser side of the end-to-end tests: the production build served on 127.0.0.1, headless
 * Chromium (Debian's /usr/bin/chromium via playwright-core), and the in-memory Excel host
 * (office-stand-in.ts) served in place of office.js. Nothing leaves the machine: every other
 * non-local request is refused and recorded.
 */
import * as esbuild from "esbuild";
import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContext, Page, chromium } from "playwright-core";
import { ROOT, StaticServer, serveDirectory, sharedProductionBuild } from "../support/production-build";
import type { StandIn, StandInScene } from "./office-stand-in";

export const CHROMIUM = process.env.KP_CHROMIUM ?? "/usr/bin/chromium";
export const OUTPUT = path.join(ROOT, "test-output");
export const haveChromium = fs.existsSync(CHROMIUM);

/** `window.__kp` in the page (set by the stand-in). */
export type PageWindow = Window & { __kp: StandIn };

export interface Harness {
  readonly dist: string;
  readonly server: StaticServer;
  readonly browser: Browser;
  readonly timings: Record<string, number>;
  /** A new browser context (own viewport, pixel ratio and clock) with the stand-in routed in. */
  open(options?: OpenOptions): Promise<PaneSession>;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly scene?: StandInScene;
  /** CSS pixels; default 360 × 900. */
  readonly width?: number;
  readonly height?: number;
  /** Device pixels per CSS pixel; 2 with half the width is the same page as 200 % zoom. */
  readonly deviceScaleFactor?: number;
}

export interface PaneSession {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
  readonly refused: string[];
  close(): Promise<void>;
}

/** The office.js stand-in as one script for the page (also the `pane` benchmark's; from ROOT, as that runs from a bundle). */
export async function bundleStandIn(): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [path.join(ROOT, "test", "e2e", "office-stand-in.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0].text;
}

/**
 * Takes the production build (KP_E2E_DIST, else the build of the current sources shared with the
 * deployment tests), bundles the stand-in, serves the build and launches Chromium.
 */
export async function startHarness(): Promise<Harness> {
  const timings: Record<string, number> = {};
  let t = Date.now();
  const dist = process.env.KP_E2E_DIST ? path.resolve(process.env.KP_E2E_DIST) : await sharedProductionBuild();
  timings.build = Date.now() - t;

  t = Date.now();
  const standInScript = await bundleStandIn();
  timings.standIn = Date.now() - t;

  const server = await serveDirectory(dist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  fs.mkdirSync(OUTPUT, { recursive: true });

  const open = async (options: OpenOptions = {}): Promise<PaneSession> => {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 360, height: options.height ?? 900 },
      locale: "zh-CN",
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
    });
    // "Now" is early November 2026, when October is ranked (the pane's default period and years).
    await context.clock.setFixedTime(new Date(2026, 10, 3, 9, 30));
    const session: PaneSession = {
      context,
      page: undefined as unknown as Page,
      pageErrors: [],
      consoleErrors: [],
      refused: [],
      close: () => context.close(),
    };
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      if (/^https:\/\/appsforoffice\.microsoft\.com\//.test(url)) {
        return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: standInScript });
      }
      session.refused.push(url);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => session.pageErrors.push(e.stack ?? e.message));
    page.on("console", (m) => {
      if (m.type() === "error") session.consoleErrors.push(`${m.text()} (${m.location().url}:${m.location().lineNumber})`);
    });
    Object.assign(session, { page });
    const query = new URLSearchParams(Object.entries(options.scene ?? {}).filter(([, v]) => v !== undefined) as [string, string][]);
    await page.goto(`${server.url}taskpane.html${query.size ? `?${query}` : ""}`);
    return session;
  };

  return {
    dist,
    server,
    browser,
    timings,
    open,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
