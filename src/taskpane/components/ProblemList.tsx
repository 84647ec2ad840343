import * as React from "react";
import { Checkbox, Text, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { CellRef, Problem, formatRef } from "../../engine";
import type { Messages } from "../i18n";
import { SeverityIcon } from "./SeverityIcon";

/** More than this many entries are left to the 数据校验 sheet. */
export const MAX_LISTED = 200;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  entry: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    width: "100%",
    textAlign: "start",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  button: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  text: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  ref: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  action: { color: tokens.colorNeutralForeground3 },
});

export interface ProblemListProps {
  readonly t: Messages;
  readonly problems: readonly Problem[];
  readonly heading: string;
  readonly headingId: string;
  readonly onSelect: (ref: CellRef) => void;
}

/** Every problem with its severity, place and message; an entry with a place selects the cell (click, Enter or Space). */
export function ProblemList({ t, problems, heading, headingId, onSelect }: ProblemListProps): React.JSX.Element | null {
  const styles = useStyles();
  const [errorsOnly, setErrorsOnly] = React.useState(false);
  if (problems.length === 0) return null;
  const shown = errorsOnly ? problems.filter((p) => p.severity === "error") : problems;
  const listed = shown.slice(0, MAX_LISTED);
  const hasWarnings = problems.some((p) => p.severity === "warning");
  const hasErrors = problems.some((p) => p.severity === "error");

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="kp-h2">
        {heading}
        {t.lang === "zh" ? `（${problems.length}）` : ` (${problems.length})`}
      </h2>
      {t.messagesInChinese && (
        <Text size={200} block>
          {t.messagesInChinese}
        </Text>
      )}
      {hasErrors && hasWarnings && (
        <Checkbox label={t.errorsOnly} checked={errorsOnly} onChange={(_, d) => setErrorsOnly(d.checked === true)} />
      )}
      <ul className={styles.list}>
        {listed.map((p, i) => {
          const ref = formatRef(p.at);
          const severity = p.severity === "error" ? t.severityError : t.severityWarning;
          const body = (
            <>
              <SeverityIcon severity={p.severity} label={severity} />
              <span className={styles.text}>
                <span className={styles.ref}>{ref || t.noPlace}</span>
                <span>{p.message}</span>
                {p.action && (
                  <span className={styles.action}>
                    {t.actionPrefix}
                    {p.action}
                  </span>
                )}
              </span>
            </>
          );
          const at = p.at;
          return (
            <li key={`${i}:${p.code}:${ref}`}>
              {at ? (
                <button
                  type="button"
                  className={`${styles.entry} ${styles.button}`}
                  title={t.goToCell(ref)}
                  onClick={() => onSelect(at)}
                  onKeyDown={(e) => {
                    // Enter selects the cell; the default action is suppressed so that it fires once.
                    if (e.key === "Enter") {
                      e.preventDefault();
                      onSelect(at);
                    }
                  }}
                >
                  {body}
                </button>
              ) : (
                <div className={styles.entry}>{body}</div>
              )}
            </li>
          );
        })}
      </ul>
      {shown.length > listed.length && (
        <Text size={200} block>
          {t.moreProblems(shown.length - listed.length)}
        </Text>
      )}
    </section>
  );
}
