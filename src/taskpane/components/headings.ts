// The pane's section headings (h2) and sub-headings (h3): one look for all of them. Plain makeStyles so
// that the production build extracts them at build time like every other style (no runtime CSS compiler).

import { makeStyles, tokens } from "@fluentui/react-components";

export const useHeadingStyles = makeStyles({
  h2: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalXS} 0`,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  h3: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/** The page's title under its brand line: the pane's, and the 网页版's start page. */
export const useTitleStyles = makeStyles({
  header: { borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, paddingBottom: tokens.spacingVerticalS },
  title: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    color: tokens.colorBrandForeground1,
  },
});
