// What the pane needs only when the user acts: a generation (ranking, result sheets, lifecycle), a
// set-up (the template writer), an import, and the writing of any of them into Excel. Each is a chunk of its own in the production build,
// loaded the first time it is asked for and prefetched once the pane has shown itself (prefetchOnDemand),
// so that the pane's start carries none of it and an action rarely waits for it.

/** `load` called at most once; a failed load (the network) is tried again next time. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

export const loadGeneration = once(() => import(/* webpackChunkName: "generate" */ "../../workbook/pipeline"));
export const loadSetUp = once(() => import(/* webpackChunkName: "set-up" */ "../../workbook/set-up"));
export const loadImport = once(() => import(/* webpackChunkName: "import" */ "../../workbook/import-plan"));
/** Reading a returned .xlsx (its cells; ExcelJS itself is a chunk of its own, loaded only then). */
export const loadXlsxFile = once(() => import(/* webpackChunkName: "import" */ "./xlsx-file"));
/** The Office adapter's write side (its host port, and transact): every action ends with it; the start only reads. */
export const loadWriter = once(() => import(/* webpackChunkName: "write" */ "../../adapters/office/excel-workbook"));

/** Loads every on-demand part in the background; a failure now is only retried when the part is used. */
export function prefetchOnDemand(): void {
  for (const load of [loadGeneration, loadSetUp, loadImport, loadXlsxFile]) load().catch(() => undefined);
}
