import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
  makeStaticStyles,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CellRef, Problem } from "../engine";
import type { GenerateOutcome, GenerateProgress, PaneController, WorkbookOverview } from "./controller";
import { describeError, Messages } from "./i18n";
import { PeriodChoice, defaultChoice, toPeriod, yearOptions } from "./model";
import { ImportSection } from "./components/ImportSection";
import { PeriodPicker } from "./components/PeriodPicker";
import { ProblemList } from "./components/ProblemList";
import { PublicationPicker, PublicityState } from "./components/PublicationPicker";
import { ActionFeedback, SetUpSection } from "./components/SetUpSection";
import { Summary } from "./components/Summary";

const useStaticStyles = makeStaticStyles({
  ".kp-h2": {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  ".kp-h3": { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  ".kp-h2:focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
});

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
    boxSizing: "border-box",
  },
  header: { borderBottom: `${tokens.strokeWidthThick} solid #1B5FAA`, paddingBottom: tokens.spacingVerticalS },
  title: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    color: "#1B5FAA",
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  generate: { alignSelf: "flex-start", maxWidth: "100%" },
});

type Busy = null | "generate" | "setup" | "import";

type OverviewState =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly overview: WorkbookOverview }
  | { readonly status: "error"; readonly message: string };

export interface AppProps {
  readonly controller: PaneController;
  readonly t: Messages;
  /** "Now" for the default period; tests fix it. */
  readonly today?: Date;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The whole pane. Everything Excel does goes through `controller`. */
export function App({ controller, t, today: todayProp }: AppProps): React.JSX.Element {
  useStaticStyles();
  const styles = useStyles();
  const [today] = React.useState(() => todayProp ?? new Date());
  const [overviewState, setOverviewState] = React.useState<OverviewState>({ status: "loading" });
  const [choice, setChoice] = React.useState<PeriodChoice | null>(null);
  const [setupYear, setSetupYear] = React.useState<number | null>(null);
  const [published, setPublished] = React.useState("");
  const [publicity, setPublicity] = React.useState<PublicityState>({ status: "idle" });
  const [busy, setBusy] = React.useState<Busy>(null);
  const [progress, setProgress] = React.useState<GenerateProgress>({ step: "reading" });
  const [outcome, setOutcome] = React.useState<GenerateOutcome | null>(null);
  const [generateError, setGenerateError] = React.useState<string | null>(null);
  const [selectError, setSelectError] = React.useState<string | null>(null);
  const [setupFeedback, setSetupFeedback] = React.useState<ActionFeedback>(null);
  const [importFeedback, setImportFeedback] = React.useState<ActionFeedback>(null);
  const [importProblems, setImportProblems] = React.useState<readonly Problem[]>([]);
  const summaryHeading = React.useRef<HTMLHeadingElement>(null);
  const publicityRequest = React.useRef(0);

  const load = React.useCallback(async () => {
    try {
      const overview = await controller.inspect();
      setOverviewState({ status: "ready", overview });
      const initial = defaultChoice(overview.months, today);
      setChoice((c) => c ?? initial);
      setSetupYear((y) => y ?? overview.year ?? initial.year);
    } catch (error) {
      setOverviewState({ status: "error", message: describeError(error, "inspect", t) });
    }
  }, [controller, t, today]);

  React.useEffect(() => {
    // Reading the workbook is synchronising with an external system; its result arrives asynchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  // Keyboard and screen-reader users land on the summary once it is there.
  React.useEffect(() => {
    if (outcome) summaryHeading.current?.focus();
  }, [outcome]);

  const changePublished = async (value: string) => {
    setPublished(value);
    const request = ++publicityRequest.current;
    if (!ISO_DATE.test(value)) {
      setPublicity({ status: "idle" });
      return;
    }
    setPublicity({ status: "loading" });
    try {
      const period = await controller.previewPublicity(value);
      if (request === publicityRequest.current) setPublicity({ status: "ready", period });
    } catch (error) {
      if (request === publicityRequest.current) setPublicity({ status: "error", message: describeError(error, "publicity", t) });
    }
  };

  const generate = async () => {
    if (busy || !choice) return;
    setBusy("generate");
    setGenerateError(null);
    setSelectError(null);
    setProgress({ step: "reading", fraction: 0 });
    try {
      const result = await controller.generate(toPeriod(choice), ISO_DATE.test(published) ? published : undefined, (p) => setProgress(p));
      setOutcome(result);
      void load();
    } catch (error) {
      setGenerateError(describeError(error, "generate", t));
    } finally {
      setBusy(null);
    }
  };

  const select = async (ref: CellRef) => {
    setSelectError(null);
    try {
      await controller.selectCell(ref);
    } catch (error) {
      setSelectError(describeError(error, "select", t));
    }
  };

  const setUp = async () => {
    if (busy || setupYear === null) return;
    setBusy("setup");
    setSetupFeedback(null);
    try {
      const result = await controller.setUpWorkbook(setupYear);
      setSetupFeedback({ intent: "success", text: result.created.length ? t.setupDone(result.created, result.kept) : t.setupNothing });
      await load();
    } catch (error) {
      setSetupFeedback({ intent: "error", text: describeError(error, "setup", t) });
    } finally {
      setBusy(null);
    }
  };

  const importFiles = async (files: File[]): Promise<boolean> => {
    if (busy) return false;
    setBusy("import");
    setImportFeedback(null);
    try {
      const result = await controller.importFiles(files);
      setImportProblems(result.problems);
      setImportFeedback(
        result.files.length ? { intent: "success", text: t.importDone(result.files) } : { intent: "info", text: t.importNothing },
      );
      await load();
      return true;
    } catch (error) {
      setImportFeedback({ intent: "error", text: describeError(error, "import", t) });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const header = (
    <header className={styles.header}>
      <h1 className={styles.title}>{t.appTitle}</h1>
      <Text size={200}>{t.appSubtitle}</Text>
    </header>
  );

  if (overviewState.status !== "ready" || !choice || setupYear === null) {
    return (
      <main className={styles.root} lang={t.htmlLang}>
        {header}
        {overviewState.status === "error" ? (
          <>
            <MessageBar intent="error">
              <MessageBarBody>{overviewState.message}</MessageBarBody>
            </MessageBar>
            <Button
              onClick={() => {
                setOverviewState({ status: "loading" });
                void load();
              }}
            >
              {t.retry}
            </Button>
          </>
        ) : (
          <Spinner label={t.loadingWorkbook} />
        )}
      </main>
    );
  }

  const overview = overviewState.overview;
  const years = yearOptions(overview.months, overview.year, today, choice.year);
  const empty = overview.indicatorSheets === 0;
  const generating = busy === "generate";

  const setupSection = (
    <SetUpSection
      t={t}
      overview={overview}
      years={yearOptions(overview.months, overview.year, today, setupYear)}
      year={setupYear}
      onYearChange={setSetupYear}
      busy={busy === "setup"}
      disabled={busy !== null && busy !== "setup"}
      feedback={setupFeedback}
      onSetUp={setUp}
    />
  );

  return (
    <main className={styles.root} lang={t.htmlLang}>
      {header}
      {empty && setupSection}

      <section aria-labelledby="kp-generate-heading" className={styles.section}>
        <h2 id="kp-generate-heading" className="kp-h2">
          {t.generateHeading}
        </h2>
        <PeriodPicker t={t} value={choice} years={years} disabled={generating} onChange={setChoice} />
        <PublicationPicker t={t} value={published} publicity={publicity} disabled={generating} onChange={(v) => void changePublished(v)} />
        <Button className={styles.generate} appearance="primary" size="large" disabledFocusable={busy !== null} onClick={generate}>
          {t.generateButton(t.periodName(toPeriod(choice)))}
        </Button>
        <div aria-live="polite">
          {generating && (
            <Field validationMessage={t.steps[progress.step]} validationState="none">
              <ProgressBar value={progress.fraction} max={1} thickness="large" aria-label={t.progressLabel} />
            </Field>
          )}
          {!generating && generateError && (
            <MessageBar intent="error">
              <MessageBarBody>{generateError}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </section>

      {selectError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{selectError}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && <Summary t={t} outcome={outcome} onOpen={(ref) => void select(ref)} headingRef={summaryHeading} />}
      {outcome && (
        <ProblemList
          t={t}
          problems={outcome.evaluation.problems}
          heading={t.problemsHeading}
          headingId="kp-problems-heading"
          onSelect={(ref) => void select(ref)}
        />
      )}

      {!empty && setupSection}
      <ImportSection
        t={t}
        busy={busy === "import"}
        disabled={busy !== null && busy !== "import"}
        feedback={importFeedback}
        onImport={importFiles}
      />
      <ProblemList
        t={t}
        problems={importProblems}
        heading={t.importProblemsHeading}
        headingId="kp-import-problems-heading"
        onSelect={(ref) => void select(ref)}
      />
    </main>
  );
}
