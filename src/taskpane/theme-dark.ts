// Fluent's dark theme, for a dark Office theme only: theme.ts loads this module on demand, so a light
// pane's start does not carry it.
export { webDarkTheme } from "@fluentui/react-components";
