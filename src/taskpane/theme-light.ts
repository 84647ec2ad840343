// Fluent's light theme, the pane's default. The production build replaces this module by the theme's
// values as one object literal (build/fluent-theme-literal.js), so that the pane's start carries the
// values rather than @fluentui/tokens' palettes and the code that derives the theme from them.
export { webLightTheme } from "@fluentui/react-components";
