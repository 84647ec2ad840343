// Evaluated units (spec §2): data, with the months they are active, recognised by full name,
// short name or division code.

import { normalizeLabel, toHalfWidth } from "./cells";
import { DEFAULT_UNIT_ROWS } from "./default-units";
import { MonthKey } from "./period";

export interface Unit {
  /** Administrative division code, e.g. "410100". */
  readonly code: string;
  readonly name: string;
  /** 省辖市 / 省直管县: A1 compares a unit with the median of its class. */
  readonly unitClass: string;
  /** First active month, inclusive; undefined = always. */
  readonly activeFrom?: MonthKey;
  /** Last active month, inclusive; undefined = still active. */
  readonly activeTo?: MonthKey;
}

export const DEFAULT_UNITS: readonly Unit[] = DEFAULT_UNIT_ROWS.map(([code, name, unitClass]) => ({ code, name, unitClass }));

export function isActive(unit: Unit, month: MonthKey): boolean {
  return (!unit.activeFrom || unit.activeFrom <= month) && (!unit.activeTo || month <= unit.activeTo);
}

const SUFFIXES = ["示范区", "市", "县", "区"];

/** The short name people write: 郑州 for 郑州市, 济源 for 济源示范区; 滑县 stays 滑县. */
export function shortName(name: string): string {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}

/** Finds units by what a sheet name or a 单位 cell says: full name, short name or code. */
export class UnitIndex {
  private readonly byKey = new Map<string, Unit>();

  constructor(readonly units: readonly Unit[]) {
    // Full names and codes first, so a short name never shadows another unit's full name.
    for (const u of units) {
      this.byKey.set(normalizeLabel(u.name), u);
      this.byKey.set(u.code, u);
    }
    for (const u of units) {
      const key = normalizeLabel(shortName(u.name));
      if (!this.byKey.has(key)) this.byKey.set(key, u);
    }
  }

  find(text: string): Unit | undefined {
    const key = normalizeLabel(toHalfWidth(String(text)));
    if (!key) return undefined;
    const direct = this.byKey.get(key);
    if (direct) return direct;
    // "郑州市12328" or "郑州市交通运输局": a unit name followed by words.
    const stripped = key.replace(/(12328|交通运输局|交通局|服务中心|中心|热线)+$/g, "");
    return stripped && stripped !== key ? this.byKey.get(stripped) : undefined;
  }

  byCode(code: string): Unit | undefined {
    return this.byKey.get(code);
  }

  /**
   * The one unit whose full name is one character away from `text` (郑洲市 → 郑州市: one typed wrong,
   * left out or added), for a "是否为 …" in the message; undefined where none is, or more than one.
   */
  suggest(text: string): Unit | undefined {
    const key = normalizeLabel(toHalfWidth(String(text)));
    if (!key || this.find(text)) return undefined;
    const near = this.units.filter((u) => withinOneEdit(key, normalizeLabel(u.name)));
    return near.length === 1 ? near[0] : undefined;
  }
}

/** One character replaced, inserted or removed (or none). */
function withinOneEdit(a: string, b: string): boolean {
  const [x, y] = [[...a], [...b]];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const rest = (p: string[], q: string[]) => p.join("") === q.join("");
  if (x.length === y.length) return rest(x.slice(i + 1), y.slice(i + 1));
  return x.length > y.length ? rest(x.slice(i + 1), y.slice(i)) : rest(x.slice(i), y.slice(i + 1));
}

/** "（是否为 郑州市？）" where `text` is one character from a unit's name, else "". */
export function unitSuggestion(index: UnitIndex, text: string): string {
  const unit = index.suggest(text);
  return unit ? `（是否为 ${unit.name}？）` : "";
}
