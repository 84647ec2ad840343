// The functions.json that custom-functions-metadata-plugin will generate from functions.ts at build
// time: every function of declared.ts, ids uppercase and stable, parameters and optional flags as
// declared there, descriptions in Chinese.

import path from "path";
import { IFunction, generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { KAOPING_FUNCTIONS } from "./declared";

const SOURCE = path.join(__dirname, "functions.ts");

interface Expected {
  readonly id: string;
  readonly jsName: string;
  readonly params: readonly { readonly name: string; readonly optional: boolean; readonly matrix: boolean }[];
}

/** What the JSDoc must say: each function as declared.ts declares it. */
const EXPECTED: readonly Expected[] = KAOPING_FUNCTIONS.map((f) => ({
  id: f.id,
  jsName: f.name,
  params: f.args.map((a) => ({ name: a.name, optional: a.optional === true, matrix: a.matrix })),
}));

const CHINESE = /[\u4e00-\u9fff]/;

describe("the generated custom functions metadata", () => {
  let functions: IFunction[];
  let associate: { functionName: string; id: string }[];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(SOURCE, false);
    expect(result.errors).toEqual([]);
    functions = JSON.parse(result.metadataJson).functions;
    associate = result.associate;
  }, 60000);

  it("declares exactly the five KP functions with uppercase ids", () => {
    expect(EXPECTED.map((e) => e.id)).toEqual(["RATE", "SCORE", "TOTAL", "RANK", "PUBLICITYEND"]);
    expect(functions.map((f) => f.id)).toEqual(EXPECTED.map((e) => e.id));
    for (const f of functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9]*$/);
      expect(f.name).toBe(f.id);
    }
  });

  it("associates each id with its function, so the plugin registers them", () => {
    expect(associate.map((a) => [a.id, a.functionName])).toEqual(EXPECTED.map((e) => [e.id, e.jsName]));
  });

  it("declares the parameters in order, with their optional flags and ranges as matrices", () => {
    for (const e of EXPECTED) {
      const f = functions.find((x) => x.id === e.id)!;
      expect(f.parameters.map((x) => ({ name: x.name, optional: x.optional === true, matrix: x.dimensionality === "matrix" }))).toEqual(
        e.params,
      );
      // Raw values reach the function (text numbers, percent text, blanks), read as the engine reads them.
      for (const x of f.parameters) expect(x.type).toBe("any");
      expect(f.result?.type).toBe("number");
    }
  });

  it("describes every function and parameter in Chinese", () => {
    for (const f of functions) {
      expect(f.description).toMatch(CHINESE);
      for (const x of f.parameters) expect(x.description).toMatch(CHINESE);
    }
    const optional = functions.flatMap((f) => f.parameters.filter((x) => x.optional));
    for (const x of optional) expect(x.description).toMatch(/^可选/);
  });

  it("states the argument conventions and error behaviour where a clerk reads them", () => {
    const byId = new Map(functions.map((f) => [f.id, f]));
    expect(byId.get("RATE")!.description).toContain("#DIV/0!");
    const scoreText = byId.get("SCORE")!.description!;
    for (const phrase of ["A1", "中位数", "A4", "C1", "逾期报送信息数", "C2", "督导严重问题数"]) expect(scoreText).toContain(phrase);
    expect(byId.get("RANK")!.description).toContain("人工接通率");
    expect(byId.get("PUBLICITYEND")!.description).toContain("#N/A");
  });

  it("tells the clerk that KAOPING.RANK's tie-breaks may be the two counts, and what an empty cell is on each host", () => {
    const byId = new Map(functions.map((f) => [f.id, f]));
    const rankParams = byId.get("RANK")!.parameters.map((x) => x.description ?? "");
    for (const text of rankParams.slice(2)) expect(text).toMatch(/人工接听量、人工排队量/);
    expect(rankParams[3]).toContain("排队量为 0 即无接通率");
    // Where an older desktop Excel's 0 for an empty cell is scored, the help says so.
    for (const id of ["RATE", "SCORE", "TOTAL"]) expect(byId.get(id)!.description).toContain("旧版桌面 Excel 把空单元格当作 0 传入");
  });

  it("marks nothing volatile, streaming or cancelable", () => {
    for (const f of functions) {
      expect(f.options?.volatile ?? false).toBe(false);
      expect(f.options?.stream ?? false).toBe(false);
      expect(f.options?.cancelable ?? false).toBe(false);
    }
  });
});
