import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Messages } from "../i18n";
import { ActionStatus } from "./ActionStatus";
import type { ActionFeedback } from "./SetUpSection";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  label: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  input: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
});

export interface ImportSectionProps {
  readonly t: Messages;
  readonly busy: boolean;
  readonly disabled: boolean;
  readonly feedback: ActionFeedback;
  readonly onImport: (files: File[]) => Promise<boolean>;
}

/** The centres' returned .xlsx files: choose several, import them. */
export function ImportSection({ t, busy, disabled, feedback, onImport }: ImportSectionProps): React.JSX.Element {
  const styles = useStyles();
  const [files, setFiles] = React.useState<File[]>([]);
  const inputRef = React.useRef<HTMLInputElement>(null);
  const inputId = "kp-import-files";

  const run = async () => {
    if (!files.length) return;
    const done = await onImport(files);
    if (done) {
      setFiles([]);
      if (inputRef.current) inputRef.current.value = "";
    }
  };

  return (
    <section aria-labelledby="kp-import-heading" className={styles.box}>
      <h2 id="kp-import-heading" className="kp-h2">
        {t.importHeading}
      </h2>
      <label htmlFor={inputId} className={styles.label}>
        {t.importLabel}
      </label>
      <input
        id={inputId}
        ref={inputRef}
        className={styles.input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={busy || disabled}
        onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
      />
      {files.length > 0 && <Text size={200}>{t.filesChosen(files.length)}</Text>}
      <div>
        <Button disabledFocusable={busy || disabled || files.length === 0} onClick={run}>
          {t.importButton}
        </Button>
      </div>
      <ActionStatus busy={busy} busyLabel={t.importing} feedback={feedback} />
    </section>
  );
}
