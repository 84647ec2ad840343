import * as React from "react";
import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PublicityState } from "../actions";
import type { Messages } from "../i18n";
import { DateField } from "./DateField";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  end: { fontWeight: tokens.fontWeightSemibold },
});

export interface PublicationPickerProps {
  readonly t: Messages;
  readonly publicity: PublicityState;
  readonly disabled?: boolean;
  /** A valid date as YYYY-MM-DD, or "" for none. */
  readonly onChange: (value: string) => void;
}

/** The publication date and the 公示期 end it gives, with the calendar's warning when it has one. */
export function PublicationPicker({ t, publicity, disabled, onChange }: PublicationPickerProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <DateField t={t} label={t.publicationDate} hint={t.publicationHint} disabled={disabled} onChange={onChange} />
      <div aria-live="polite">
        {publicity.status === "loading" && <Spinner size="extra-tiny" label={t.publicityComputing} labelPosition="after" />}
        {publicity.status === "ready" && (
          <>
            <Text className={styles.end} block>
              {t.publicityEnd(publicity.period.end, publicity.period.days)}
            </Text>
            {publicity.period.unknownYears.length > 0 && (
              <Notice intent="warning" t={t}>
                {t.calendarWarning(publicity.period)}
              </Notice>
            )}
          </>
        )}
        {publicity.status === "error" && (
          <Notice intent="error" t={t}>
            {publicity.message}
          </Notice>
        )}
      </div>
    </div>
  );
}
