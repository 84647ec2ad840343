// Building for a real office: `npm run build` takes the base URL the add-in is served from (KP12328_BASE_URL
// or `--env baseUrl=…`), refuses a placeholder, local or plain-http address with one line on stderr, and
// writes dist/manifest.prod.xml whose every URL is https on that base and names a file of the build.
// A development build keeps https://localhost:3000/. (docs/deployment.md; build/deployment.js.)
// What a real build writes is checked in deployment.heavy.test.ts (webpack runs there).

import * as fs from "fs";
import * as path from "path";
import { ROOT, TEST_BASE_URL } from "./support/production-build";

interface Deployment {
  BASE_URL_VARIABLE: string;
  DEV_BASE_URL: string;
  isPlaceholderHost(hostname: string): boolean;
  manifestUrls(xml: string): string[];
  productionBaseUrl(env: Record<string, unknown> | undefined, environment: Record<string, string | undefined>): string;
  productionManifest(xml: string, baseUrl: string): string;
}
const deployment = require("../build/deployment") as Deployment;
const { productionBaseUrl, productionManifest, manifestUrls } = deployment;

const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** The message a refused base URL gives (the function throws; the build prints it and exits 1). */
function refusal(env: Record<string, unknown> | undefined, environment: Record<string, string | undefined> = {}): string {
  try {
    productionBaseUrl(env, environment);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("accepted");
}

describe("the production base URL", () => {
  it("comes from --env baseUrl, else from KP12328_BASE_URL, and always ends in a slash", () => {
    expect(deployment.BASE_URL_VARIABLE).toBe("KP12328_BASE_URL");
    expect(productionBaseUrl({ baseUrl: "https://oa.hnjt.gov.cn/addins/kp12328" }, {})).toBe("https://oa.hnjt.gov.cn/addins/kp12328/");
    expect(productionBaseUrl({}, { KP12328_BASE_URL: "https://10.12.0.8:8443/kp/" })).toBe("https://10.12.0.8:8443/kp/");
    expect(productionBaseUrl({ baseUrl: "https://a.hnjt.gov.cn/" }, { KP12328_BASE_URL: "https://b.hnjt.gov.cn/" })).toBe(
      "https://a.hnjt.gov.cn/",
    );
    expect(productionBaseUrl(undefined, { KP12328_BASE_URL: " https://kp.hn12328.cn " })).toBe("https://kp.hn12328.cn/");
  });

  it("is required, and must be https on a real host without query, fragment or credentials", () => {
    expect(refusal({})).toMatch(/needs the HTTPS address.*KP12328_BASE_URL=.*--env baseUrl=/);
    expect(refusal({ baseUrl: "  " })).toMatch(/needs the HTTPS address/);
    expect(refusal({ baseUrl: "http://oa.hnjt.gov.cn/kp/" })).toMatch(/must use https/);
    expect(refusal({ baseUrl: "oa.hnjt.gov.cn/kp" })).toMatch(/is not a URL/);
    expect(refusal({ baseUrl: "https://oa.hnjt.gov.cn/kp/?v=2" })).toMatch(/without query/);
    expect(refusal({ baseUrl: "https://user:pw@oa.hnjt.gov.cn/kp/" })).toMatch(/credentials/);
    for (const placeholder of [
      "https://addin.example.com/kp12328/",
      "https://example.org/",
      "https://localhost:3000/",
      "https://LOCALHOST/",
      "https://127.0.0.1/",
      "https://[::1]/",
      "https://kp.test/",
      "https://kp.invalid/",
      "https://foo.localhost/",
    ])
      expect(refusal({ baseUrl: placeholder })).toMatch(/placeholder or local address/);
    // Every message is one line that names both ways to give the address.
    expect(refusal({ baseUrl: "https://addin.example.com/kp12328/" })).toMatch(
      /^kp12328 build: [^\n]*KP12328_BASE_URL[^\n]*--env baseUrl=[^\n]*$/,
    );
  });

  it("accepts the private-use address the tests build for", () => {
    expect(productionBaseUrl({ baseUrl: TEST_BASE_URL }, {})).toBe(TEST_BASE_URL);
  });
});

describe("the production manifest (function)", () => {
  it("points every development URL at the base URL and leaves the rest of the manifest as it is", () => {
    const prod = productionManifest(MANIFEST, "https://oa.hnjt.gov.cn/kp12328/");
    const urls = manifestUrls(prod);
    expect(urls).toHaveLength(manifestUrls(MANIFEST).length);
    expect(urls.length).toBeGreaterThanOrEqual(14);
    for (const u of urls) expect(u.startsWith("https://oa.hnjt.gov.cn/kp12328/")).toBe(true);
    expect(prod.split("https://oa.hnjt.gov.cn/kp12328/").join("https://localhost:3000/")).toBe(MANIFEST);
  });

  it("does not count XML namespaces or comments as URLs", () => {
    const xml = `<a xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"><!-- see https://localhost:3000/ --><b DefaultValue="https://h.cn/x.png"/><c>https://h.cn/y</c></a>`;
    expect(manifestUrls(xml)).toEqual(["https://h.cn/x.png", "https://h.cn/y"]);
  });

  it("refuses a manifest that would still name a local or placeholder host", () => {
    const stray = MANIFEST.replace(
      'DefaultValue="https://localhost:3000/support.html"',
      'DefaultValue="https://localhost:8080/support.html"',
    );
    expect(() => productionManifest(stray, "https://oa.hnjt.gov.cn/kp12328/")).toThrow(
      /would still name https:\/\/localhost:8080\/support.html/,
    );
  });
});

describe("webpack.config.js", () => {
  type Config = {
    plugins: { constructor: { name: string }; patterns?: { from: string; to: string; transform?: (c: Buffer) => unknown }[] }[];
  };
  const config = require("../webpack.config.js") as (env: Record<string, unknown>, options: { mode: string }) => Promise<Config>;
  const manifestTransform = async (mode: string, env: Record<string, unknown>) => {
    const copy = (await config({ WEBPACK_BUILD: true, ...env }, { mode })).plugins.find((p) => p.constructor.name === "CopyPlugin")!;
    const pattern = copy.patterns!.find((p) => p.from === "manifest*.xml")!;
    return { to: pattern.to, out: String(pattern.transform!(Buffer.from(MANIFEST))) };
  };

  it("keeps https://localhost:3000/ in a development build (manifest.dev.xml)", async () => {
    const { to, out } = await manifestTransform("development", { baseUrl: "https://oa.hnjt.gov.cn/kp12328/" });
    expect(to).toBe("[name].dev[ext]");
    expect(out).toBe(MANIFEST);
  });

  it("writes manifest.prod.xml for the given base URL in a production build", async () => {
    const { to, out } = await manifestTransform("production", { baseUrl: "https://oa.hnjt.gov.cn/kp12328" });
    expect(to).toBe("[name].prod[ext]");
    expect(manifestUrls(out).every((u) => u.startsWith("https://oa.hnjt.gov.cn/kp12328/"))).toBe(true);
  });
});
