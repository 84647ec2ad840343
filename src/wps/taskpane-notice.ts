// The pane's line about the KAOPING functions in a WPS without custom functions.

/** The first WPS 表格 build with custom functions (Kingsoft: 自从 12.1.0.20540 版本开始支持加载项自定义函数). */
export const FUNCTIONS_SINCE = "12.1.0.20540";

/** The pane's line about the KAOPING functions, or none where they are registered. */
export function functionsNotice(state: string | null): string | undefined {
  if (state === "registered") return undefined;
  return `本机 WPS 表格不支持加载项自定义函数，KAOPING.* 函数不可用（需要 WPS ${FUNCTIONS_SINCE} 或更高版本）；考评排名、公示与更正不受影响。`;
}
