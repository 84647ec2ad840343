import * as React from "react";
import { createRoot, Root } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import type { PaneController } from "./controller";
import { ErrorBoundary } from "./ErrorBoundary";
import { languageFrom, messagesFor } from "./i18n";

/**
 * Renders the pane into `container` in the language Office reports ("en-US" → English, else Chinese).
 * `controller` null: the page was opened outside Excel, and says so.
 */
export function mountPane(
  container: HTMLElement,
  controller: PaneController | null,
  displayLanguage: string | undefined,
  today?: Date,
): Root {
  const t = messagesFor(languageFrom(displayLanguage));
  container.ownerDocument.documentElement.lang = t.htmlLang;
  container.ownerDocument.title = t.appTitle;
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme} lang={t.htmlLang}>
      <ErrorBoundary message={t.renderCrash}>
        {controller ? (
          <App controller={controller} t={t} today={today} />
        ) : (
          <MessageBar intent="warning" style={{ margin: 12 }}>
            <MessageBarBody>{t.outsideExcel}</MessageBarBody>
          </MessageBar>
        )}
      </ErrorBoundary>
    </FluentProvider>,
  );
  return root;
}
