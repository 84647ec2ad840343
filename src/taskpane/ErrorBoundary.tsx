import * as React from "react";
import type { Messages } from "./i18n";
import { Notice } from "./components/Notice";

interface Props {
  readonly t: Pick<Messages, "notice" | "renderCrash">;
  readonly children?: React.ReactNode;
}

/** A rendering fault shows one sentence, never a stack trace; the details go to the developer console. */
export class ErrorBoundary extends React.Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error("12328 考评 task pane:", error);
  }

  override render(): React.ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Notice intent="error" t={this.props.t} role="alert" style={{ margin: 12 }}>
        {this.props.t.renderCrash}
      </Notice>
    );
  }
}
