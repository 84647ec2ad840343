import * as React from "react";
import { Spinner, Text } from "@fluentui/react-components";
import type { FeedbackState } from "../actions";
import type { Messages } from "../i18n";
import { Notice } from "./Notice";

export interface ActionStatusProps extends FeedbackState {
  readonly t: Messages;
  readonly busy: boolean;
  /** What the spinner says while the action runs. */
  readonly busyLabel: string;
}

/**
 * A section action's progress and outcome, announced to screen readers as it changes. When the action
 * ends with the focus lost (its section moved) or still in its section, the focus moves to the outcome.
 */
export function ActionStatus({ t, busy, busyLabel, feedback, claimFocus }: ActionStatusProps): React.JSX.Element {
  const notice = React.useRef<HTMLDivElement>(null);
  const shown = !busy && feedback;
  React.useEffect(() => {
    const el = notice.current;
    if (!shown || !el || !claimFocus()) return;
    const active = el.ownerDocument.activeElement;
    const section = el.closest("section");
    if (!active || active === el.ownerDocument.body || section?.contains(active)) el.focus();
  }, [shown, claimFocus]);
  return (
    <div aria-live="polite">
      {busy && <Spinner size="tiny" label={busyLabel} labelPosition="after" />}
      {shown && (
        <Notice ref={notice} intent={feedback.intent} t={t} focusable>
          <Text size={200}>{feedback.text}</Text>
        </Notice>
      )}
    </div>
  );
}
