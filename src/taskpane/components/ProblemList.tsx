import * as React from "react";
import { Checkbox, Text, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { Problem, formatRef } from "../../engine";
import type { GoToCell } from "../actions";
import { ENGINE_LANG, Messages } from "../i18n";
import { FailureNotice } from "./Notice";
import { SeverityIcon } from "./SeverityIcon";
import { useRovingFocus } from "./useRovingFocus";
import { useHeadingStyles } from "./headings";

/** More than this many entries are left to the 数据校验 sheet. */
export const MAX_LISTED = 200;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  entry: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    // border-box: the border and padding stay inside the pane's width.
    boxSizing: "border-box",
    width: "100%",
    textAlign: "start",
    overflowWrap: "anywhere",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  button: { cursor: "pointer", ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover } },
  text: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  ref: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  // Foreground2, not 3: it keeps 4.5:1 on the hovered entry's background in the dark theme too.
  action: { color: tokens.colorNeutralForeground2 },
});

export interface ProblemListProps {
  readonly t: Messages;
  readonly problems: readonly Problem[];
  readonly heading: string;
  readonly headingId: string;
  readonly onSelect: GoToCell;
}

/**
 * Every problem with its severity, place and message; an entry with a place selects the cell (click,
 * Enter or Space). The list is one Tab stop; the arrow keys move between entries. A cell that cannot
 * be selected is said right under the entry, where the focus is.
 */
export function ProblemList({ t, problems, heading, headingId, onSelect }: ProblemListProps): React.JSX.Element | null {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const [errorsOnly, setErrorsOnly] = React.useState(false);
  const [failure, setFailure] = React.useState<{ readonly problem: Problem; readonly message: string } | null>(null);
  const shown = errorsOnly ? problems.filter((p) => p.severity === "error") : problems;
  const listed = shown.slice(0, MAX_LISTED);
  const roving = useRovingFocus(listed.length);
  if (problems.length === 0) return null;
  const hasWarnings = problems.some((p) => p.severity === "warning");
  const hasErrors = problems.some((p) => p.severity === "error");

  const select = async (p: Problem) => {
    if (!p.at) return;
    setFailure(null);
    const message = await onSelect(p.at);
    if (message) setFailure({ problem: p, message });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className={headings.h2}>
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
      <ul className={styles.list} aria-labelledby={headingId} onKeyDown={roving.onKeyDown}>
        {listed.map((p, i) => (
          <li key={`${i}:${p.code}:${formatRef(p.at)}`}>
            <ProblemEntry t={t} problem={p} index={i} roving={roving} onSelect={() => void select(p)} />
            {failure?.problem === p && <FailureNotice t={t} message={failure.message} />}
          </li>
        ))}
      </ul>
      {shown.length > listed.length && (
        <Text size={200} block>
          {t.moreProblems(shown.length - listed.length)}
        </Text>
      )}
    </section>
  );
}

interface ProblemEntryProps {
  readonly t: Messages;
  readonly problem: Problem;
  readonly index: number;
  readonly roving: ReturnType<typeof useRovingFocus>;
  readonly onSelect: () => void;
}

/** One entry: a button when the problem has a place, else a focusable block the arrow keys reach too. */
function ProblemEntry({ t, problem: p, index, roving, onSelect }: ProblemEntryProps): React.JSX.Element {
  const styles = useStyles();
  const ref = formatRef(p.at);
  const severity = p.severity === "error" ? t.severityError : t.severityWarning;
  const body = (
    <>
      <SeverityIcon severity={p.severity} label={severity} />
      <span className={styles.text}>
        <span className={styles.ref}>{ref || t.noPlace}</span>
        <span lang={ENGINE_LANG}>{p.message}</span>
        {p.action && (
          <span className={styles.action}>
            {t.actionPrefix}
            <span lang={ENGINE_LANG}>{p.action}</span>
          </span>
        )}
      </span>
    </>
  );
  const focus = { ref: roving.ref(index), tabIndex: roving.tabIndex(index), onFocus: roving.onFocus(index) };
  if (!p.at) {
    return (
      <div className={styles.entry} {...focus}>
        {body}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={`${styles.entry} ${styles.button}`}
      title={t.goToCell(ref)}
      {...focus}
      onClick={onSelect}
      onKeyDown={(e) => {
        // Enter selects the cell; the default action is suppressed so that it fires once.
        if (e.key === "Enter") {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      {body}
    </button>
  );
}
