// When the pane starts. With the shared runtime (manifest: lifetime="long") Excel may load taskpane.html
// to recalculate KP.* formulas while the task pane is hidden; the pane's start — rendering and reading
// every sheet of the workbook (inspect) — is then work nobody asked for. So the pane starts on the first
// of these, whichever Excel's behaviour turns out to be:
// - the page is visible already (a browser, or Excel opening the pane with the page visible);
// - Office says the task pane is shown (Office.addin.onVisibilityModeChanged, SharedRuntime 1.1);
// - the page becomes visible (the document's visibilitychange event);
// - the user acts in the pane (a pointer, a key or the focus).

/** What of Office.addin the start waits on (absent where the host lacks SharedRuntime 1.1). */
export interface AddinVisibility {
  onVisibilityModeChanged(handler: (message: { visibilityMode: string }) => void): Promise<() => Promise<void>>;
}

export type StartReason = "visible" | "shown" | "action";

/** Office.VisibilityMode.taskpane. */
const TASKPANE = "Taskpane";

const ACTIONS = ["pointerdown", "keydown", "focusin"] as const;

/** Resolves, with why, when the pane should start; listens for nothing more once it has. */
export function whenPaneShown(doc: Document, addin?: AddinVisibility): Promise<StartReason> {
  if (doc.visibilityState === "visible") return Promise.resolve("visible");
  return new Promise((resolve) => {
    let done = false;
    let removeAddinHandler: (() => Promise<void>) | undefined;
    const finish = (reason: StartReason) => {
      if (done) return;
      done = true;
      doc.removeEventListener("visibilitychange", onVisibility);
      for (const type of ACTIONS) doc.removeEventListener(type, onAction, true);
      removeAddinHandler?.().catch(() => undefined);
      resolve(reason);
    };
    const onVisibility = () => {
      if (doc.visibilityState === "visible") finish("visible");
    };
    const onAction = () => finish("action");
    doc.addEventListener("visibilitychange", onVisibility);
    for (const type of ACTIONS) doc.addEventListener(type, onAction, true);
    addin
      ?.onVisibilityModeChanged((message) => {
        if (message.visibilityMode === TASKPANE) finish("shown");
      })
      .then(
        (remove) => {
          if (done) remove().catch(() => undefined);
          else removeAddinHandler = remove;
        },
        () => undefined, // no event then; the other signals still start the pane
      );
  });
}

/** Office.addin where the host supports SharedRuntime 1.1, else undefined. */
export function officeAddin(): AddinVisibility | undefined {
  const office = Office as Partial<typeof Office>;
  try {
    if (!office.context?.requirements?.isSetSupported("SharedRuntime", "1.1")) return undefined;
  } catch {
    return undefined;
  }
  return office.addin;
}

/**
 * The requirement sets the pane cannot work without — the manifest's minimums, which Office checks
 * before it loads the add-in, and checked again here so that a host that loads it anyway (a sideloaded
 * manifest, a host reporting its sets late) gets a sentence instead of a pane that fails at the first click.
 */
export const PANE_REQUIREMENTS: readonly { readonly set: string; readonly version: string; readonly capability: string }[] = [
  { set: "ExcelApi", version: "1.7", capability: "读写工作表的 Excel JavaScript API（ExcelApi 1.7）" },
  { set: "SharedRuntime", version: "1.1", capability: "共享运行时（SharedRuntime 1.1）" },
];

/** The capability of the first requirement set the host lacks, in words; undefined when it has them all. */
export function missingCapability(isSetSupported: (set: string, version: string) => boolean): string | undefined {
  for (const r of PANE_REQUIREMENTS) {
    let supported: boolean;
    try {
      supported = isSetSupported(r.set, r.version);
    } catch {
      supported = false;
    }
    if (!supported) return r.capability;
  }
  return undefined;
}
