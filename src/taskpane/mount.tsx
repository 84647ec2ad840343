import * as React from "react";
import { createRoot, Root } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { App } from "./App";
import type { PaneController } from "./controller";
import { Notice } from "./components/Notice";
import { ErrorBoundary } from "./ErrorBoundary";
import { Messages, languageFrom, loadMessages } from "./i18n";
import { OfficeThemeInfo, isDarkOfficeTheme, loadPaneTheme } from "./theme";

export interface PaneEnvironment {
  /** `Office.context.displayLanguage`: "en-US" → English, else Chinese. */
  readonly displayLanguage?: string;
  /** `Office.context.officeTheme`, when Office offers it: a dark Office theme gives a dark pane. */
  readonly officeTheme?: OfficeThemeInfo | null;
  /** "Now" for the default period; tests fix it. */
  readonly today?: Date;
  /** Why the pane cannot run here (a missing requirement set, no office.js): shown instead of the pane. */
  readonly unavailable?: (t: Messages) => string;
  /** A sentence about the host shown above the pane (WPS: the KAOPING functions need a newer build). */
  readonly notice?: string;
}

/**
 * Renders the pane into `container` in Office's language and theme (English and the dark theme are
 * loaded first when asked for). `controller` null: the page was opened outside Excel, and says so.
 */
export async function mountPane(container: HTMLElement, controller: PaneController | null, env: PaneEnvironment = {}): Promise<Root> {
  const dark = isDarkOfficeTheme(env.officeTheme);
  const [t, theme] = await Promise.all([loadMessages(languageFrom(env.displayLanguage)), loadPaneTheme(dark)]);
  const doc = container.ownerDocument;
  doc.documentElement.lang = t.htmlLang;
  doc.title = t.appTitle;
  // The page around the provider (scroll bars, the area below the content, native controls) in the same theme.
  doc.documentElement.style.colorScheme = dark ? "dark" : "light";
  doc.body.style.backgroundColor = theme.colorNeutralBackground1;
  doc.body.style.color = theme.colorNeutralForeground1;
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={theme} lang={t.htmlLang}>
      <ErrorBoundary t={t}>
        {env.notice && (
          <Notice intent="info" t={t} style={{ margin: "8px 12px 0" }}>
            {env.notice}
          </Notice>
        )}
        {controller ? (
          <App controller={controller} t={t} today={env.today} />
        ) : (
          <Notice intent="warning" t={t} style={{ margin: 12 }}>
            {env.unavailable ? env.unavailable(t) : t.outsideExcel}
          </Notice>
        )}
      </ErrorBoundary>
    </FluentProvider>,
  );
  return root;
}
