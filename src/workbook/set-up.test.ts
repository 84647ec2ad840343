import { DEFAULT_UNITS } from "../engine";
import { registryRows } from "./registry";
import { planSetUp } from "./set-up";
import { REGISTRY_SHEET } from "./sheet-spec";

const STAMP = "2026-11-05 09:30";
const three = DEFAULT_UNITS.slice(0, 3);
const unitsSheet = { name: "考评单位", cells: [["代码", "单位名称", "类别"], ...three.map((u) => [u.code, u.name, u.unitClass])] };

describe("planSetUp", () => {
  test("creates the missing set-up sheets and one sheet per listed unit, registered as the product's", () => {
    const plan = planSetUp(2026, { sheets: [unitsSheet, { name: "我的笔记", cells: [["x"]] }], names: ["考评单位", "我的笔记"] }, STAMP);
    expect(plan.kept).toEqual(["考评单位"]);
    expect(plan.created).toEqual(["评分规则", "考评事件", "节假日调整", "郑州市", "开封市", "洛阳市"]);
    expect(plan.change?.sheets.map((s) => s.name)).toEqual(plan.created);
    expect(plan.change?.registry.map((r) => [r.name, r.role, r.created])).toEqual([
      ["评分规则", "rules", STAMP],
      ["考评事件", "events", STAMP],
      ["节假日调整", "holidays", STAMP],
      ["郑州市", "unitInput", STAMP],
      ["开封市", "unitInput", STAMP],
      ["洛阳市", "unitInput", STAMP],
    ]);
    expect(plan.change?.activate).toBe("评分规则");
  });

  test("keeps what is there, a unit whose data lives in a summary sheet included, and adds to the registry", () => {
    const summary = {
      name: "指标汇总",
      cells: [
        ["单位", "月份", "工单总量", "人工排队量", "人工接听量", "信息咨询类工单量"],
        ["郑州市", "2026-10", 1, 1, 1, 1],
      ],
    };
    const registry = { name: REGISTRY_SHEET, cells: registryRows([{ name: "评分规则", role: "rules", created: "2026-01-02 08:00" }]) };
    const plan = planSetUp(
      2026,
      { sheets: [unitsSheet, summary, registry], names: ["考评单位", "指标汇总", REGISTRY_SHEET, "评分规则"] },
      STAMP,
    );
    expect(plan.kept).toEqual(["评分规则", "考评单位", "郑州市"]);
    expect(plan.created).toEqual(["考评事件", "节假日调整", "开封市", "洛阳市"]);
    expect(plan.change?.registry[0]).toEqual({ name: "评分规则", role: "rules", created: "2026-01-02 08:00" });
  });

  test("nothing missing (names compared without regard to case): no change", () => {
    const names = ["考评单位", "评分规则", "考评事件", "节假日调整", "郑州市", "开封市", "洛阳市"];
    expect(planSetUp(2026, { sheets: [unitsSheet], names }, STAMP)).toEqual({
      created: [],
      kept: ["评分规则", "考评单位", "考评事件", "节假日调整", "郑州市", "开封市", "洛阳市"],
    });
  });
});
