import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../engine";

const useStyles = makeStyles({
  icon: { flex: "none", marginTop: "2px" },
  error: { fill: tokens.colorStatusDangerForeground1 },
  warning: { fill: tokens.colorStatusWarningForeground3 },
  // The mark inside takes the background's colour, so it contrasts in light and dark themes alike.
  mark: { stroke: tokens.colorNeutralBackground1, fill: "none" },
  dot: { fill: tokens.colorNeutralBackground1 },
});

/** A 16 px severity mark with its name as the accessible label (red circle ×, amber triangle !), in theme colours. */
export function SeverityIcon({ severity, label }: { severity: Severity; label: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <svg role="img" aria-label={label} width="16" height="16" viewBox="0 0 16 16" focusable="false" className={styles.icon}>
      <title>{label}</title>
      {severity === "error" ? (
        <>
          <circle cx="8" cy="8" r="7.5" className={styles.error} />
          <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" className={styles.mark} strokeWidth="1.8" strokeLinecap="round" />
        </>
      ) : (
        <>
          <path d="M8 0.9l7.4 13.4H0.6z" className={styles.warning} />
          <path d="M8 5.3v4.4" className={styles.mark} strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="12" r="1.05" className={styles.dot} />
        </>
      )}
    </svg>
  );
}
