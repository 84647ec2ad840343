import * as React from "react";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Busy, useBusy, useGenerate, useGoToCell, useImport, useOverview, usePublication, useSetUp } from "./actions";
import type { PaneController, WorkbookOverview } from "./controller";
import type { Messages } from "./i18n";
import { PeriodChoice, defaultChoice, yearOptions } from "./model";
import { GenerateSection } from "./components/GenerateSection";
import { ImportSection } from "./components/ImportSection";
import { Notice, loadNotice } from "./components/Notice";
import { SetUpSection } from "./components/SetUpSection";
import { useTitleStyles } from "./components/headings";
import { ProblemList, Summary, prefetchResultView } from "./result-view";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
    boxSizing: "border-box",
    // Long words (file names, sheet references) wrap rather than widen the pane.
    overflowWrap: "anywhere",
  },
  retry: { alignSelf: "flex-start" },
});

export interface AppProps {
  readonly controller: PaneController;
  readonly t: Messages;
  /** "Now" for the default period; tests fix it. */
  readonly today?: Date;
}

/** The whole pane. Everything Excel does goes through `controller`. */
export function App({ controller, t, today: todayProp }: AppProps): React.JSX.Element {
  const [today] = React.useState(() => todayProp ?? new Date());
  const overview = useOverview(controller, t);
  const { state } = overview;
  if (state.status === "ready") {
    return (
      <ReadyPane
        controller={controller}
        t={t}
        today={today}
        overview={state.overview}
        reload={overview.reload}
        focusOnMount={state.afterRetry}
      />
    );
  }
  return (
    <PaneFrame t={t}>
      {state.status === "error" ? (
        <LoadFailed t={t} message={state.message} retrying={state.retrying} onRetry={overview.retry} />
      ) : (
        <Spinner label={t.loadingWorkbook} />
      )}
    </PaneFrame>
  );
}

interface PaneFrameProps {
  readonly t: Messages;
  readonly children: React.ReactNode;
  readonly mainRef?: React.Ref<HTMLElement>;
}

function PaneFrame({ t, children, mainRef }: PaneFrameProps): React.JSX.Element {
  const styles = useStyles();
  const titles = useTitleStyles();
  return (
    <main className={styles.root} lang={t.htmlLang} ref={mainRef}>
      <header className={titles.header}>
        <h1 className={titles.title}>{t.appTitle}</h1>
        <Text size={200}>{t.appSubtitle}</Text>
      </header>
      {children}
    </main>
  );
}

/** The workbook could not be read: why, and a retry button that keeps the focus while it reads again. */
interface LoadFailedProps {
  readonly t: Messages;
  readonly message: string;
  readonly retrying: boolean;
  readonly onRetry: () => void;
}

function LoadFailed({ t, message, retrying, onRetry }: LoadFailedProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <Notice intent="error" t={t}>
        {message}
      </Notice>
      <Button className={styles.retry} disabledFocusable={retrying} onClick={onRetry}>
        {t.retry}
      </Button>
      <div aria-live="polite">{retrying && <Spinner size="tiny" label={t.loadingWorkbook} labelPosition="after" />}</div>
    </>
  );
}

interface ReadyPaneProps {
  readonly controller: PaneController;
  readonly t: Messages;
  readonly today: Date;
  readonly overview: WorkbookOverview;
  readonly reload: () => Promise<void>;
  /** Move the focus to the first heading once shown (after a retry, whose button is gone). */
  readonly focusOnMount: boolean;
}

/** The pane once the workbook is read: set-up first while the workbook is empty, else generate first. */
function ReadyPane({ controller, t, today, overview, reload, focusOnMount }: ReadyPaneProps): React.JSX.Element {
  const [choice, setChoice] = React.useState<PeriodChoice>(() => defaultChoice(overview.months, today));
  const [setupYear, setSetupYear] = React.useState(() => overview.year ?? choice.year);
  const busy = useBusy();
  const generation = useGenerate(controller, t, busy, reload);
  const publication = usePublication(controller, t);
  const setUp = useSetUp(controller, t, busy, reload);
  const imports = useImport(controller, t, busy, reload);
  const goTo = useGoToCell(controller, t);
  // Keyboard and screen-reader users land on the summary once it is there (each outcome mounts a new one).
  const summaryHeading = React.useCallback((heading: HTMLHeadingElement | null) => heading?.focus(), []);
  const main = React.useRef<HTMLElement>(null);

  usePrefetch(controller);
  React.useEffect(() => {
    if (focusOnMount) main.current?.querySelector<HTMLElement>("h2")?.focus();
  }, [focusOnMount]);

  const empty = overview.indicatorSheets === 0;
  const setupSection = (
    <SetUpSection
      t={t}
      overview={overview}
      years={yearOptions(overview.months, overview.year, today, setupYear)}
      year={setupYear}
      onYearChange={setSetupYear}
      {...sectionBusy(busy, "setup")}
      feedback={setUp.feedback}
      claimFocus={setUp.claimFocus}
      onSetUp={() => void setUp.setUp(setupYear)}
    />
  );
  const { outcome } = generation;
  return (
    <PaneFrame t={t} mainRef={main}>
      {empty && setupSection}
      <GenerateSection
        t={t}
        choice={choice}
        years={yearOptions(overview.months, overview.year, today, choice.year)}
        onChoice={setChoice}
        publication={publication}
        generation={generation}
        generating={busy.kind === "generate"}
        waiting={busy.kind !== null}
      />
      {outcome && (
        <React.Suspense fallback={<Spinner size="tiny" />}>
          <Summary key={generation.run} t={t} outcome={outcome} onOpen={goTo} headingRef={summaryHeading} />
          <ProblemList
            t={t}
            problems={outcome.evaluation.problems}
            heading={t.problemsHeading}
            headingId="kp-problems-heading"
            onSelect={goTo}
          />
        </React.Suspense>
      )}
      {!empty && setupSection}
      <ImportSection
        t={t}
        {...sectionBusy(busy, "import")}
        feedback={imports.feedback}
        claimFocus={imports.claimFocus}
        onImport={imports.importFiles}
      />
      {imports.problems.length > 0 && (
        <React.Suspense fallback={<Spinner size="tiny" />}>
          <ProblemList
            t={t}
            problems={imports.problems}
            heading={t.importProblemsHeading}
            headingId="kp-import-problems-heading"
            onSelect={goTo}
          />
        </React.Suspense>
      )}
    </PaneFrame>
  );
}

/** A section's own action runs (busy), or another one does (disabled: its button waits). */
function sectionBusy(busy: Busy, kind: "setup" | "import"): { busy: boolean; disabled: boolean } {
  return { busy: busy.kind === kind, disabled: busy.kind !== null && busy.kind !== kind };
}

/** What the user's first action needs, loaded while the pane waits for it. */
function usePrefetch(controller: PaneController): void {
  React.useEffect(
    () =>
      whenIdle(() => {
        prefetchResultView();
        void loadNotice();
        controller.prefetch();
      }),
    [controller],
  );
}

/** Runs `task` once the page is idle (or after 2 s at most); returns a cancel function. */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(task, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 200);
  return () => window.clearTimeout(id);
}
