// manifest.xml and the production manifest (dist/manifest.prod.xml) validate against Microsoft's add-in
// manifest XSDs (test/schemas/, with their sources and the shared-runtime patch in SOURCES.md), checked
// with xmllint (Debian libxml2-utils). The same check refuses manifests Office would refuse, so the
// schemas are known to be in force.
//
// Without xmllint the test is skipped, unless CI is set (then it fails); .ci/run installs it.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, TEST_BASE_URL } from "./support/production-build";

const { productionManifest } = require("../build/deployment") as { productionManifest(xml: string, baseUrl: string): string };

const SCHEMA = path.join(ROOT, "test", "schemas", "OfficeAppManifestV1_1.xsd");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const haveXmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!haveXmllint && !process.env.CI)
  console.warn("manifest-schema: skipped — no xmllint (apt-get install libxml2-utils; .ci/run installs it).");
const describeXsd = haveXmllint || process.env.CI ? describe : describe.skip;

/** xmllint's verdict on a manifest: exit status 0 and "validates", or the errors it printed. */
function validate(xml: string): { ok: boolean; errors: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp12328-xsd-"));
  try {
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, xml);
    const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, file], { encoding: "utf8" });
    if (run.error) throw run.error;
    return { ok: run.status === 0 && /validates/.test(run.stderr), errors: run.stderr.trim() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeXsd("the manifests against Microsoft's XSDs", () => {
  beforeAll(() => {
    if (!haveXmllint) throw new Error("CI is set but xmllint is missing: .ci/run should have installed libxml2-utils.");
  });

  it("accepts manifest.xml", () => {
    expect(validate(MANIFEST)).toEqual({ ok: true, errors: expect.stringContaining("validates") });
  });

  it("refuses what Office refuses: a Runtime after AllFormFactors, an unknown lifetime, an undeclared element", () => {
    const runtimes = /\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(MANIFEST)![0];
    const moved = MANIFEST.replace(runtimes, "").replace("</AllFormFactors>", `</AllFormFactors>${runtimes}`);
    expect(validate(moved).ok).toBe(false);
    expect(validate(MANIFEST.replace('lifetime="long"', 'lifetime="forever"')).ok).toBe(false);
    expect(validate(MANIFEST.replace("<Permissions>", "<Colour>blue</Colour><Permissions>")).ok).toBe(false);
    expect(validate(MANIFEST.replace('<Set Name="ExcelApi" MinVersion="1.7" />', '<Set Name="ExcelApi" MinVersion="one" />')).ok).toBe(
      false,
    );
  });

  it("accepts the production manifest, as the build writes it (deployment.heavy.test.ts checks the build writes exactly this)", () => {
    expect(validate(productionManifest(MANIFEST, TEST_BASE_URL))).toEqual({ ok: true, errors: expect.stringContaining("validates") });
  });
});
