// Library functions newer than the WPS bundles' target (ES2017, Chromium 58; see build/webpack.wps.js)
// that the pane calls, filled in where WPS's Chromium lacks them. Syntax is lowered by the build; these are not.

const define = (target: object, name: string, value: unknown) => {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true });
};

define(Object, "fromEntries", (entries: Iterable<readonly [PropertyKey, unknown]>) => {
  const out: Record<PropertyKey, unknown> = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
});
define(Array.prototype, "flat", function flat(this: unknown[], depth = 1): unknown[] {
  return depth < 1 ? this.slice() : this.reduce<unknown[]>((acc, v) => acc.concat(Array.isArray(v) ? flat.call(v, depth - 1) : [v]), []);
});
define(Array.prototype, "flatMap", function flatMap(this: unknown[], fn: (v: unknown, i: number, a: unknown[]) => unknown, self?: unknown) {
  return ([] as unknown[]).concat(...this.map(fn, self));
});
// Referring to a missing globalThis throws: look it up on window.
define(window, "globalThis", window);
