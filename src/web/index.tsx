// The 网页版's entry (index.html): the pane's language from the browser's, its theme from the system's
// colour scheme, then the page (WebApp) with the pane inside. No Office, no network.

import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { ErrorBoundary } from "../taskpane/ErrorBoundary";
import { languageFrom, loadMessages } from "../taskpane/i18n";
import { loadPaneTheme } from "../taskpane/theme";
import { webMessages } from "./messages";
import { WebApp } from "./WebApp";

async function start(container: HTMLElement): Promise<void> {
  const lang = languageFrom(navigator.language);
  const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  const [t, theme] = await Promise.all([loadMessages(lang), loadPaneTheme(dark)]);
  const w = webMessages(lang);
  document.documentElement.lang = t.htmlLang;
  document.title = w.pageTitle;
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  document.body.style.color = theme.colorNeutralForeground1;
  createRoot(container).render(
    <FluentProvider theme={theme} lang={t.htmlLang}>
      <ErrorBoundary t={t}>
        <WebApp t={t} w={w} />
      </ErrorBoundary>
    </FluentProvider>,
  );
}

const container = document.getElementById("container");
if (container) void start(container);
