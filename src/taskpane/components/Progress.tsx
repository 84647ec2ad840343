// Fluent's ProgressBar, shown only while a generation runs: result-view.tsx loads it with the result view.
export { ProgressBar } from "@fluentui/react-components";
