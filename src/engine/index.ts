// The engine's public surface: pure TypeScript, no Office, DOM or Node import, so it runs in the task
// pane, in the custom-functions runtime and in Node alike.
export * from "./catalogue";
export * from "./cells";
export * from "./exact";
export * from "./format";
export * from "./period";
export * from "./problems";
export * from "./units";
export * from "./rules";
export * from "./records";
export * from "./scoring";
export * from "./events";
export * from "./ranking";
export * from "./calendar";
export * from "./evaluate";
