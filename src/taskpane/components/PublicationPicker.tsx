import * as React from "react";
import { Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PublicityPeriod } from "../../engine";
import type { Messages } from "../i18n";

export type PublicityState =
  | { readonly status: "idle" }
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly period: PublicityPeriod }
  | { readonly status: "error"; readonly message: string };

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  end: { fontWeight: tokens.fontWeightSemibold },
});

export interface PublicationPickerProps {
  readonly t: Messages;
  /** YYYY-MM-DD or "" when no date is chosen. */
  readonly value: string;
  readonly publicity: PublicityState;
  readonly disabled?: boolean;
  readonly onChange: (value: string) => void;
}

/** The publication date and the 公示期 end it gives, with the calendar's warning when it has one. */
export function PublicationPicker({ t, value, publicity, disabled, onChange }: PublicationPickerProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <Field label={t.publicationDate} hint={t.publicationHint}>
        <Input type="date" value={value} disabled={disabled} onChange={(_, d) => onChange(d.value)} />
      </Field>
      <div aria-live="polite">
        {publicity.status === "loading" && <Spinner size="extra-tiny" label={t.publicityComputing} labelPosition="after" />}
        {publicity.status === "ready" && (
          <>
            <Text className={styles.end} block>
              {t.publicityEnd(publicity.period.end, publicity.period.days)}
            </Text>
            {publicity.period.unknownYears.length > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>{t.calendarWarning(publicity.period.unknownYears)}</MessageBarBody>
              </MessageBar>
            )}
          </>
        )}
        {publicity.status === "error" && (
          <MessageBar intent="error">
            <MessageBarBody>{publicity.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
