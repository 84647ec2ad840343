// The pane's actions as hooks. Each calls the controller (the pane's only way into Excel), keeps what
// the view shows of it, and words a failure with describeError. One workbook action runs at a time.

import * as React from "react";
import { CellRef, Period, Problem, PublicityPeriod, readDate } from "../engine";
import type { GenerateOutcome, GenerateProgress, PaneController, WorkbookOverview } from "./controller";
import { describeError, Messages, NoticeIntent } from "./i18n";

export type OverviewState =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly overview: WorkbookOverview; readonly afterRetry: boolean }
  | { readonly status: "error"; readonly message: string; readonly retrying: boolean };

export interface Overview {
  readonly state: OverviewState;
  /** Reads the workbook again after an action; the pane stays as it is meanwhile. */
  readonly reload: () => Promise<void>;
  /** After a failed read: reads again, keeping the failure (and the retry button) on screen until it is done. */
  readonly retry: () => void;
}

export function useOverview(controller: PaneController, t: Messages): Overview {
  const [state, setState] = React.useState<OverviewState>({ status: "loading" });
  const read = React.useCallback(
    async (afterRetry: boolean) => {
      try {
        const overview = await controller.inspect();
        setState({ status: "ready", overview, afterRetry });
      } catch (error) {
        setState({ status: "error", message: describeError(error, "inspect", t), retrying: false });
      }
    },
    [controller, t],
  );
  React.useEffect(() => {
    // Reading the workbook is synchronising with an external system; its result arrives asynchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void read(false);
  }, [read]);
  const reload = React.useCallback(() => read(false), [read]);
  const retry = React.useCallback(() => {
    setState((s) => (s.status === "error" ? { ...s, retrying: true } : s));
    void read(true);
  }, [read]);
  return { state, reload, retry };
}

export type BusyKind = "generate" | "setup" | "import";

export interface Busy {
  readonly kind: BusyKind | null;
  /** Runs `action` unless another one is running; false when it did not run. */
  run(kind: BusyKind, action: () => Promise<void>): Promise<boolean>;
}

export function useBusy(): Busy {
  const [kind, setKind] = React.useState<BusyKind | null>(null);
  // The state is one render late for a double click; the ref is not.
  const running = React.useRef(false);
  const run = React.useCallback(async (next: BusyKind, action: () => Promise<void>) => {
    if (running.current) return false;
    running.current = true;
    setKind(next);
    try {
      await action();
      return true;
    } finally {
      running.current = false;
      setKind(null);
    }
  }, []);
  return { kind, run };
}

export type ActionFeedback = { readonly intent: Exclude<NoticeIntent, "warning">; readonly text: string } | null;

/** What an action said when it finished, and a one-time claim on the focus for showing it. */
export interface FeedbackState {
  readonly feedback: ActionFeedback;
  /** True once after each new feedback: the component that shows it may move the focus there. */
  readonly claimFocus: () => boolean;
}

function useFeedback(): FeedbackState & { show(feedback: ActionFeedback): void } {
  const [feedback, setFeedback] = React.useState<ActionFeedback>(null);
  // A ref, not state: the section showing the feedback may be remounted elsewhere (set-up moves).
  const pending = React.useRef(false);
  const show = React.useCallback((next: ActionFeedback) => {
    pending.current = next !== null;
    setFeedback(next);
  }, []);
  const claimFocus = React.useCallback(() => {
    const claimed = pending.current;
    pending.current = false;
    return claimed;
  }, []);
  return { feedback, show, claimFocus };
}

export interface Generation {
  readonly progress: GenerateProgress;
  readonly outcome: GenerateOutcome | null;
  /** Counts the outcomes: a view keyed by it starts afresh with each one (no stale go-to-cell failure). */
  readonly run: number;
  readonly error: string | null;
  generate(period: Period, published: string, reason?: string): Promise<void>;
}

export function useGenerate(controller: PaneController, t: Messages, busy: Busy, reload: () => Promise<void>): Generation {
  const [progress, setProgress] = React.useState<GenerateProgress>({ step: "reading" });
  const [{ outcome, run }, setOutcome] = React.useState<{ outcome: GenerateOutcome | null; run: number }>({ outcome: null, run: 0 });
  const [error, setError] = React.useState<string | null>(null);
  const generate = async (period: Period, published: string, reason?: string) => {
    await busy.run("generate", async () => {
      setError(null);
      setProgress({ step: "reading", fraction: 0 });
      try {
        const next = await controller.generate(period, published || undefined, setProgress, reason?.trim() || undefined);
        setOutcome((o) => ({ outcome: next, run: o.run + 1 }));
        void reload();
      } catch (e) {
        setError(describeError(e, "generate", t));
      }
    });
  };
  return { progress, outcome, run, error, generate };
}

export interface SetUp extends FeedbackState {
  setUp(year: number): Promise<void>;
}

export function useSetUp(controller: PaneController, t: Messages, busy: Busy, reload: () => Promise<void>): SetUp {
  const { feedback, show, claimFocus } = useFeedback();
  const setUp = async (year: number) => {
    await busy.run("setup", async () => {
      show(null);
      try {
        const result = await controller.setUpWorkbook(year);
        // Read the workbook first: the set-up section moves once the workbook has sheets, and the
        // feedback (which takes the focus) should appear where the section ends up.
        await reload();
        show({ intent: "success", text: result.created.length ? t.setupDone(result.created, result.kept) : t.setupNothing });
      } catch (e) {
        show({ intent: "error", text: describeError(e, "setup", t) });
      }
    });
  };
  return { feedback, claimFocus, setUp };
}

export interface Import extends FeedbackState {
  readonly problems: readonly Problem[];
  /** True when the files were imported (the chooser then empties). */
  importFiles(files: readonly File[]): Promise<boolean>;
}

export function useImport(controller: PaneController, t: Messages, busy: Busy, reload: () => Promise<void>): Import {
  const { feedback, show, claimFocus } = useFeedback();
  const [problems, setProblems] = React.useState<readonly Problem[]>([]);
  const importFiles = async (files: readonly File[]) => {
    let done = false;
    await busy.run("import", async () => {
      show(null);
      try {
        const result = await controller.importFiles(files);
        setProblems(result.problems);
        await reload();
        show(result.files.length ? { intent: "success", text: t.importDone(result.files) } : { intent: "info", text: t.importNothing });
        done = true;
      } catch (e) {
        show({ intent: "error", text: describeError(e, "import", t) });
      }
    });
    return done;
  };
  return { feedback, claimFocus, problems, importFiles };
}

/** Selects a cell in Excel; resolves to the sentence to show beside what was clicked, or null. */
export type GoToCell = (ref: CellRef) => Promise<string | null>;

export function useGoToCell(controller: PaneController, t: Messages): GoToCell {
  return React.useCallback(
    async (ref: CellRef) => {
      try {
        await controller.selectCell(ref);
        return null;
      } catch (e) {
        return describeError(e, "select", t);
      }
    },
    [controller, t],
  );
}

export type PublicityState =
  | { readonly status: "idle" }
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly period: PublicityPeriod }
  | { readonly status: "error"; readonly message: string };

export interface Publication {
  /** YYYY-MM-DD, or "" when no valid date is given. */
  readonly published: string;
  readonly publicity: PublicityState;
  change(date: string): void;
}

/** The publication date and its 公示期 end; only the latest request's answer is shown. */
export function usePublication(controller: PaneController, t: Messages): Publication {
  const [published, setPublished] = React.useState("");
  const [publicity, setPublicity] = React.useState<PublicityState>({ status: "idle" });
  const request = React.useRef(0);
  const change = (date: string) => {
    const iso = readDate(date) ?? "";
    setPublished(iso);
    const mine = ++request.current;
    if (!iso) {
      setPublicity({ status: "idle" });
      return;
    }
    setPublicity({ status: "loading" });
    controller.previewPublicity(iso).then(
      (period) => mine === request.current && setPublicity({ status: "ready", period }),
      (e: unknown) => mine === request.current && setPublicity({ status: "error", message: describeError(e, "publicity", t) }),
    );
  };
  return { published, publicity, change };
}
