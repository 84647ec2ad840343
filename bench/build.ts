// The production build the `bundle`, `pane` and `functions` sections measure: webpack --mode production
// of the current sources, made once per bench run (test/support/production-build.ts keys the build folder
// by a hash of every build input, so a build of the same sources made earlier, e.g. by the browser test,
// is reused; a changed source always gives a new build, never a stale dist/).

import { sharedProductionBuild } from "../test/support/production-build";

let build: Promise<string> | undefined;

/** The build to measure; KP_BENCH_DIST=<folder> measures another one (an earlier release's, for a before/after). */
export function productionBuild(): Promise<string> {
  const other = process.env.KP_BENCH_DIST;
  if (other) return Promise.resolve(other);
  build ??= (async () => {
    const started = Date.now();
    const dir = await sharedProductionBuild();
    const s = (Date.now() - started) / 1000;
    console.log(`  production build of the current sources: ${dir}${s > 2 ? ` (built in ${s.toFixed(0)} s)` : " (already built)"}`);
    return dir;
  })();
  return build;
}

/** "goal …, figure …: met / NOT MET" — every section's verdict line. */
export function verdict(what: string, figure: string, goal: string, met: boolean): string {
  return `  ${what}: ${figure} (goal ${goal}) — ${met ? "met" : "NOT MET"}`;
}
