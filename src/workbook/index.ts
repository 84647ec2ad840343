// The workbook layer's public surface: the layout as data, reading a workbook's cells, the sheets the
// product writes, the changes a generation, a set-up or an import makes, and the check every change
// passes before an adapter applies it. Pure like the engine: no Office, DOM or Node import.
export * from "./layout";
export * from "./sheet-spec";
export * from "./read";
export * from "./registry";
export * from "./result-sheets";
export * from "./result-layout";
export * from "./publication-table";
export * from "./print-style";
export * from "./template";
export * from "./check-change";
export * from "./plan";
export * from "./lifecycle";
export * from "./ledger";
export * from "./corrections";
export * from "./pipeline";
export * from "./overview";
export * from "./set-up";
export * from "./import-plan";
export * from "./demo-data";
export * from "./host-port";
export * from "./host-steps";
export * from "./transact";
export * from "./notice-facts";
export * from "./notice-text";
export * from "./notice";
