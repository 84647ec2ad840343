// The functions.json Excel reads: generated from the JSDoc of src/functions/functions.ts, with
// allowErrorForDataTypeAny set (so a range holding an error still reaches the function) and without
// allowCustomDataForDataTypeAny (so cells reach it as plain values) — build/functions-metadata.js says why.
// And KP.RANK through that path: a tie-break range holding #DIV/0! from KAOPING.RATE ranks the column.

import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTION_NAMESPACE } from "../src/workbook";
import { ShimError, installCustomFunctionsShim, outcome } from "./support/custom-functions-shim";
import { ROOT } from "./support/production-build";

const { finishFunctionsMetadata } = require("../build/functions-metadata") as { finishFunctionsMetadata(json: string): string };

const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");

interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  functions: { id: string; description?: string; parameters: { name: string; type?: string; description?: string }[] }[];
}

describe("the custom functions' metadata", () => {
  let generated: Metadata;
  let finished: Metadata;

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(SOURCE, false);
    expect(result.errors).toEqual([]);
    generated = JSON.parse(result.metadataJson);
    finished = JSON.parse(finishFunctionsMetadata(result.metadataJson));
  }, 60_000);

  it("lets errors reach the functions and keeps data types out, changing nothing else", () => {
    // What custom-functions-metadata generates: the data-types switch on, the error switch absent.
    expect(generated.allowCustomDataForDataTypeAny).toBe(true);
    expect(generated.allowErrorForDataTypeAny).toBeUndefined();
    expect(finished.allowErrorForDataTypeAny).toBe(true);
    expect("allowCustomDataForDataTypeAny" in finished).toBe(false);
    expect(Object.keys(finished).sort()).toEqual(["allowErrorForDataTypeAny", "functions"]);
    expect(finished.functions).toEqual(generated.functions);
  });

  it("takes every argument as `any`, the parameters the error switch applies to", () => {
    const params = finished.functions.flatMap((f) => f.parameters);
    expect(params.length).toBe(17);
    for (const p of params) expect(p.type).toBe("any");
  });

  it("names other functions in its help with the namespace, as the clerk types them", () => {
    const text = finished.functions.flatMap((f) => [f.description ?? "", ...f.parameters.map((p) => p.description ?? "")]).join("\n");
    const mentions = [...text.matchAll(/\b([A-Z][A-Z0-9_]*)\.(RATE|SCORE|TOTAL|RANK|PUBLICITYEND)\b/g)].map((m) => m[1]);
    expect(mentions.length).toBeGreaterThan(0);
    expect(new Set(mentions)).toEqual(new Set([FUNCTION_NAMESPACE]));
  });
});

describe("KP.RANK over a tie-break range holding #DIV/0!", () => {
  // With allowErrorForDataTypeAny, Excel hands the function the error instead of not calling it. Microsoft
  // documents the switch but not the shape the error arrives in: as a CustomFunctions.Error ({code}), or as
  // the data types' error value ({type: "Error", basicValue, errorType}); every shape is read alike.
  let rank: (score: unknown, scores: unknown[][], tiebreak?: unknown, tiebreaks?: unknown[][]) => number;
  beforeAll(() => {
    installCustomFunctionsShim();
    ({ rank } = require("../src/functions/functions"));
  });

  // Three centres: 甲 90 points at 95%, 乙 90 points and no queued calls (KAOPING.RATE gave #DIV/0!), 丙 85 points.
  // By the method: 甲 and 乙 tie on points, the one with a rate goes first → 甲 1, 乙 2, 丙 3.
  const scores = [[90], [90], [85]];
  const shapes: [string, () => unknown][] = [
    ["a CustomFunctions.Error", () => new ShimError("#DIV/0!")],
    ["a data types error value", () => ({ type: "Error", basicValue: "#DIV/0!", errorType: "Div0" })],
  ];

  it.each(shapes)("ranks the centre with the rate first, the one without second, the lower score third (%s)", (_, div0) => {
    const rates = () => [[0.95], [div0()], [0.9]];
    expect(outcome(() => rank(90, scores, 0.95, rates()))).toEqual({ value: 1 });
    expect(outcome(() => rank(90, scores, div0(), rates()))).toEqual({ value: 2 });
    expect(outcome(() => rank(85, scores, 0.9, rates()))).toEqual({ value: 3 });
  });

  it("ranks them alike from the counts 人工接听量, 人工排队量, where no error value can occur", () => {
    // 乙 queued nothing: (0, 0) is no rate, without KAOPING.RATE's #DIV/0! — whatever Excel does with errors.
    const counts = [
      [95, 100],
      [0, 0],
      [9, 10],
    ];
    expect(outcome(() => rank(90, scores, [[95, 100]], counts))).toEqual({ value: 1 });
    expect(outcome(() => rank(90, scores, [[0, 0]], counts))).toEqual({ value: 2 });
    expect(outcome(() => rank(85, scores, [[9, 10]], counts))).toEqual({ value: 3 });
  });
});
