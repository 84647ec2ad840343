/** `Excel.RequestContext`: queues actions and sends them to the host on `sync()`. */
import { MemoryClientObject, QueuedAction } from "./client-object";
import type { MemoryExcel } from "./host";
import { MemoryApplication, MemoryWorkbook } from "./workbook";

type ContextMembers = "workbook" | "application" | "sync" | "load" | "trace" | "requestHeaders" | "debugInfo";

/** One batch's bookkeeping while the host runs it. @internal */
export interface BatchRun {
  onSuccess: Array<() => void>;
  responses: unknown[];
}

export class MemoryRequestContext implements Pick<Excel.RequestContext, ContextMembers> {
  /** @internal */ readonly _host: MemoryExcel;
  /** @internal */ _pending: QueuedAction[] = [];
  /** @internal */ _batch: BatchRun | undefined;
  readonly requestHeaders: { [name: string]: string } = {};
  readonly trackedObjects: Pick<OfficeExtension.TrackedObjects, "add" | "remove"> = {
    add: () => undefined,
    remove: () => undefined,
  };
  private _workbook: MemoryWorkbook | undefined;
  private _application: MemoryApplication | undefined;

  constructor(host: MemoryExcel) {
    this._host = host;
  }

  get workbook(): Excel.Workbook {
    this._workbook ??= new MemoryWorkbook(this);
    return this._workbook as unknown as Excel.Workbook;
  }

  get application(): Excel.Application {
    this._application ??= new MemoryApplication(this, "workbook.application");
    return this._application as unknown as Excel.Application;
  }

  get debugInfo(): OfficeExtension.RequestContextDebugInfo {
    return { pendingStatements: this._pending.map((a) => `${a.wire.o}.${a.wire.n}`) };
  }

  load(object: OfficeExtension.ClientObject, option?: string | string[] | OfficeExtension.LoadOption): void {
    (object as unknown as MemoryClientObject)._load(option);
  }

  trace(message: string): void {
    this._host._trace(message);
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    return this._host._sync(this).then(() => passThroughValue as T);
  }

  /** @internal */
  _queue(action: QueuedAction): void {
    this._pending.push(action);
  }

  /** @internal Runs once the batch in progress has succeeded (loaded values, isNullObject). */
  _afterSuccess(fn: () => void): void {
    this._batch?.onSuccess.push(fn);
  }

  /** @internal Records data returned to the client, for the response size. */
  _respond(data: unknown): void {
    this._batch?.responses.push(data);
  }
}
