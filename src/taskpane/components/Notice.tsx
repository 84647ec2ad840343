import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Messages, NoticeIntent } from "../i18n";
import type { NoticeBar as NoticeBarType } from "./NoticeBar";

const useStyles = makeStyles({
  plain: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
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

let loadedBar: typeof NoticeBarType | undefined;
let loading: Promise<typeof NoticeBarType | undefined> | undefined;

/**
 * Loads the MessageBar behind Notice (a chunk of its own: MessageBar carries its motion and icons); the
 * pane calls it once it is ready. A failed load is tried again the next time a notice is shown.
 */
export function loadNotice(): Promise<typeof NoticeBarType | undefined> {
  loading ??= import(/* webpackChunkName: "notice" */ "./NoticeBar").then(
    (m) => (loadedBar = m.NoticeBar),
    () => {
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}

/**
 * A Fluent MessageBar named by its intent ("错误", "警告" …) — NoticeBar.tsx. Until its chunk has loaded
 * (a notice shown before the pane is ready: the workbook could not be read, the page is outside Excel),
 * the same text under the same role and name in a plain box, replaced by the MessageBar once loaded.
 */
export const Notice = React.forwardRef<HTMLDivElement, NoticeProps>(function Notice(props, ref) {
  const [Bar, setBar] = React.useState(() => loadedBar);
  React.useEffect(() => {
    if (Bar) return;
    let live = true;
    void loadNotice().then((loaded) => {
      if (live && loaded) setBar(() => loaded);
    });
    return () => {
      live = false;
    };
  }, [Bar]);
  const styles = useStyles();
  if (Bar) return <Bar ref={ref} {...props} />;
  const { intent, t, children, role, focusable, style, className, "data-testid": testId } = props;
  return (
    <div
      ref={ref}
      role={role ?? "group"}
      aria-label={t.notice[intent]}
      tabIndex={focusable ? -1 : undefined}
      style={style}
      className={mergeClasses(styles.plain, className)}
      data-testid={testId}
    >
      {children}
    </div>
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
