// Every test file starts here. The suite runs on shared 2-core machines beside other work: waiting is
// allowed to take longer than on a quiet laptop, since no test measures time (benchmarks do).
import { configure } from "@testing-library/dom";

// findBy… / waitFor: the pane loads its result view and plans on demand, which a busy machine slows.
configure({ asyncUtilTimeout: 10_000 });
