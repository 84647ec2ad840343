// The Fluent MessageBar behind Notice (Notice.tsx): a chunk of its own in the production build, with
// MessageBar's motion and icons, loaded once the pane is ready or when a notice is first shown.

import * as React from "react";
import { MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { NoticeProps } from "./Notice";

const useStyles = makeStyles({
  focusable: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" } },
});

/**
 * A Fluent MessageBar named by its intent ("错误", "警告" …). MessageBar points `aria-labelledby` at the
 * id of a MessageBarTitle; the pane shows none, so that reference is replaced by a name of its own.
 */
export const NoticeBar = React.forwardRef<HTMLDivElement, NoticeProps>(function NoticeBar(
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
