/**
 * Office-like errors. The real `OfficeExtension.Error` has name "RichApi.Error", a `code` from
 * `OfficeExtension.ErrorCodes` / `Excel.ErrorCodes`, and `debugInfo` naming where it happened.
 */

/** The error codes this host raises, each checked against the real `Excel.ErrorCodes` enum. */
export const ErrorCode = {
  itemNotFound: "ItemNotFound",
  itemAlreadyExists: "ItemAlreadyExists",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  generalException: "GeneralException",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedOperation: "UnsupportedOperation",
  apiNotFound: "ApiNotFound",
  invalidReference: "InvalidReference",
} as const satisfies { [K in keyof typeof Excel.ErrorCodes]?: `${(typeof Excel.ErrorCodes)[K]}` };

/** Codes that only exist client-side in `OfficeExtension.ErrorCodes`. */
export const ClientErrorCode = {
  propertyNotLoaded: "PropertyNotLoaded",
  invalidObjectPath: "InvalidObjectPath",
  invalidRequestContext: "InvalidRequestContext",
  connectionFailure: "ConnectionFailure",
  /** Documented for Excel on the web, but not a member of the `Excel.ErrorCodes` enum. */
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode] | (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** Default English messages as Office produces them. */
export const ErrorMessages: Record<string, string> = {
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource with the same name or identifier already exists.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The requested operation is invalid.",
  GeneralException: "There was an internal error while processing the request.",
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization for more information.",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization for more information.",
  UnsupportedOperation: "The operation being attempted is not supported.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  ConnectionFailure: "Connection failure.",
};

/**
 * Shaped like `OfficeExtension.Error` (the members listed in the Pick are type-checked against the
 * real declaration). Also a real JS `Error`, so `instanceof Error` and stack traces work.
 */
export class MemoryExcelError
  extends Error
  implements Pick<OfficeExtension.Error, "name" | "message" | "code" | "debugInfo" | "traceMessages">
{
  override name = "RichApi.Error";
  code: string;
  debugInfo: OfficeExtension.DebugInfo;
  traceMessages: string[] = [];
  /** True when the error was injected by a test (see `MemoryExcel.failures`). */
  injected = false;

  constructor(code: ErrorCodeValue | string, message?: string, location?: string, statement?: string) {
    const text = message ?? ErrorMessages[code] ?? code;
    super(text);
    this.code = code;
    this.debugInfo = { code, message: text };
    if (location !== undefined) this.debugInfo.errorLocation = location;
    if (statement !== undefined) this.debugInfo.statement = statement;
  }
}

export function propertyNotLoaded(property: string): MemoryExcelError {
  return new MemoryExcelError(
    ClientErrorCode.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const shapeMismatchMessage = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";
