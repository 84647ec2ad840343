import { PERFECT } from "../../test/support/full-marks";
import { DEFAULT_RULES, Unit, evaluate, lossesOf } from "../engine";
import { lossParagraph, tight } from "./notice-text";

// 郑州市 of src/engine/losses.test.ts, worked out by hand from PRODUCT.md §4: eight indicators lost
// 29.20 points, three 国家级 criticisms 9 points capped at 6; total 37.80 − 6 = 31.80, third of three.
const ZZ: Unit = { code: "410100", name: "郑州市", unitClass: "省辖市" };
const KF: Unit = { code: "410200", name: "开封市", unitClass: "省辖市" };
const LY: Unit = { code: "410300", name: "洛阳市", unitClass: "省辖市" };
const values = (over: Partial<typeof PERFECT>) => ({ ...PERFECT, ...over });

test("a bottom unit's 失分分析 reads as one sentence: five largest losses, the rest summed, the capped deduction", () => {
  const evaluation = evaluate({
    period: { kind: "month", year: 2026, month: 10 },
    units: [ZZ, KF, LY],
    records: [
      {
        unitCode: ZZ.code,
        month: "2026-10",
        values: values({
          ordersTotal: 800,
          manualAnswered: 900,
          infoInstant: 95,
          avgWaitSeconds: 18.5,
          transferDue: 12,
          transferOnTime: 8,
          revisitRated: 12,
          revisitSatisfied: 8,
          reportsOnTime: 2,
          reportsLate: 1,
          inspectionMinor: 2,
          inspectionMajor: 1,
        }),
      },
      { unitCode: KF.code, month: "2026-10", values: values({}) },
      { unitCode: LY.code, month: "2026-10", values: values({ ordersTotal: 1200 }) },
    ],
    events: ["2026-10-08", "2026-10-15", "2026-10-22"].map((date) => ({
      unitCode: ZZ.code,
      date,
      type: "criticism" as const,
      level: "national" as const,
      scope: "monthly" as const,
    })),
  });
  const row = evaluation.rows.find((r) => r.unit.code === ZZ.code)!;
  expect(tight(lossParagraph(row, lossesOf(row, DEFAULT_RULES)))).toBe(
    "郑州市（第3名，总分31.80分）：" +
      "限时办结率66.67%（8/12），得0.00分，失10.00分（满分线100.00%）；" +
      "回访满意率66.67%（8/12），得0.00分，失9.00分（满分线98.00%）；" +
      "督导检查一般问题2个、严重问题1个，得1.00分，失3.00分（满分须无问题）；" +
      "人工接通率90.00%（900/1000），得7.50分，失2.50分（满分线95.00%）；" +
      "信息咨询类即时答复率95.00%（95/100），得4.20分，失1.80分（满分线98.00%）；" +
      "其余3项指标共失2.90分；" +
      "批评曝光减6.00分（合计9.00分，按上限6.00分计）。",
  );
});
