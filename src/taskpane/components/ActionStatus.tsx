import * as React from "react";
import { MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import type { ActionFeedback } from "./SetUpSection";

export interface ActionStatusProps {
  readonly busy: boolean;
  /** What the spinner says while the action runs. */
  readonly busyLabel: string;
  readonly feedback: ActionFeedback;
}

/** A section action's progress and outcome, announced to screen readers as it changes. */
export function ActionStatus({ busy, busyLabel, feedback }: ActionStatusProps): React.JSX.Element {
  return (
    <div aria-live="polite">
      {busy && <Spinner size="tiny" label={busyLabel} labelPosition="after" />}
      {!busy && feedback && (
        <MessageBar intent={feedback.intent}>
          <MessageBarBody>
            <Text size={200}>{feedback.text}</Text>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
