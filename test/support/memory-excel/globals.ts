/**
 * Installs the host as the globals an add-in sees in Office: `Excel` (run, enums), `Office`
 * (onReady, context.displayLanguage, context.requirements.isSetSupported) and `OfficeExtension`.
 * No Node imports: works bundled into a browser page.
 */
import { ErrorCode, MemoryExcelError } from "./errors";
import { MemoryExcel } from "./host";

export interface OfficeGlobalsOptions {
  /** `Office.context.displayLanguage` (default "zh-CN"). */
  displayLanguage?: string;
  /** Supported requirement sets and their highest version, e.g. { ExcelApi: "1.12" }. */
  requirementSets?: Record<string, string>;
  /** `Office.onReady` info (default host Excel, platform OfficeOnline). */
  host?: string;
  platform?: string;
}

/** Requirement sets of a current Excel on the web. */
export const DEFAULT_REQUIREMENT_SETS: Record<string, string> = {
  ExcelApi: "1.17",
  CustomFunctionsRuntime: "1.4",
  SharedRuntime: "1.1",
  DialogApi: "1.2",
  RibbonApi: "1.1",
};

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** The enums add-ins commonly use at runtime; values checked against the real declarations. */
export const ExcelEnums = {
  ErrorCodes: ErrorCode,
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } satisfies {
    [K in keyof typeof Excel.SheetVisibility]: `${(typeof Excel.SheetVisibility)[K]}`;
  },
  CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" } satisfies {
    [K in keyof typeof Excel.CalculationMode]: `${(typeof Excel.CalculationMode)[K]}`;
  },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" } satisfies {
    [K in keyof typeof Excel.ChartSeriesBy]: `${(typeof Excel.ChartSeriesBy)[K]}`;
  },
  ChartType: { columnClustered: "ColumnClustered", barClustered: "BarClustered", line: "Line", pie: "Pie" } satisfies {
    [K in keyof typeof Excel.ChartType]?: `${(typeof Excel.ChartType)[K]}`;
  },
  HorizontalAlignment: {
    general: "General",
    left: "Left",
    center: "Center",
    right: "Right",
    fill: "Fill",
    justify: "Justify",
    centerAcrossSelection: "CenterAcrossSelection",
    distributed: "Distributed",
  } satisfies { [K in keyof typeof Excel.HorizontalAlignment]: `${(typeof Excel.HorizontalAlignment)[K]}` },
  DataValidationOperator: {
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqualTo: "GreaterThanOrEqualTo",
    lessThanOrEqualTo: "LessThanOrEqualTo",
  } satisfies { [K in keyof typeof Excel.DataValidationOperator]: `${(typeof Excel.DataValidationOperator)[K]}` },
  DataValidationAlertStyle: { information: "Information", stop: "Stop", warning: "Warning" } satisfies {
    [K in keyof typeof Excel.DataValidationAlertStyle]: `${(typeof Excel.DataValidationAlertStyle)[K]}`;
  },
  ContentType: { plain: "Plain", mention: "Mention" } satisfies {
    [K in keyof typeof Excel.ContentType]: `${(typeof Excel.ContentType)[K]}`;
  },
  ClearApplyTo: {
    all: "All",
    formats: "Formats",
    contents: "Contents",
    hyperlinks: "Hyperlinks",
    removeHyperlinks: "RemoveHyperlinks",
    resetContents: "ResetContents",
  } satisfies { [K in keyof typeof Excel.ClearApplyTo]: `${(typeof Excel.ClearApplyTo)[K]}` },
};

/** The `Excel` global: `run` with the real signature(s), plus the enums above. */
export function createExcelGlobal(host: MemoryExcel) {
  const run = ((...args: unknown[]) => {
    const batch = args[args.length - 1] as (context: Excel.RequestContext) => Promise<unknown>;
    if (typeof batch !== "function") return Promise.reject(new MemoryExcelError(ErrorCode.invalidArgument, undefined, "Excel.run"));
    return host.run(batch);
  }) as typeof Excel.run;
  return { run, ...ExcelEnums } satisfies Pick<typeof Excel, "run">;
}

/** The `Office` global, for the parts an add-in asks at start-up. */
export function createOfficeGlobal(options: OfficeGlobalsOptions = {}) {
  const sets = { ...(options.requirementSets ?? DEFAULT_REQUIREMENT_SETS) };
  const info = { host: options.host ?? "Excel", platform: options.platform ?? "OfficeOnline" } as unknown as {
    host: Office.HostType;
    platform: Office.PlatformType;
  };
  const requirements: Pick<Office.RequirementSetSupport, "isSetSupported"> = {
    isSetSupported(name: string, minVersion?: string | number): boolean {
      const have = sets[name];
      if (have === undefined) return false;
      return minVersion === undefined ? true : versionAtLeast(have, String(minVersion));
    },
  };
  const context = {
    displayLanguage: options.displayLanguage ?? "zh-CN",
    contentLanguage: options.displayLanguage ?? "zh-CN",
    requirements,
  };
  const office = {
    context,
    onReady(
      callback?: (info: { host: Office.HostType; platform: Office.PlatformType }) => unknown,
    ): Promise<{ host: Office.HostType; platform: Office.PlatformType }> {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    /** Test knobs: change what the add-in sees. */
    setRequirementSet(name: string, version: string | undefined): void {
      if (version === undefined) delete sets[name];
      else sets[name] = version;
    },
    setDisplayLanguage(language: string): void {
      context.displayLanguage = language;
      context.contentLanguage = language;
    },
  };
  office satisfies Pick<typeof Office, "onReady">;
  context satisfies Pick<Office.Context, "displayLanguage" | "contentLanguage">;
  return office;
}

export const OfficeExtensionGlobal = {
  Error: MemoryExcelError,
  ErrorCodes: {
    propertyNotLoaded: "PropertyNotLoaded",
    generalException: "GeneralException",
    invalidArgument: "InvalidArgument",
    invalidObjectPath: "InvalidObjectPath",
    accessDenied: "AccessDenied",
    apiNotFound: "ApiNotFound",
  },
};

export interface InstalledGlobals {
  Excel: ReturnType<typeof createExcelGlobal>;
  Office: ReturnType<typeof createOfficeGlobal>;
  /** Restores whatever the globals were before. */
  uninstall(): void;
}

/** Sets `Excel`, `Office` and `OfficeExtension` on `target` (default `globalThis`). */
export function installGlobals(host: MemoryExcel, options: OfficeGlobalsOptions = {}, target: object = globalThis): InstalledGlobals {
  const t = target as Record<string, unknown>;
  const before = { Excel: t.Excel, Office: t.Office, OfficeExtension: t.OfficeExtension };
  const had = { Excel: "Excel" in t, Office: "Office" in t, OfficeExtension: "OfficeExtension" in t };
  const excel = createExcelGlobal(host);
  const office = createOfficeGlobal(options);
  t.Excel = excel;
  t.Office = office;
  t.OfficeExtension = OfficeExtensionGlobal;
  return {
    Excel: excel,
    Office: office,
    uninstall() {
      for (const k of ["Excel", "Office", "OfficeExtension"] as const) {
        if (had[k]) t[k] = before[k];
        else delete t[k];
      }
    },
  };
}
