import * as React from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { publicationRefusal } from "../../workbook";
import type { Generation, Publication } from "../actions";
import type { Messages } from "../i18n";
import { PeriodChoice, toPeriod } from "../model";
import { Notice } from "./Notice";
import { PeriodPicker } from "./PeriodPicker";
import { PublicationPicker } from "./PublicationPicker";
import { ProgressBar } from "../result-view";
import { useHeadingStyles } from "./headings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  generate: { alignSelf: "flex-start", maxWidth: "100%" },
  // As the date field: a text input is 20 characters wide by default, too wide for a pane at 200 % zoom.
  reason: { width: "100%", maxWidth: "100%", minWidth: 0, boxSizing: "border-box" },
  reasonInput: { width: "100%", minWidth: 0 },
});

export interface GenerateSectionProps {
  readonly t: Messages;
  readonly choice: PeriodChoice;
  readonly years: readonly number[];
  readonly onChoice: (choice: PeriodChoice) => void;
  readonly publication: Publication;
  readonly generation: Generation;
  /** This section's action runs. */
  readonly generating: boolean;
  /** Some action runs: the button waits (it stays focusable). */
  readonly waiting: boolean;
}

/** The period, the publication date and the one button that generates the ranking, with its progress or failure. */
export function GenerateSection(props: GenerateSectionProps): React.JSX.Element {
  const { t, choice, years, onChoice, publication, generation, generating, waiting } = props;
  const styles = useStyles();
  const headings = useHeadingStyles();
  const [reason, setReason] = React.useState("");
  const period = toPeriod(choice);
  // A publication date on or before the period's last day cannot be used: the button says why instead of generating.
  const refused = publicationRefusal(period, publication.published || undefined);
  const generate = () => void generation.generate(period, publication.published, reason);
  return (
    <section aria-labelledby="kp-generate-heading" className={styles.section}>
      <h2 id="kp-generate-heading" className={headings.h2} tabIndex={-1}>
        {t.generateHeading}
      </h2>
      <PeriodPicker t={t} value={choice} years={years} disabled={generating} onChange={onChoice} />
      <PublicationPicker t={t} publicity={publication.publicity} disabled={generating} onChange={publication.change} />
      <Field label={t.reasonLabel} hint={t.reasonHint}>
        <Input
          className={styles.reason}
          input={{ className: styles.reasonInput }}
          value={reason}
          disabled={generating}
          onChange={(_, d) => setReason(d.value)}
        />
      </Field>
      {refused && (
        <Notice intent="error" t={t}>
          <span id="kp-publication-refused">{t.publicationRefused(refused)}</span>
        </Notice>
      )}
      <Button
        className={styles.generate}
        appearance="primary"
        size="large"
        disabledFocusable={waiting || !!refused}
        aria-describedby={refused ? "kp-publication-refused" : undefined}
        onClick={generate}
      >
        {t.generateButton(t.periodName(period))}
      </Button>
      <div aria-live="polite">
        {generating && (
          <Field validationMessage={t.steps[generation.progress.step]} validationState="none">
            <React.Suspense fallback={null}>
              <ProgressBar value={generation.progress.fraction} max={1} thickness="large" aria-label={t.progressLabel} />
            </React.Suspense>
          </Field>
        )}
        {!generating && generation.error && (
          <Notice intent="error" t={t}>
            {generation.error}
          </Notice>
        )}
      </div>
    </section>
  );
}
