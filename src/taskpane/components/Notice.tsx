import * as React from "react";
import { MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Messages, NoticeIntent } from "../i18n";

const useStyles = makeStyles({
  focusable: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" } },
  failure: { marginTop: tokens.spacingVerticalXS },
});

export interface NoticeProps {
  readonly intent: NoticeIntent;
  readonly t: Pick<Messages, "notice">;
  readonly children: React.ReactNode;
  /** "alert" for a failure the user must hear at once; else Fluent's own role (group). */
  readonly role?: "alert";
  /** The pane may move focus here (tabindex -1: not a Tab stop). */
  readonly focusable?: boolean;
  readonly style?: React.CSSProperties;
  readonly className?: string;
  readonly "data-testid"?: string;
}

/**
 * A Fluent MessageBar named by its intent ("错误", "警告" …). MessageBar points `aria-labelledby` at the
 * id of a MessageBarTitle; the pane shows none, so that reference is replaced by a name of its own.
 */
export const Notice = React.forwardRef<HTMLDivElement, NoticeProps>(function Notice(
  { intent, t, children, role, focusable, style, className, "data-testid": testId },
  ref,
) {
  const styles = useStyles();
  return (
    <MessageBar
      ref={ref}
      intent={intent}
      {...(role ? { role } : {})}
      aria-labelledby={undefined}
      aria-label={t.notice[intent]}
      tabIndex={focusable ? -1 : undefined}
      style={style}
      className={mergeClasses(focusable && styles.focusable, className)}
      data-testid={testId}
    >
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
});

/** An action that failed, said right beside the control that started it and scrolled into view. */
export function FailureNotice({ t, message }: { readonly t: Pick<Messages, "notice">; readonly message: string }): React.JSX.Element {
  const styles = useStyles();
  const ref = React.useCallback((el: HTMLDivElement | null) => el?.scrollIntoView?.({ block: "nearest" }), []);
  return (
    <Notice ref={ref} intent="error" role="alert" t={t} className={styles.failure}>
      {message}
    </Notice>
  );
}
