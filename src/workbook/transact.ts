// The one place that decides the order of a change to a workbook, for every host: read → plan →
// checkChange → write under temporary names → swap → the registry's rename (the commit point) → clean
// up; and, on a failure, undo in an order that never leaves the workbook without a visible sheet or a
// name taken twice. A host only executes the steps (host-port.ts).

import { checkChange, firstFreeRow, workbookState } from "./check-change";
import { ExecuteReport, HostPort, HostSnapshot, HostStep, SheetEntry, Visibility, isLeftover, TEMPORARY_PREFIX } from "./host-port";
import { InPlaceWrite, appendWrite, cellWrite, chartStep, sheetSteps } from "./host-steps";
import { describeRegistrySheet } from "./registry";
import { REGISTRY_SHEET, SheetSpec, WorkbookChange } from "./sheet-spec";

const key = (name: string) => name.toLowerCase();

/** What a change does to the workbook, worked out before anything is written. */
export interface Transaction {
  /** Every sheet to write, the registry last: under a temporary name first, swapped in at the end. */
  readonly sheets: readonly { readonly spec: SheetSpec; readonly temp: string; readonly visibility: Visibility }[];
  /** Sheets of the product's that are replaced: renamed aside, deleted once the new ones are in. */
  readonly replaced: readonly { readonly name: string; readonly visibility: Visibility; readonly aside: string }[];
  /** Earlier product sheets kept under a new name (the versioned result sheet). */
  readonly renames: readonly { readonly from: string; readonly to: string }[];
  /** Writes into sheets that stay (appended rows, an import's cells), undone before the commit point. */
  readonly inPlace: readonly InPlaceWrite[];
  /** Hidden temporary sheets an earlier, interrupted run left behind, deleted after the commit point. */
  readonly leftovers: readonly string[];
  readonly activate?: string;
  /** The sheet active before, shown again when the change is undone. */
  readonly active?: string;
}

/** A name for a sheet while it is written or set aside: not taken, and hidden from the user's sheet list. */
function temporaryName(taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${TEMPORARY_PREFIX}${n}`;
    if (!taken.has(key(name))) {
      taken.add(key(name));
      return name;
    }
  }
}

/** Checks the change against the snapshot (checkChange: ChangeRefused, and nothing is written) and lays out the transaction. */
export function planTransaction(change: WorkbookChange, snapshot: HostSnapshot, can: HostPort["can"]): Transaction {
  const state = workbookState(snapshot.sheets, snapshot.names);
  checkChange(change, state);
  const byName = new Map(snapshot.entries.map((s) => [key(s.name), s]));
  const taken = new Set([...snapshot.entries.map((s) => key(s.name)), ...change.renames.map((r) => key(r.to))]);
  const renames = change.renames.map(({ from, to }) => ({ from: byName.get(key(from))!.name, to }));
  const movedAway = new Set(renames.map((r) => key(r.from)));
  const replaced: Transaction["replaced"][number][] = [];
  const sheets = [...change.sheets, describeRegistrySheet(change.registry)].map((spec) => {
    const existing = byName.get(key(spec.name));
    if (existing && !movedAway.has(key(existing.name)))
      replaced.push({ name: existing.name, visibility: existing.visibility, aside: temporaryName(taken) });
    const visibility: Visibility = spec.name === REGISTRY_SHEET || spec.hidden ? "veryHidden" : "visible";
    return { spec, temp: temporaryName(taken), visibility };
  });
  const formerName = new Map(renames.map((r) => [key(r.to), r.from]));
  const inPlace = [
    ...change.appends.filter((a) => a.rows.length).map((a) => appendWrite(a, firstFreeRow(state, a.sheet), can)),
    ...change.cellWrites.map((w) => cellWrite(w, formerName.get(key(w.sheet)) ?? w.sheet)),
  ];
  const leftovers = snapshot.entries.filter(isLeftover).map((s) => s.name);
  return { sheets, replaced, renames, inPlace, leftovers, activate: change.activate, active: snapshot.active };
}

/** Step 1: what is remembered of the cells written in place, then every new sheet, hidden, under its temporary name; the charts last. */
export function writeSteps(tx: Transaction, can: HostPort["can"]): HostStep[] {
  const remember = tx.inPlace.map((w, i): HostStep => ({
    op: "remember",
    key: String(i),
    sheet: w.formerName,
    range: w.range,
    filter: w.filter,
    font: w.font,
    rows: w.rows,
  }));
  const sheets = tx.sheets.flatMap(({ spec, temp }): HostStep[] => [{ op: "addSheet", sheet: temp }, ...sheetSteps(spec, temp, can)]);
  return [...remember, { op: "pause" }, ...sheets, ...tx.sheets.flatMap(({ spec, temp }) => chartStep(spec, temp, can))];
}

/** Step 2: the swap up to the commit point (the new registry taking its name), then the clean-up that may fail without undoing it. */
export function swapSteps(tx: Transaction): HostStep[] {
  const registry = tx.sheets[tx.sheets.length - 1];
  return [
    ...tx.replaced.map((r): HostStep => ({ op: "rename", sheet: r.name, to: r.aside })),
    ...tx.renames.map((r): HostStep => ({ op: "rename", sheet: r.from, to: r.to })),
    ...tx.sheets
      .filter((s) => s !== registry)
      .flatMap((s): HostStep[] => [
        { op: "rename", sheet: s.temp, to: s.spec.name },
        { op: "setVisibility", sheet: s.spec.name, visibility: s.visibility },
      ]),
    ...tx.replaced
      .filter((r) => r.visibility === "visible")
      .map((r): HostStep => ({ op: "setVisibility", sheet: r.aside, visibility: "hidden" })),
    ...tx.inPlace.flatMap((w) => w.steps),
    ...(tx.activate ? [{ op: "activate", sheet: tx.activate } as const] : []),
    // The commit point: the new registry takes its name. Everything before it is undone on a failure.
    { op: "setVisibility", sheet: registry.temp, visibility: "veryHidden" },
    { op: "rename", sheet: registry.temp, to: REGISTRY_SHEET },
    ...finishSteps(tx, () => true),
  ];
}

/** After the commit point: the sheets set aside and the leftovers of an earlier run deleted, calculation back. */
function finishSteps(tx: Transaction, exists: (name: string) => boolean): HostStep[] {
  const gone = [...tx.replaced.map((r) => r.aside), ...tx.leftovers].filter(exists);
  return [...gone.map((sheet): HostStep => ({ op: "delete", sheet })), { op: "resume" }];
}

/**
 * Where each sheet of the transaction is after a failure, from the sheets there now. Aside names, a
 * rename's new name and temporary names were free before: a sheet there is the one the transaction put
 * there. Once step 1 completed (`swapped`), every new sheet was added: one no longer at its temporary
 * name has taken its own.
 */
function whereNow(tx: Transaction, now: readonly SheetEntry[], swapped: boolean) {
  const at = new Map(now.map((e) => [key(e.name), e]));
  const find = (...names: string[]) => names.map((n) => at.get(key(n))).find((e) => e !== undefined);
  const created = tx.sheets.map((s) => find(s.temp)?.name ?? (swapped ? find(s.spec.name)?.name : undefined));
  const replaced = tx.replaced.map((r) => ({ ...r, now: find(r.aside, r.name) }));
  const renames = tx.renames.map((r) => ({ ...r, now: find(r.to, r.from) }));
  return { replaced, renames, created, exists: (name: string) => at.has(key(name)) };
}

/**
 * After a failure: reads which sheets are there now and puts the workbook back as the snapshot had
 * it — or, when the new registry is already in place (the change committed), only finishes the
 * clean-up. Returns whether the change committed. A failure here is swallowed: the first error is the
 * one the user hears about, and what cannot be undone is hidden ("~kp12328 …") and removed by the next run.
 */
async function recover(host: HostPort, tx: Transaction, swapped: boolean): Promise<boolean> {
  try {
    const now = whereNow(tx, await host.sheets(), swapped);
    if (key(now.created[now.created.length - 1] ?? "") === key(REGISTRY_SHEET)) {
      await host.execute(finishSteps(tx, now.exists));
      return true;
    }
    const undo: HostStep[] = [];
    // The cells written in place first, by the names their sheets have now (a renamed one is not back yet).
    if (swapped)
      tx.inPlace.forEach((w, i) => {
        const renamed = now.renames.find((r) => key(r.from) === key(w.formerName));
        const sheet = renamed ? renamed.now?.name : w.formerName;
        if (sheet) undo.push({ op: "restore", key: String(i), sheet, range: w.range, clear: w.clear });
      });
    for (const r of now.replaced)
      if (r.now && r.now.visibility !== r.visibility) undo.push({ op: "setVisibility", sheet: r.now.name, visibility: r.visibility });
    for (const name of now.created) if (name) undo.push({ op: "delete", sheet: name });
    for (const r of now.replaced) if (r.now && r.now.name !== r.name) undo.push({ op: "rename", sheet: r.now.name, to: r.name });
    for (const r of now.renames) if (r.now && r.now.name !== r.from) undo.push({ op: "rename", sheet: r.now.name, to: r.from });
    if (tx.active) undo.push({ op: "activate", sheet: tx.active });
    undo.push({ op: "resume" });
    await host.execute(undo);
  } catch {
    // See above: the original failure is reported.
  }
  return false;
}

/** What a change's writing reports. */
export interface ApplyReport {
  /** False where the host refused the chart (or cannot draw one): the result is complete without it. */
  readonly chart: boolean;
}

/**
 * Applies the change, all or nothing, after checkChange accepted it against `snapshot` (what
 * host.read() returned for it; else ChangeRefused, and nothing is written): (1) every new sheet, the
 * registry included, written hidden under a temporary name; (2) the swap — replaced sheets renamed
 * aside, the earlier result renamed to its version, the new sheets renamed and shown, rows appended,
 * an import's cells filled, the new registry put in place (the commit point), and only then the sheets
 * set aside deleted. Any failure before the commit point is undone; after it, the clean-up is finished
 * and the change stands.
 */
export async function applyChange(host: HostPort, change: WorkbookChange, snapshot: HostSnapshot): Promise<ApplyReport> {
  const tx = planTransaction(change, snapshot, host.can);
  const write = writeSteps(tx, host.can);
  const charts = write.filter((s) => s.op === "chart").length;
  let report: ExecuteReport | void = undefined;
  let swapped = false;
  try {
    report = await host.execute(write);
    swapped = true;
    await host.execute(swapSteps(tx));
  } catch (error) {
    if (!(await recover(host, tx, swapped))) throw error;
  }
  return { chart: charts > 0 && !report?.refusedCharts };
}

/** The steps of one action, for a progress bar. */
export type TransactStep = "reading" | "planning" | "writing" | "done";

/**
 * One action on a workbook: reads it, plans from what it holds (`plan` returns the change, or none
 * when there is nothing to write, beside whatever the caller wants back), and applies the change all
 * or nothing. Returns what `plan` returned.
 */
export async function transact<T extends { readonly change?: WorkbookChange }>(
  host: HostPort,
  plan: (snapshot: HostSnapshot) => T,
  onStep?: (step: TransactStep) => void,
): Promise<T> {
  onStep?.("reading");
  const snapshot = await host.read();
  onStep?.("planning");
  const planned = plan(snapshot);
  if (planned.change) {
    onStep?.("writing");
    await applyChange(host, planned.change, snapshot);
  }
  onStep?.("done");
  return planned;
}
