// The KAOPING functions in WPS 表格: registered with wps.AddCustomFunction where this WPS has it (custom
// functions came with 12.1.0.20540; they are synchronous there, as ours are), called in cells as
// KAOPING.RATE(…) like in Excel. The logic is the one of src/functions/kp.ts; the help texts are those of
// functions.ts's JSDoc, which the build turns into metadata (build/webpack.wps.js → KAOPING_METADATA).
// WPS documents no error value a function can return: an error comes back as its text ("#DIV/0!").

import { ERROR_TEXT, KpError, kpPublicityEnd, kpRank, kpRate, kpScore, kpTotal } from "../functions/kp";
import { FUNCTION_NAMESPACE } from "../workbook";
import type { WpsAddonRoot } from "./wps-root";

/** One function's help as custom-functions-metadata writes it from functions.ts. */
export interface FunctionMetadata {
  readonly id: string;
  readonly description?: string;
  readonly parameters: readonly { readonly name: string; readonly description?: string; readonly type?: string }[];
  readonly result?: { readonly type?: string };
}

declare const KAOPING_METADATA: readonly FunctionMetadata[] | undefined;

/** The functions by their id (functions.ts's @customfunction names). */
export const KAOPING_FUNCTIONS: Readonly<Record<string, (...args: unknown[]) => unknown>> = {
  RATE: kpRate,
  SCORE: kpScore,
  TOTAL: kpTotal,
  RANK: kpRank,
  PUBLICITYEND: kpPublicityEnd,
};

/** A function's result as a cell shows it: the number, or the error's text. */
function cellResult(compute: () => unknown): unknown {
  try {
    return compute();
  } catch (error) {
    return error instanceof KpError ? ERROR_TEXT[error.code] : ERROR_TEXT.invalidValue;
  }
}

/** What OnAddinLoad found: the functions registered, or this WPS has none (the pane says so). */
export type FunctionsState = "registered" | "unsupported" | "failed";

export function registerCustomFunctions(
  wps: Pick<WpsAddonRoot, "AddCustomFunction">,
  metadata: readonly FunctionMetadata[] = typeof KAOPING_METADATA === "undefined" ? [] : KAOPING_METADATA,
): FunctionsState {
  if (typeof wps.AddCustomFunction !== "function") return "unsupported";
  try {
    for (const [id, fn] of Object.entries(KAOPING_FUNCTIONS)) {
      const meta = metadata.find((m) => m.id === id);
      wps.AddCustomFunction(FUNCTION_NAMESPACE, id, (...args: unknown[]) => cellResult(() => fn(...args)), {
        description: meta?.description,
        result: { type: meta?.result?.type ?? "number" },
        parameters: (meta?.parameters ?? []).map((p) => ({ name: p.name, description: p.description, type: p.type })),
      });
    }
    return "registered";
  } catch {
    return "failed";
  }
}
