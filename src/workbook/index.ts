// The workbook layer's public surface: the layout as data, reading a workbook's cells, the sheets the
// product writes, and the change a run makes. Pure like the engine: no Office, DOM or Node import.
export * from "./layout";
export * from "./sheet-spec";
export * from "./read";
export * from "./result-sheets";
export * from "./template";
export * from "./plan";
export * from "./pipeline";
export * from "./demo-data";
