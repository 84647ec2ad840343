// The KAOPING functions in WPS 表格: registered with wps.AddCustomFunction where this WPS has it (custom
// functions came with 12.1.0.20540; they are synchronous there, as ours are), called in cells as
// KAOPING.RATE(…) like in Excel. The declarations and the runner are src/functions/declared.ts's; the help texts are those of
// functions.ts's JSDoc, which the build turns into metadata (build/webpack.wps.js → KAOPING_METADATA).
// WPS documents no error value a function can return: an error comes back as its text ("#DIV/0!").

import { KAOPING_FUNCTIONS, runFunction } from "../functions/declared";
import type { KpErrorCode } from "../functions/errors";
import { FUNCTION_NAMESPACE } from "../workbook";
import { comErrorText } from "../adapters/wps/et-read";
import type { WpsAddonRoot } from "./wps-root";

/** One function's help as custom-functions-metadata writes it from functions.ts. */
export interface FunctionMetadata {
  readonly id: string;
  readonly description?: string;
  readonly parameters: readonly { readonly name: string; readonly description?: string; readonly type?: string }[];
  readonly result?: { readonly type?: string };
}

/** What a cell shows for each of the runner's error codes (CustomFunctions.ErrorCode's names). */
const CELL_TEXT: Record<KpErrorCode, string> = {
  divisionByZero: "#DIV/0!",
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
};

declare const KAOPING_METADATA: readonly FunctionMetadata[] | undefined;

/**
 * An argument as the runner reads it: ET hands an error cell over as a number; its COM form is never a
 * value and becomes the error ({ error: "#N/A" }); a bare CVErr code cannot be told from a count and stays one.
 */
function argument(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(argument);
  const error = typeof value === "number" ? comErrorText(value) : undefined;
  return error ? { error } : value;
}

/** A function's result as a cell shows it: the number, or the error's text. */
export function cellResult(id: string, args: readonly unknown[]): number | string {
  const fn = KAOPING_FUNCTIONS.find((f) => f.id === id)!;
  const result = runFunction(fn, args.map(argument) as never);
  return "value" in result ? result.value : CELL_TEXT[result.error];
}

/** What OnAddinLoad found: the functions registered, or this WPS has none (the pane says so). */
export type FunctionsState = "registered" | "unsupported" | "failed";

export function registerCustomFunctions(
  wps: Pick<WpsAddonRoot, "AddCustomFunction">,
  metadata: readonly FunctionMetadata[] = typeof KAOPING_METADATA === "undefined" ? [] : KAOPING_METADATA,
): FunctionsState {
  if (typeof wps.AddCustomFunction !== "function") return "unsupported";
  try {
    for (const fn of KAOPING_FUNCTIONS) {
      const meta = metadata.find((m) => m.id === fn.id);
      wps.AddCustomFunction(FUNCTION_NAMESPACE, fn.id, (...args: unknown[]) => cellResult(fn.id, args), {
        description: meta?.description,
        result: { type: meta?.result?.type ?? "number" },
        parameters: fn.args.map((a) => ({
          name: a.name,
          description: meta?.parameters.find((p) => p.name === a.name)?.description ?? a.label,
        })),
      });
    }
    return "registered";
  } catch {
    return "failed";
  }
}
