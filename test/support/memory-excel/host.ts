/**
 * The in-memory Excel host: owns the document, runs `Excel.run` batches, executes each sync's
 * queued actions in order, and records what a benchmark or a test wants to know about it.
 */
import type { QueuedAction } from "./client-object";
import { ClientErrorCode, ErrorCode, MemoryExcelError } from "./errors";
import type { CustomFunction } from "./formula";
import { BatchRun, MemoryRequestContext } from "./request-context";
import { WorkbookState } from "./workbook-state";

export const FIVE_MB = 5 * 1024 * 1024;

export interface MemoryExcelOptions {
  /** Reject a sync whose request payload is larger (Excel on the web: 5 MB). null: no cap. */
  requestCapBytes?: number | null;
  /** Reject a sync whose response (loaded data) is larger (Excel on the web: 5 MB). null: no cap. */
  responseCapBytes?: number | null;
  /** `Excel.run` sends what is still queued when the batch's promise resolves (default true). */
  syncOnRunExit?: boolean;
  /** Workbook name (`workbook.load("name")`). */
  name?: string;
}

/** One round trip to the host. */
export interface RequestRecord {
  /** 1-based round-trip number. */
  index: number;
  /** Queued actions sent (instantiations, property sets, method calls, loads). */
  actions: number;
  /** Of those, how many change the document. */
  writes: number;
  /** UTF-8 size of the JSON-serialised actions, an estimate of Office's request payload. */
  bytes: number;
  /** UTF-8 size of the JSON-serialised loaded data. */
  responseBytes: number;
  ok: boolean;
  /** The error code when the sync was rejected. */
  error?: string;
  /** True for the sync `Excel.run` makes itself when the batch leaves actions queued. */
  implicit: boolean;
}

/** What a failure predicate sees about one action, when it is about to be applied. */
export interface ActionInfo {
  kind: QueuedAction["wire"]["a"];
  /** Object path, e.g. `workbook.worksheets.getItem("Sheet1").getRange("A1")`. */
  object: string;
  /** Method or property name. */
  name: string;
  write: boolean;
  /** The sheet the action writes to (writes only), by its name at that moment. */
  sheetName?: string;
  /** 1-based index of the round trip it belongs to. */
  request: number;
}

export interface InjectedFailure {
  /** Default "GeneralException". */
  code?: string;
  message?: string;
}

interface FailureRule {
  match: (a: ActionInfo) => boolean;
  failure: InjectedFailure;
  remaining: number;
}

interface NthSyncRule {
  countdown: number;
  failure: InjectedFailure & { afterActions?: number };
}

const utf8 = new TextEncoder();
function byteSize(data: unknown): number {
  const json = JSON.stringify(data);
  return json === undefined ? 0 : utf8.encode(json).length;
}

export class MemoryExcel {
  readonly state = new WorkbookState();
  readonly options: Required<MemoryExcelOptions>;
  /** Every round trip so far (a sync with nothing queued makes none, as in Office). */
  readonly requests: RequestRecord[] = [];
  /** Every `context.sync()` call, including those with nothing to send. */
  syncCalls = 0;
  /** `Excel.run` calls. */
  runs = 0;
  /** Messages passed to `context.trace()`. */
  readonly traces: string[] = [];
  private failureRules: FailureRule[] = [];
  private nthSyncRules: NthSyncRule[] = [];

  constructor(options: MemoryExcelOptions = {}) {
    this.options = {
      requestCapBytes: options.requestCapBytes === undefined ? FIVE_MB : options.requestCapBytes,
      responseCapBytes: options.responseCapBytes === undefined ? FIVE_MB : options.responseCapBytes,
      syncOnRunExit: options.syncOnRunExit ?? true,
      name: options.name ?? "Book1.xlsx",
    };
  }

  get name(): string {
    return this.options.name;
  }

  // ---- instrumentation ----------------------------------------------------------------------

  /** Round trips so far. */
  get syncCount(): number {
    return this.requests.length;
  }

  /** Request payload sizes, one per round trip. */
  get requestSizes(): number[] {
    return this.requests.map((r) => r.bytes);
  }

  get largestRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }

  resetStats(): void {
    this.requests.length = 0;
    this.syncCalls = 0;
    this.runs = 0;
    this.traces.length = 0;
  }

  /** Charts API availability: false makes `charts.add` fail the sync with ApiNotFound. */
  get chartsSupported(): boolean {
    return this.state.chartsSupported;
  }
  set chartsSupported(v: boolean) {
    this.state.chartsSupported = v;
  }

  /** Makes a function callable from formulas in this workbook (e.g. "KP.RATE"). */
  registerFunction(name: string, fn: CustomFunction): void {
    this.state.functions.set(name.toUpperCase(), fn);
  }

  // ---- failure injection --------------------------------------------------------------------

  /**
   * The n-th round trip from now (1 = the next) is rejected. With `afterActions: k` its first k
   * actions are applied first (a failure part-way, as when Office hits an error mid-batch);
   * by default none are (a lost connection).
   */
  failNthSync(n: number, failure: InjectedFailure & { afterActions?: number } = {}): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError("n must be a positive integer");
    this.nthSyncRules.push({ countdown: n, failure });
  }

  /**
   * Any action that writes to the named sheet (case-insensitive) fails its sync; the actions before
   * it in that sync stay applied. `times` (default Infinity) limits how often it fires.
   */
  failWhenWriting(sheetName: string, failure: InjectedFailure & { times?: number } = {}): void {
    const lower = sheetName.toLowerCase();
    this.failWhen((a) => a.write && a.sheetName?.toLowerCase() === lower, failure);
  }

  /** The first action matching the predicate fails its sync (earlier actions stay applied). */
  failWhen(match: (a: ActionInfo) => boolean, failure: InjectedFailure & { times?: number } = {}): void {
    this.failureRules.push({ match, failure, remaining: failure.times ?? Infinity });
  }

  clearFailures(): void {
    this.failureRules = [];
    this.nthSyncRules = [];
  }

  // ---- running ------------------------------------------------------------------------------

  /** `Excel.run(batch)`: a fresh request context; leftover queued actions are sent at the end. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.runs++;
    const ctx = new MemoryRequestContext(this);
    const pending = batch(ctx as unknown as Excel.RequestContext);
    if (!pending || typeof (pending as Promise<T>).then !== "function") {
      throw new MemoryExcelError(
        "RunMustReturnPromise",
        'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
      );
    }
    const result = await pending;
    if (this.options.syncOnRunExit && ctx._pending.length > 0) await this._sync(ctx, true);
    return result;
  }

  /** A context outside `run`, for tests that drive syncs step by step. */
  newContext(): Excel.RequestContext {
    return new MemoryRequestContext(this) as unknown as Excel.RequestContext;
  }

  /** @internal */
  _trace(message: string): void {
    this.traces.push(message);
  }

  /** @internal Sends the context's queued actions as one request. */
  async _sync(ctx: MemoryRequestContext, implicit = false): Promise<void> {
    this.syncCalls++;
    const actions = ctx._pending;
    ctx._pending = [];
    // Like the real host, answer asynchronously.
    await Promise.resolve();
    if (actions.length === 0) return;

    const record: RequestRecord = {
      index: this.requests.length + 1,
      actions: actions.length,
      writes: actions.filter((a) => a.write).length,
      bytes: byteSize(actions.map((a) => a.wire)),
      responseBytes: 0,
      ok: false,
      implicit,
    };
    this.requests.push(record);

    const reject = (error: MemoryExcelError): never => {
      record.error = error.code;
      throw error;
    };

    const cap = this.options.requestCapBytes;
    if (cap !== null && record.bytes > cap) reject(new MemoryExcelError(ClientErrorCode.requestPayloadSizeLimitExceeded));

    let stopAfter = Infinity;
    let nthFailure: InjectedFailure | undefined;
    for (const rule of [...this.nthSyncRules]) {
      if (--rule.countdown === 0) {
        this.nthSyncRules.splice(this.nthSyncRules.indexOf(rule), 1);
        if (!nthFailure) {
          nthFailure = rule.failure;
          stopAfter = rule.failure.afterActions ?? 0;
        }
      }
    }

    const batch: BatchRun = { onSuccess: [], responses: [] };
    ctx._batch = batch;
    try {
      for (let i = 0; i < actions.length; i++) {
        const action = actions[i];
        const statement = `${action.wire.o}.${action.wire.n}`;
        if (i >= stopAfter && nthFailure) reject(injected(nthFailure, statement));
        this.checkRules(action, record.index, statement, reject);
        try {
          action.execute();
        } catch (e) {
          if (e instanceof MemoryExcelError) {
            e.debugInfo.statement ??= statement;
            e.debugInfo.errorLocation ??= statement;
            e.debugInfo.surroundingStatements = actions.slice(Math.max(0, i - 2), i + 3).map((a) => `${a.wire.o}.${a.wire.n}`);
            reject(e);
          }
          throw e;
        }
      }
      if (nthFailure) reject(injected(nthFailure, "(end of request)"));
      record.responseBytes = byteSize(batch.responses);
      const rcap = this.options.responseCapBytes;
      if (rcap !== null && record.responseBytes > rcap) reject(new MemoryExcelError(ErrorCode.responsePayloadSizeLimitExceeded));
      record.ok = true;
      for (const fn of batch.onSuccess) fn();
    } finally {
      ctx._batch = undefined;
    }
  }

  private checkRules(action: QueuedAction, request: number, statement: string, reject: (e: MemoryExcelError) => never): void {
    if (this.failureRules.length === 0) return;
    const info: ActionInfo = {
      kind: action.wire.a,
      object: action.wire.o,
      name: action.wire.n,
      write: action.write,
      sheetName: action.write ? action.sheet?.()?.name : undefined,
      request,
    };
    for (const rule of this.failureRules) {
      if (rule.remaining > 0 && rule.match(info)) {
        rule.remaining--;
        reject(injected(rule.failure, statement));
      }
    }
  }
}

function injected(failure: InjectedFailure, statement: string): MemoryExcelError {
  const e = new MemoryExcelError(failure.code ?? ErrorCode.generalException, failure.message, statement, statement);
  e.injected = true;
  return e;
}
