import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { FeedbackState } from "../actions";
import type { Messages } from "../i18n";
import { ActionStatus } from "./ActionStatus";
import { useHeadingStyles } from "./headings";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  label: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  names: { margin: 0, paddingInlineStart: "20px", fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  button: { maxWidth: "100%" },
});

export interface ImportSectionProps extends FeedbackState {
  readonly t: Messages;
  readonly busy: boolean;
  readonly disabled: boolean;
  readonly onImport: (files: File[]) => Promise<boolean>;
}

// .xlsx and .xlsm are read, a .csv as the sheet it is; .xls/.et/.ods are offered too, so that the reader can say what to do with them.
const XLSX_TYPES = ".xlsx,.xlsm,.csv,.xls,.et,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The centres' returned .xlsx files: choose several, import them. The browser's own file input speaks
 * the browser's language ("Choose Files"), so it stays hidden behind a button in the pane's words.
 */
export function ImportSection({ t, busy, disabled, feedback, claimFocus, onImport }: ImportSectionProps): React.JSX.Element {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const [files, setFiles] = React.useState<File[]>([]);
  const input = React.useRef<HTMLInputElement>(null);
  const labelId = "kp-import-label";
  const chosenId = "kp-import-chosen";

  const run = async () => {
    if (!files.length) return;
    if (await onImport(files)) {
      setFiles([]);
      if (input.current) input.current.value = "";
    }
  };

  return (
    <section aria-labelledby="kp-import-heading" className={styles.box}>
      <h2 id="kp-import-heading" className={headings.h2}>
        {t.importHeading}
      </h2>
      <Text id={labelId} className={styles.label} block>
        {t.importLabel}
      </Text>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={XLSX_TYPES}
        aria-labelledby={labelId}
        disabled={busy || disabled}
        onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
      />
      <div className={styles.buttons}>
        <Button
          className={styles.button}
          aria-describedby={`${labelId} ${chosenId}`}
          disabledFocusable={busy || disabled}
          onClick={() => input.current?.click()}
        >
          {t.chooseFiles}
        </Button>
        <Button className={styles.button} disabledFocusable={busy || disabled || files.length === 0} onClick={run}>
          {t.importButton}
        </Button>
      </div>
      <div id={chosenId}>
        <Text size={200} block>
          {files.length ? t.filesChosen(files.length) : t.noFileChosen}
        </Text>
        {files.length > 0 && (
          <ul className={styles.names}>
            {files.map((f, i) => (
              <li key={`${i}:${f.name}`}>{f.name}</li>
            ))}
          </ul>
        )}
      </div>
      <ActionStatus t={t} busy={busy} busyLabel={t.importing} feedback={feedback} claimFocus={claimFocus} />
    </section>
  );
}
