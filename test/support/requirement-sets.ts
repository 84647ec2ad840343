/**
 * Which Office.js and custom-functions runtime members the product code uses, and which requirement set
 * each needs: read with the TypeScript compiler from the code itself, and from the `[Api set: …]` tags of
 * Microsoft's declarations (@types/office-js, @types/office-runtime, @types/custom-functions-runtime when
 * installed). test/requirement-sets.test.ts holds the result against manifest.xml's <Requirements>.
 *
 * What counts as a use: a property access (`context.workbook`, `Excel.SheetVisibility.hidden`), an element
 * access into an Office enum with literal keys, and a destructured property, whose declaration is in those
 * packages — or in a product interface that mirrors a runtime global, marked `@runtimeGlobal <name>` in its
 * JSDoc, whose members then carry their own tags (src/functions/functions.ts). Types alone need no set.
 *
 * Which set: the member's own tag, else that of the declaration around it (class, interface, enum).
 * Microsoft writes some tags per use: "ExcelApi 1.1 for get, 1.8 for set" (and "for reading … / for
 * setting …") is read per access — an assignment needs the set version; other qualifiers ("1.7 for Array")
 * depend on argument values the compiler cannot see, so the lowest version stands for them. A tag naming
 * several sets ("SharedRuntime 1.1, Mailbox 1.10") is met by any one. Members without any tag (Excel.run,
 * context.sync, Office.onReady, Office.context) are the hosts' base API and need no set.
 *
 * When a use is guarded: it lies where a HostFeatures flag (src/adapters/office/excel-read.ts, whose
 * detectFeatures says which set each flag detects) is known to be true — in the `then` branch of an `if`,
 * the true branch of `?:` or the right side of `&&` whose condition has `features.<flag>` as a conjunct,
 * or after an `if (!features.<flag>) return;` in an enclosing block. A boolean derived from a flag (such
 * as `manual`) is a guard only where the caller names it in `aliases`, with the reason.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export interface SetVersion {
  readonly set: string;
  readonly version: string;
}

/** A tag's requirement: any one alternative suffices. Empty for untagged (base API) members. */
export type Need = readonly SetVersion[];

export interface ApiUse {
  readonly file: string;
  readonly line: number;
  /** e.g. "Excel.Application.calculationMode", "CustomFunctions.Error". */
  readonly member: string;
  readonly access: "read" | "write";
  /** The `[Api set: …]` text that applies ("" when untagged), and what it asks for. */
  readonly tag: string;
  readonly need: Need;
  /** HostFeatures flags (or aliases' flags) known true where the use is. */
  readonly guards: readonly string[];
}

const OFFICE_TYPES = /[\\/]node_modules[\\/]@types[\\/](office-js|office-runtime|custom-functions-runtime)[\\/]/;
const API_SET = /\[Api set:\s*([^\]]*)\]/;

/** Compares dotted versions numerically ("1.10" > "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The requirement sets of a manifest's <Requirements><Sets>, by name (DefaultMinVersion where a Set has none). */
export function declaredSets(manifestXml: string): Map<string, string> {
  const sets = /<Requirements>\s*<Sets\b([^>]*)>([\s\S]*?)<\/Sets>/.exec(manifestXml.replace(/<!--[\s\S]*?-->/g, ""));
  const out = new Map<string, string>();
  if (!sets) return out;
  const fallback = /DefaultMinVersion="([^"]*)"/.exec(sets[1])?.[1] ?? "1.1";
  for (const m of sets[2].matchAll(/<Set\b([^>]*)\/>/g)) {
    const name = /Name="([^"]*)"/.exec(m[1])?.[1];
    if (name) out.set(name, /MinVersion="([^"]*)"/.exec(m[1])?.[1] ?? fallback);
  }
  return out;
}

interface Alternative extends SetVersion {
  readonly kind: "plain" | "read" | "write" | "other";
}

/** The alternatives of an `[Api set: …]` text; undefined when it names no version at all. */
export function parseApiSet(text: string): Alternative[] | undefined {
  const parts = text.split(/[;,]\s*(?=(?:[A-Za-z]\w*\s+)?\d+\.\d+\b)/);
  const out: Alternative[] = [];
  let name = "";
  for (const part of parts) {
    const m = /^\s*(?:([A-Za-z]\w*)\s+)?(\d+\.\d+)\b\s*([\s\S]*)$/.exec(part);
    if (!m) return undefined;
    name = m[1] ?? name;
    if (!name) return undefined;
    const q = m[3].trim();
    const kind = !q
      ? "plain"
      : /\bfor set\b|\bsetting\b/i.test(q)
        ? "write"
        : /\bfor get\b|\breading\b|\bgetting\b/i.test(q)
          ? "read"
          : "other";
    out.push({ set: name, version: m[2], kind });
  }
  return out.length ? out : undefined;
}

/** What one access needs, from a tag's alternatives. */
export function needFor(alternatives: readonly Alternative[], access: "read" | "write"): Need {
  const specific = alternatives.filter((a) => a.kind === access);
  if (specific.length) return specific;
  const plain = alternatives.filter((a) => a.kind === "plain");
  if (plain.length) return plain;
  // Only value-dependent qualifiers ("1.7 for Array"): the lowest version of each set stands for the member.
  const lowest = new Map<string, Alternative>();
  for (const a of alternatives) if (!lowest.has(a.set) || compareVersions(a.version, lowest.get(a.set)!.version) < 0) lowest.set(a.set, a);
  return [...lowest.values()];
}

function leadingComment(node: ts.Node): string {
  const sf = node.getSourceFile();
  return sf.text.slice(node.getFullStart(), node.getStart(sf));
}

/** The `@runtimeGlobal` name of a product interface that mirrors a runtime global, if `decl` is one of its members. */
function mirrorOf(decl: ts.Declaration): string | undefined {
  const owner = decl.parent;
  if (!owner || !(ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner))) return undefined;
  return /@runtimeGlobal\s+(\w+)/.exec(leadingComment(owner))?.[1];
}

function isOfficeDeclaration(decl: ts.Declaration): boolean {
  return OFFICE_TYPES.test(decl.getSourceFile().fileName) || mirrorOf(decl) !== undefined;
}

/** The nearest `[Api set: …]` text on the declaration or around it. */
function tagOf(decl: ts.Node): string {
  for (let n: ts.Node | undefined = decl; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isModuleBlock(n)) continue;
    const m = API_SET.exec(leadingComment(n));
    if (m) return m[1].trim();
  }
  return "";
}

/** A readable name: the declaration's containers and its own name ("Excel.Range.values"). */
function qualifiedName(decl: ts.Declaration): string {
  const mirror = mirrorOf(decl);
  const names: string[] = [];
  for (let n: ts.Node | undefined = decl; n && !ts.isSourceFile(n); n = n.parent) {
    const name = (n as ts.NamedDeclaration).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) names.unshift(name.text);
    if (mirror && (ts.isInterfaceDeclaration(n) || ts.isClassDeclaration(n))) {
      names[0] = mirror;
      break;
    }
  }
  return names.join(".");
}

function isWrite(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isBinaryExpression(p) && p.left === node)
    return p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  if (
    (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) &&
    [ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(p.operator)
  )
    return true;
  return ts.isDeleteExpression(p);
}

export interface GuardOptions {
  /** HostFeatures flag → the set it detects (from detectFeatures). */
  readonly flags: ReadonlyMap<string, SetVersion>;
  /** Booleans derived from a flag: identifier → flag, per file (path relative to the project). */
  readonly aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** The flags detectFeatures (excel-read.ts) maps to `isSetSupported(set, version)` calls. */
export function featureFlags(program: ts.Program, file: string): Map<string, SetVersion> {
  const out = new Map<string, SetVersion>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name?.text === "detectFeatures") {
      node.forEachChild(function find(n): void {
        if (ts.isPropertyAssignment(n) && ts.isCallExpression(n.initializer)) {
          const [set, version] = n.initializer.arguments;
          if (ts.isIdentifier(n.name) && set && version && ts.isStringLiteral(set) && ts.isStringLiteral(version))
            out.set(n.name.text, { set: set.text, version: version.text });
        }
        n.forEachChild(find);
      });
    }
    node.forEachChild(visit);
  };
  visit(program.getSourceFile(file)!);
  return out;
}

class Scanner {
  readonly uses: ApiUse[] = [];
  readonly aliasesUsed = new Set<string>();
  private readonly checker: ts.TypeChecker;

  constructor(
    private readonly program: ts.Program,
    private readonly root: string,
    private readonly guards: GuardOptions,
  ) {
    this.checker = program.getTypeChecker();
  }

  scan(file: string): void {
    const sf = this.program.getSourceFile(file);
    if (!sf) throw new Error(`not in the program: ${file}`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) this.record(node, node.name, this.checker.getSymbolAtLocation(node.name));
      else if (ts.isElementAccessExpression(node)) this.recordEnumIndex(node);
      else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = node.propertyName ?? node.name;
        if (ts.isIdentifier(key)) this.record(node, key, this.checker.getTypeAtLocation(node.parent).getProperty(key.text));
      }
      node.forEachChild(visit);
    };
    visit(sf);
  }

  private record(node: ts.Node, at: ts.Node, symbol: ts.Symbol | undefined, only?: ts.Declaration): void {
    if (!symbol) return;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    let decls = (only ? [only] : (symbol.declarations ?? [])).filter(isOfficeDeclaration);
    if (!decls.length) return;
    // A call: the overload the compiler chose.
    const call = node.parent;
    if (!only && ts.isCallExpression(call) && call.expression === node) {
      const chosen = this.checker.getResolvedSignature(call)?.declaration;
      if (chosen && !ts.isJSDocSignature(chosen) && decls.includes(chosen as ts.Declaration)) decls = [chosen as ts.Declaration];
    }
    const access = isWrite(node) ? "write" : "read";
    const decl = decls[0];
    const tag = tagOf(decl);
    const parsed = tag ? parseApiSet(tag) : [];
    const sf = node.getSourceFile();
    this.uses.push({
      file: path.relative(this.root, sf.fileName),
      line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1,
      member: qualifiedName(decl),
      access,
      tag,
      need: parsed ? needFor(parsed, access) : [{ set: `unreadable tag "${tag}"`, version: "0" }],
      guards: this.guardsAt(node),
    });
  }

  /** `SomeEnum[key]` with an Office enum: each member the key's literal type can name (all when unknown). */
  private recordEnumIndex(node: ts.ElementAccessExpression): void {
    const target = this.checker.getSymbolAtLocation(node.expression);
    const decl = target?.declarations?.find(ts.isEnumDeclaration);
    if (!decl || !isOfficeDeclaration(decl)) return;
    const keyType = this.checker.getTypeAtLocation(node.argumentExpression);
    const keys = (keyType.isUnion() ? keyType.types : [keyType])
      .filter((t) => t.isStringLiteral())
      .map((t) => (t as ts.StringLiteralType).value);
    for (const member of decl.members)
      if (!keys.length || keys.includes(member.name.getText())) this.record(node, node.argumentExpression, undefined, member);
  }

  /** A HostFeatures flag (or alias) that `expr` reads, if it is one. */
  private flagOf(expr: ts.Expression): string | undefined {
    while (ts.isParenthesizedExpression(expr) || ts.isNonNullExpression(expr)) expr = expr.expression;
    if (ts.isPropertyAccessExpression(expr) && this.guards.flags.has(expr.name.text)) {
      const type = this.checker.getTypeAtLocation(expr.expression);
      if (type.getSymbol()?.getName() === "HostFeatures") return expr.name.text;
    }
    if (ts.isIdentifier(expr)) {
      const file = path.relative(this.root, expr.getSourceFile().fileName);
      const flag = this.guards.aliases.get(file)?.get(expr.text);
      if (flag) {
        this.aliasesUsed.add(`${file}:${expr.text}`);
        return flag;
      }
    }
    return undefined;
  }

  /** Flags known true when `cond` is true: its `&&` conjuncts that are flags. */
  private factsIfTrue(cond: ts.Expression): string[] {
    while (ts.isParenthesizedExpression(cond)) cond = cond.expression;
    if (ts.isBinaryExpression(cond) && cond.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
      return [...this.factsIfTrue(cond.left), ...this.factsIfTrue(cond.right)];
    const flag = this.flagOf(cond);
    return flag ? [flag] : [];
  }

  /** Flags known true when `cond` is false: `!flag`, and each side of `||`. */
  private factsIfFalse(cond: ts.Expression): string[] {
    while (ts.isParenthesizedExpression(cond)) cond = cond.expression;
    if (ts.isBinaryExpression(cond) && cond.operatorToken.kind === ts.SyntaxKind.BarBarToken)
      return [...this.factsIfFalse(cond.left), ...this.factsIfFalse(cond.right)];
    if (ts.isPrefixUnaryExpression(cond) && cond.operator === ts.SyntaxKind.ExclamationToken) return this.factsIfTrue(cond.operand);
    return [];
  }

  private guardsAt(node: ts.Node): string[] {
    const facts: string[] = [];
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent)) {
        if (child === parent.thenStatement) facts.push(...this.factsIfTrue(parent.expression));
        if (child === parent.elseStatement) facts.push(...this.factsIfFalse(parent.expression));
      } else if (ts.isConditionalExpression(parent)) {
        if (child === parent.whenTrue) facts.push(...this.factsIfTrue(parent.condition));
        if (child === parent.whenFalse) facts.push(...this.factsIfFalse(parent.condition));
      } else if (ts.isBinaryExpression(parent) && child === parent.right) {
        if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) facts.push(...this.factsIfTrue(parent.left));
        if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) facts.push(...this.factsIfFalse(parent.left));
      } else if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
        // An earlier `if (!features.x) return;` (or throw) in the same block.
        for (const s of parent.statements) {
          if (s === child) break;
          if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) facts.push(...this.factsIfFalse(s.expression));
        }
      }
    }
    return facts;
  }
}

function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.length > 0 && exits(statement.statements[statement.statements.length - 1]);
}

/** Product files under `dirs` (tests excluded). */
export function productFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(p);
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return out.sort();
}

/** Whether a type package is installed (as `types` of the program). */
export function hasTypes(root: string, name: string): boolean {
  return fs.existsSync(path.join(root, "node_modules", "@types", name, "index.d.ts"));
}

/**
 * A program over `files` with the project's compiler options (and the Office type packages that are
 * installed); `virtual` adds files that exist only in memory (path → text), for checking the checker.
 */
export function createProgram(root: string, files: readonly string[], virtual: Readonly<Record<string, string>> = {}): ts.Program {
  const configFile = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const types = [...(parsed.options.types ?? []), ...["office-runtime", "custom-functions-runtime"].filter((t) => hasTypes(root, t))];
  const options: ts.CompilerOptions = { ...parsed.options, types: [...new Set(types)], noEmit: true };
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name in virtual ? ts.createSourceFile(name, virtual[name], language, true) : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name in virtual || fileExists.call(host, name);
  host.readFile = (name) => (name in virtual ? virtual[name] : readFile.call(host, name));
  return ts.createProgram({ rootNames: [...files, ...Object.keys(virtual)], options, host });
}

/** Every use of an Office / custom-functions runtime member in `files`. */
export function findApiUses(program: ts.Program, root: string, files: readonly string[], guards: GuardOptions) {
  const scanner = new Scanner(program, root, guards);
  for (const f of files) scanner.scan(f);
  return { uses: scanner.uses, aliasesUsed: scanner.aliasesUsed };
}

/** Whether `need` is met by the declared sets, or by a flag among `guards` (through `flags`). */
export function isCovered(
  use: Pick<ApiUse, "need" | "guards">,
  declared: ReadonlyMap<string, string>,
  flags: ReadonlyMap<string, SetVersion>,
): "declared" | "guarded" | false {
  if (!use.need.length) return "declared";
  const meets = (have: SetVersion | undefined, alt: SetVersion) =>
    have !== undefined && have.set === alt.set && compareVersions(have.version, alt.version) >= 0;
  if (use.need.some((alt) => meets(declared.has(alt.set) ? { set: alt.set, version: declared.get(alt.set)! } : undefined, alt)))
    return "declared";
  if (use.need.some((alt) => use.guards.some((g) => meets(flags.get(g), alt)))) return "guarded";
  return false;
}

function lowestOf(tag: string): SetVersion | undefined {
  const alternatives = parseApiSet(tag);
  return alternatives ? needFor(alternatives, "read")[0] : undefined;
}

/**
 * The requirement set of each member of `namespace` in a declaration file (Microsoft's
 * @types/custom-functions-runtime): its tag, or for an enum the highest tag among its members.
 */
export function namespaceMemberSets(fileName: string, text: string, namespace: string): Map<string, SetVersion> {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out = new Map<string, SetVersion>();
  const ns = sf.statements.find((s): s is ts.ModuleDeclaration => ts.isModuleDeclaration(s) && s.name.text === namespace);
  if (!ns?.body || !ts.isModuleBlock(ns.body)) return out;
  for (const s of ns.body.statements) {
    if (!(ts.isClassDeclaration(s) || ts.isEnumDeclaration(s) || ts.isFunctionDeclaration(s) || ts.isInterfaceDeclaration(s)) || !s.name)
      continue;
    const tags = ts.isEnumDeclaration(s) ? s.members.map((m) => tagOf(m)) : [tagOf(s)];
    const sets = tags.map(lowestOf).filter((v): v is SetVersion => v !== undefined);
    if (sets.length)
      out.set(
        s.name.text,
        sets.reduce((a, b) => (compareVersions(b.version, a.version) > 0 ? b : a)),
      );
  }
  return out;
}

/** The requirement set each member of a product interface marked `@runtimeGlobal <namespace>` claims. */
export function mirrorMemberSets(fileName: string, text: string): Map<string, SetVersion> {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out = new Map<string, SetVersion>();
  for (const s of sf.statements) {
    if (!ts.isInterfaceDeclaration(s)) continue;
    const global = /@runtimeGlobal\s+(\w+)/.exec(leadingComment(s))?.[1];
    if (!global) continue;
    for (const m of s.members) {
      const set = lowestOf(tagOf(m));
      if (m.name && ts.isIdentifier(m.name) && set) out.set(`${global}.${m.name.text}`, set);
    }
  }
  return out;
}
