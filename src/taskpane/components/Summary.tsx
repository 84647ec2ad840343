import * as React from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CellRef, ResultRow } from "../../engine";
import type { GoToCell } from "../actions";
import type { GenerateOutcome } from "../controller";
import type { LifecycleState } from "../../workbook";
import type { Messages } from "../i18n";
import { problemCounts, resultCounts, tieBreakLines, topThree, totalText } from "../model";
import { FailureNotice } from "./Notice";
import { UnitLosses } from "./UnitLosses";
import { useHeadingStyles } from "./headings";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  status: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { margin: 0, paddingInlineStart: "20px", display: "flex", flexDirection: "column", gap: "2px" },
  rank: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** The badge's colour for each publication state. */
const STATE_COLORS: Readonly<Record<LifecycleState, "warning" | "informative" | "brand" | "success" | "important">> = {
  draft: "warning",
  ready: "informative",
  publicity: "brand",
  final: "success",
  corrected: "important",
};

export interface SummaryProps {
  readonly t: Messages;
  readonly outcome: GenerateOutcome;
  readonly onOpen: GoToCell;
  readonly headingRef?: React.Ref<HTMLHeadingElement>;
}

/** After generation: status, top three, tie-breaks applied, problems found, the way to the sheets. */
export function Summary({ t, outcome, onOpen, headingRef }: SummaryProps): React.JSX.Element {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const ev = outcome.evaluation;
  const counts = resultCounts(ev);
  const problems = problemCounts(ev.problems);
  const top = topThree(ev);
  const ties = tieBreakLines(ev, t);
  const final = ev.status === "final";
  const state = outcome.lifecycle?.state ?? (final ? "ready" : "draft");
  const [failure, setFailure] = React.useState<string | null>(null);
  const open = async (ref: CellRef) => {
    setFailure(null);
    setFailure(await onOpen(ref));
  };

  return (
    <section aria-labelledby="kp-summary-heading" className={styles.box}>
      <h2 id="kp-summary-heading" className={headings.h2} tabIndex={-1} ref={headingRef}>
        {t.summaryHeading} · {t.periodName(ev.period)}
      </h2>
      <div className={styles.status}>
        <Text weight="semibold">{t.statusLabel}</Text>
        <Badge appearance="filled" color={STATE_COLORS[state]} data-testid="kp-status">
          {t.states[state]}
        </Badge>
        <Text size={200}>{final ? t.finalExplain(counts.disqualified) : t.draftExplain(counts.pending, counts.missing)}</Text>
      </div>

      <TopThree t={t} rows={top} />
      <TieBreaks t={t} lines={ties} />
      <UnitLosses t={t} evaluation={ev} />

      {counts.disqualified + counts.pending + counts.missing > 0 && (
        <Text size={200}>{t.unranked(counts.disqualified, counts.pending, counts.missing)}</Text>
      )}
      <Text size={200} data-testid="kp-problem-count">
        {ev.problems.length ? t.problemsFound(problems.errors, problems.warnings) : t.noProblems}
      </Text>
      {ev.publication && (
        <Text size={200} block>
          {t.publicityEnd(ev.publication.end, ev.publication.days)}
        </Text>
      )}
      {outcome.lifecycle && (
        <Text size={200} data-testid="kp-generation">
          {t.generationOutcome(outcome.lifecycle, outcome.resultSheet)}
        </Text>
      )}

      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void open({ sheet: outcome.resultSheet, cell: "A1" })}>
          {t.openResult}
        </Button>
        {outcome.validationSheet && (
          <Button onClick={() => void open({ sheet: outcome.validationSheet!, cell: "A1" })}>{t.openValidation}</Button>
        )}
      </div>
      <Text size={200} data-testid="kp-pdf-hint">
        {t.pdfHint}
      </Text>
      {failure && <FailureNotice t={t} message={failure} />}
    </section>
  );
}

function TopThree({ t, rows }: { readonly t: Messages; readonly rows: readonly ResultRow[] }): React.JSX.Element {
  const styles = useStyles();
  const headings = useHeadingStyles();
  return (
    <>
      <h3 className={headings.h3}>{t.topThree}</h3>
      {rows.length > 0 ? (
        <ol className={styles.list} aria-label={t.topThree} data-testid="kp-top-three">
          {rows.map((r) => (
            <li key={r.unit.code}>
              <span className={styles.rank}>{t.rankLabel(r.rank!)}</span>
              {r.unit.name} · {t.points(totalText(r.total))}
            </li>
          ))}
        </ol>
      ) : (
        <Text size={200}>—</Text>
      )}
    </>
  );
}

function TieBreaks({ t, lines }: { readonly t: Messages; readonly lines: readonly string[] }): React.JSX.Element {
  const styles = useStyles();
  const headings = useHeadingStyles();
  return (
    <>
      <h3 className={headings.h3}>{t.tieBreaks}</h3>
      {lines.length > 0 ? (
        <ul className={styles.list} data-testid="kp-tie-breaks">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <Text size={200}>{t.noTieBreaks}</Text>
      )}
    </>
  );
}
