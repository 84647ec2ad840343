// The result of a generation (Summary), the lists of problems (ProblemList) and the generation's progress
// bar are shown only after the user acts: in the production build they are a chunk of their own, loaded when first shown and
// prefetched once the pane is ready (prefetchResultView), so the pane's start does not carry them.

import * as React from "react";

const loadSummary = () => import(/* webpackChunkName: "result-view" */ "./components/Summary");
const loadProblemList = () => import(/* webpackChunkName: "result-view" */ "./components/ProblemList");
const loadProgress = () => import(/* webpackChunkName: "result-view" */ "./components/Progress");

export const Summary = React.lazy(() => loadSummary().then((m) => ({ default: m.Summary })));
export const ProblemList = React.lazy(() => loadProblemList().then((m) => ({ default: m.ProblemList })));
/** Rendered inside a Suspense whose fallback is nothing: its Field's step text shows meanwhile. */
export const ProgressBar = React.lazy(() => loadProgress().then((m) => ({ default: m.ProgressBar })));

/** Loads the result view in the background; a failure shows only when the view is needed. */
export function prefetchResultView(): void {
  for (const load of [loadSummary, loadProblemList, loadProgress]) load().catch(() => undefined);
}
