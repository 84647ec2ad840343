// A minimal stand-in for the custom-functions runtime's global CustomFunctions, for tests in Node.
// In Excel the runtime provides it; nothing in the product imports this file.

export const ERROR_CODES = {
  divisionByZero: "#DIV/0!",
  invalidName: "#NAME?",
  invalidNumber: "#NUM!",
  invalidReference: "#REF!",
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  nullReference: "#NULL!",
} as const;

export class ShimError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export function installCustomFunctionsShim(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: ShimError,
    ErrorCode: ERROR_CODES,
    associate: () => undefined,
  };
}

/** What a call gave: its number, or the Excel error it threw. */
export function outcome(f: () => unknown): { value?: unknown; error?: string; message?: string } {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof ShimError) return { error: e.code, message: e.message };
    throw e;
  }
}
