import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { FeedbackState } from "../actions";
import { SETUP_SHEETS, WorkbookOverview } from "../controller";
import type { Messages } from "../i18n";
import { ActionStatus } from "./ActionStatus";
import { Notice } from "./Notice";
import { YearSelect } from "./YearSelect";
import { useHeadingStyles } from "./headings";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
  sheets: { margin: 0, paddingInlineStart: "20px", fontSize: tokens.fontSizeBase200 },
});

export interface SetUpSectionProps extends FeedbackState {
  readonly t: Messages;
  readonly overview: WorkbookOverview;
  readonly years: readonly number[];
  readonly year: number;
  readonly onYearChange: (year: number) => void;
  readonly busy: boolean;
  /** Another action is running: the button waits. */
  readonly disabled: boolean;
  readonly onSetUp: () => void;
}

/** Creates 评分规则, 考评单位, 考评事件, 节假日调整 and the units' indicator sheets; shows the prompt on an empty workbook. */
export function SetUpSection({
  t,
  overview,
  years,
  year,
  onYearChange,
  busy,
  disabled,
  feedback,
  claimFocus,
  onSetUp,
}: SetUpSectionProps): React.JSX.Element {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const empty = overview.indicatorSheets === 0;
  return (
    <section aria-labelledby="kp-setup-heading" className={styles.box}>
      <h2 id="kp-setup-heading" className={headings.h2} tabIndex={-1}>
        {t.setupHeading}
      </h2>
      {empty && (
        <Notice intent="info" t={t} data-testid="kp-setup-prompt">
          {t.setupPrompt}
        </Notice>
      )}
      <ul className={styles.sheets} aria-label={t.setupHeading}>
        <li>{t.indicatorSheets(overview.indicatorSheets)}</li>
        {SETUP_SHEETS.map((s) => (
          <li key={s}>{t.sheetPresent(s, overview.setUpSheets[s])}</li>
        ))}
      </ul>
      <div className={styles.row}>
        <YearSelect t={t} label={t.setupYear} years={years} value={year} disabled={busy || disabled} onChange={onYearChange} />
        <Button appearance={empty ? "primary" : "secondary"} disabledFocusable={busy || disabled} onClick={onSetUp}>
          {t.setupButton}
        </Button>
      </div>
      <ActionStatus t={t} busy={busy} busyLabel={t.settingUp} feedback={feedback} claimFocus={claimFocus} />
    </section>
  );
}
