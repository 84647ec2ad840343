// How a KAOPING function fails: an error code as Excel names it (CustomFunctions.ErrorCode) and, where
// the host shows one, a Chinese message. Host-neutral: the runner (run.ts) returns it as a result, and
// each host turns that into its own error value.

import { MeasureIssue, measureMessage } from "../engine";

/** The errors a function returns (names as in CustomFunctions.ErrorCode). */
export type KpErrorCode = "divisionByZero" | "invalidValue" | "notAvailable" | "invalidNumber" | "nullReference";

/** A failure of a function: an error code and, where the host can show one, a Chinese message. */
export class KpError extends Error {
  constructor(
    readonly code: KpErrorCode,
    message = "",
  ) {
    super(message);
    this.name = "KpError";
  }
}

export const invalid = (message: string) => new KpError("invalidValue", message);
export const notAvailable = (message: string) => new KpError("notAvailable", message);

/** An error value given as an argument, passed on as the same error where that is one a function may return. */
export function passOn(errorText: string, what: string, message = `${what}是错误值 ${errorText}`): KpError {
  switch (errorText) {
    case "#DIV/0!":
      return new KpError("divisionByZero");
    case "#N/A":
      return notAvailable(message);
    case "#NUM!":
      return new KpError("invalidNumber");
    case "#NULL!":
      return new KpError("nullReference");
    default:
      return invalid(message);
  }
}

/** "（另有 2 处问题）" after the first of `count` problems. */
export function andMore(count: number): string {
  return count > 1 ? `（另有 ${count - 1} 处问题）` : "";
}

/** A measure's issue (records.ts) as the error a function returns: a blank #N/A, an error value passed on, else #VALUE!. */
export function measureError(label: string, issue: MeasureIssue): KpError {
  if (issue.code === "value.blank") return notAvailable(measureMessage(label, issue));
  if (issue.errorText) return passOn(issue.errorText, label, measureMessage(label, issue));
  return invalid(measureMessage(label, issue));
}
