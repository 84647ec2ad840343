import * as React from "react";
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Generation, Publication } from "../actions";
import type { Messages } from "../i18n";
import { PeriodChoice, toPeriod } from "../model";
import { Notice } from "./Notice";
import { PeriodPicker } from "./PeriodPicker";
import { PublicationPicker } from "./PublicationPicker";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  generate: { alignSelf: "flex-start", maxWidth: "100%" },
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
  const generate = () => void generation.generate(toPeriod(choice), publication.published);
  return (
    <section aria-labelledby="kp-generate-heading" className={styles.section}>
      <h2 id="kp-generate-heading" className="kp-h2" tabIndex={-1}>
        {t.generateHeading}
      </h2>
      <PeriodPicker t={t} value={choice} years={years} disabled={generating} onChange={onChoice} />
      <PublicationPicker t={t} publicity={publication.publicity} disabled={generating} onChange={publication.change} />
      <Button className={styles.generate} appearance="primary" size="large" disabledFocusable={waiting} onClick={generate}>
        {t.generateButton(t.periodName(toPeriod(choice)))}
      </Button>
      <div aria-live="polite">
        {generating && (
          <Field validationMessage={t.steps[generation.progress.step]} validationState="none">
            <ProgressBar value={generation.progress.fraction} max={1} thickness="large" aria-label={t.progressLabel} />
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
