/**
 * A small formula evaluator, so that formula cells read back a value as in Excel: literals, cell and
 * range references (also on other sheets), arithmetic, comparison, "&", and a handful of functions.
 * Anything it does not know evaluates to "#NAME?" — as in an Excel that lacks the function.
 */
import { parseAddress, Rect } from "./address";
import { ErrorValue, StoredValue } from "./cells";

export type FormulaArg = StoredValue | StoredValue[][];
export type CustomFunction = (...args: FormulaArg[]) => StoredValue;

export interface FormulaEnvironment {
  /** The value of a cell ("" when empty); `sheet` undefined = the formula's own sheet. */
  cell(sheet: string | undefined, row: number, column: number): StoredValue;
  sheetExists(sheet: string): boolean;
  functions: ReadonlyMap<string, CustomFunction>;
}

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet?: string; address: string }
  | { t: "name"; v: string }
  | { t: "op"; v: string }
  | { t: "err"; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const ref =
    /^(?:(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![\p{L}\p{N}_(.])/u;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const m = ref.exec(rest);
    if (m) {
      out.push({ t: "ref", sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3] });
      i += m[0].length;
      continue;
    }
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|^\.\d+/.exec(rest);
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const err = /^#(?:DIV\/0!|N\/A|NAME\?|REF!|VALUE!|NUM!|NULL!)/.exec(rest);
    if (err) {
      out.push({ t: "err", v: err[0] });
      i += err[0].length;
      continue;
    }
    const name = /^[\p{L}_][\p{L}\p{N}_.]*/u.exec(rest);
    if (name) {
      out.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>(),%:;])/.exec(rest);
    if (op) {
      out.push({ t: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new SyntaxError(`Unexpected ${ch}`);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly env: FormulaEnvironment,
  ) {}

  run(): FormulaArg {
    const v = this.expr(0);
    if (this.i < this.tokens.length) throw new SyntaxError("Trailing input");
    return v;
  }

  private peekOp(): string | undefined {
    const t = this.tokens[this.i];
    return t && t.t === "op" ? t.v : undefined;
  }

  private static readonly PREC: Record<string, number> = {
    "=": 1,
    "<>": 1,
    "<": 1,
    ">": 1,
    "<=": 1,
    ">=": 1,
    "&": 2,
    "+": 3,
    "-": 3,
    "*": 4,
    "/": 4,
    "^": 5,
  };

  private expr(minPrec: number): FormulaArg {
    let left = this.unary();
    for (;;) {
      const op = this.peekOp();
      const prec = op !== undefined ? Parser.PREC[op] : undefined;
      if (op === undefined || prec === undefined || prec < minPrec) return left;
      this.i++;
      const right = this.expr(op === "^" ? prec : prec + 1);
      left = binary(op, scalar(left), scalar(right));
    }
  }

  private unary(): FormulaArg {
    const op = this.peekOp();
    if (op === "-" || op === "+") {
      this.i++;
      const v = scalar(this.unary());
      if (op === "+") return v;
      const n = toNumber(v);
      return n instanceof ErrorValue ? n : -n;
    }
    let v = this.primary();
    while (this.peekOp() === "%") {
      this.i++;
      const n = toNumber(scalar(v));
      v = n instanceof ErrorValue ? n : n / 100;
    }
    return v;
  }

  private primary(): FormulaArg {
    const t = this.tokens[this.i++];
    if (!t) throw new SyntaxError("Unexpected end");
    switch (t.t) {
      case "num":
        return t.v;
      case "str":
        return t.v;
      case "err":
        return new ErrorValue(t.v as ErrorValue["text"]);
      case "ref":
        return this.reference(t.sheet, t.address);
      case "name": {
        if (this.peekOp() === "(") {
          this.i++;
          const args: FormulaArg[] = [];
          if (this.peekOp() !== ")") {
            for (;;) {
              args.push(this.expr(0));
              const sep = this.peekOp();
              if (sep === "," || sep === ";") {
                this.i++;
                continue;
              }
              break;
            }
          }
          if (this.peekOp() !== ")") throw new SyntaxError("Missing )");
          this.i++;
          return callFunction(t.v, args, this.env);
        }
        const upper = t.v.toUpperCase();
        if (upper === "TRUE") return true;
        if (upper === "FALSE") return false;
        return new ErrorValue("#NAME?");
      }
      case "op":
        if (t.v === "(") {
          const v = this.expr(0);
          if (this.peekOp() !== ")") throw new SyntaxError("Missing )");
          this.i++;
          return v;
        }
        throw new SyntaxError(`Unexpected ${t.v}`);
    }
  }

  private reference(sheet: string | undefined, address: string): FormulaArg {
    if (sheet !== undefined && !this.env.sheetExists(sheet)) return new ErrorValue("#REF!");
    const rect = parseAddress(address) as Rect;
    if (rect.rowCount === 1 && rect.columnCount === 1) return this.env.cell(sheet, rect.row, rect.column);
    const rows: StoredValue[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      const row: StoredValue[] = [];
      for (let c = 0; c < rect.columnCount; c++) row.push(this.env.cell(sheet, rect.row + r, rect.column + c));
      rows.push(row);
    }
    return rows;
  }
}

function scalar(v: FormulaArg): StoredValue {
  if (Array.isArray(v)) return v.length === 1 && v[0].length === 1 ? v[0][0] : new ErrorValue("#VALUE!");
  return v;
}

function toNumber(v: StoredValue): number | ErrorValue {
  if (v instanceof ErrorValue) return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = Number(v.replace(/,/g, ""));
  return Number.isFinite(n) && v.trim() !== "" ? n : new ErrorValue("#VALUE!");
}

function toText(v: StoredValue): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return String(v);
}

function binary(op: string, a: StoredValue, b: StoredValue): StoredValue {
  if (a instanceof ErrorValue) return a;
  if (b instanceof ErrorValue) return b;
  if (op === "&") return toText(a) + toText(b);
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const cmp = compare(a, b);
    switch (op) {
      case "=":
        return cmp === 0;
      case "<>":
        return cmp !== 0;
      case "<":
        return cmp < 0;
      case ">":
        return cmp > 0;
      case "<=":
        return cmp <= 0;
      default:
        return cmp >= 0;
    }
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x instanceof ErrorValue) return x;
  if (y instanceof ErrorValue) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? new ErrorValue("#DIV/0!") : x / y;
    default: {
      const p = Math.pow(x, y);
      return Number.isFinite(p) ? p : new ErrorValue("#NUM!");
    }
  }
}

function compare(a: StoredValue, b: StoredValue): number {
  const rank = (v: StoredValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (a === "" && typeof b === "number") a = 0;
  if (b === "" && typeof a === "number") b = 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function flatten(args: FormulaArg[]): { values: StoredValue[]; fromRange: boolean[] } {
  const values: StoredValue[] = [];
  const fromRange: boolean[] = [];
  for (const a of args) {
    if (Array.isArray(a))
      for (const row of a)
        for (const v of row) {
          values.push(v);
          fromRange.push(true);
        }
    else {
      values.push(a);
      fromRange.push(false);
    }
  }
  return { values, fromRange };
}

/** Numbers for SUM/AVERAGE/…: text and booleans in ranges are skipped, as in Excel. */
function numbers(args: FormulaArg[]): number[] | ErrorValue {
  const { values, fromRange } = flatten(args);
  const out: number[] = [];
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v instanceof ErrorValue) return v;
    if (typeof v === "number") out.push(v);
    else if (!fromRange[k]) {
      const n = toNumber(v);
      if (n instanceof ErrorValue) return n;
      out.push(n);
    }
  }
  return out;
}

function roundHalfAwayFromZero(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  const scaled = Math.abs(x) * f;
  const r = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(x) * r) / f;
}

const BUILTINS: Record<string, (args: FormulaArg[]) => StoredValue> = {
  SUM: (a) => {
    const n = numbers(a);
    return n instanceof ErrorValue ? n : n.reduce((s, x) => s + x, 0);
  },
  AVERAGE: (a) => {
    const n = numbers(a);
    return n instanceof ErrorValue ? n : n.length === 0 ? new ErrorValue("#DIV/0!") : n.reduce((s, x) => s + x, 0) / n.length;
  },
  MIN: (a) => {
    const n = numbers(a);
    return n instanceof ErrorValue ? n : n.length === 0 ? 0 : Math.min(...n);
  },
  MAX: (a) => {
    const n = numbers(a);
    return n instanceof ErrorValue ? n : n.length === 0 ? 0 : Math.max(...n);
  },
  COUNT: (a) => flatten(a).values.filter((v) => typeof v === "number").length,
  COUNTA: (a) => flatten(a).values.filter((v) => v !== "").length,
  ROUND: (a) => {
    const x = toNumber(scalar(a[0] ?? 0));
    const d = toNumber(scalar(a[1] ?? 0));
    if (x instanceof ErrorValue) return x;
    if (d instanceof ErrorValue) return d;
    return roundHalfAwayFromZero(x, Math.trunc(d));
  },
  ABS: (a) => {
    const x = toNumber(scalar(a[0] ?? 0));
    return x instanceof ErrorValue ? x : Math.abs(x);
  },
  IF: (a) => {
    const c = scalar(a[0] ?? false);
    if (c instanceof ErrorValue) return c;
    const truthy = typeof c === "string" ? (c === "" ? false : null) : Boolean(c);
    if (truthy === null) return new ErrorValue("#VALUE!");
    return scalar(truthy ? (a[1] ?? true) : (a[2] ?? false));
  },
  IFERROR: (a) => {
    const v = scalar(a[0] ?? "");
    return v instanceof ErrorValue ? scalar(a[1] ?? "") : v;
  },
  AND: (a) => flatten(a).values.every((v) => Boolean(toNumber(v))),
  OR: (a) => flatten(a).values.some((v) => Boolean(toNumber(v))),
  NOT: (a) => !toNumber(scalar(a[0] ?? false)),
  CONCATENATE: (a) => a.map((x) => toText(scalar(x))).join(""),
  CONCAT: (a) => flatten(a).values.map(toText).join(""),
  LEN: (a) => toText(scalar(a[0] ?? "")).length,
  HYPERLINK: (a) => scalar(a[1] ?? a[0] ?? ""),
  NA: () => new ErrorValue("#N/A"),
};

function callFunction(name: string, args: FormulaArg[], env: FormulaEnvironment): StoredValue {
  const upper = name.toUpperCase();
  const custom = env.functions.get(upper);
  if (custom) return custom(...args);
  const builtin = BUILTINS[upper];
  if (builtin) return builtin(args);
  return new ErrorValue("#NAME?");
}

/** Formulas repeat down a column and are calculated on every read: each text is tokenized once (tokens are never changed). */
const TOKENS = new Map<string, Token[]>();

function tokensOf(formula: string): Token[] {
  let tokens = TOKENS.get(formula);
  if (!tokens) {
    tokens = tokenize(formula.replace(/^=/, ""));
    if (TOKENS.size > 50_000) TOKENS.clear();
    TOKENS.set(formula, tokens);
  }
  return tokens;
}

/** Evaluates "=…"; a formula it cannot parse gives "#NAME?". */
export function evaluateFormula(formula: string, env: FormulaEnvironment): StoredValue {
  try {
    const v = new Parser(tokensOf(formula), env).run();
    if (Array.isArray(v)) return v[0]?.[0] ?? "";
    return v === "" ? 0 : v;
  } catch {
    return new ErrorValue("#NAME?");
  }
}
