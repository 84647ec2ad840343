import { distinctPercent } from "./format";
import { Contender, Placement, rank, tiedWith } from "./ranking";

const c = (key: string, name: string, totalCents: number, rate: [number, number] | null): Contender => ({
  key,
  name,
  totalCents,
  connectRate: rate && { num: rate[0], den: rate[1] },
});
const summary = (ps: ReturnType<typeof rank>) => ps.map((p) => [p.contender.key, p.rank, p.tieBreak]);
const others = (p: Placement) => tiedWith(p.tieGroup, p.contender.key);

describe("rank", () => {
  it("orders by total, high to low, without tie-breaks", () => {
    const ps = rank([c("b", "乙", 6000, [9, 10]), c("a", "甲", 6500, [8, 10]), c("c", "丙", 5000, [10, 10])]);
    expect(summary(ps)).toEqual([
      ["a", 1, "none"],
      ["b", 2, "none"],
      ["c", 3, "none"],
    ]);
    expect(ps.every((p) => p.note === "" && p.tieGroup.length === 0)).toBe(true);
  });

  it("orders equal totals by the connection rate and says so in the spec's words", () => {
    const ps = rank([c("410200", "开封市", 6350, [968, 1000]), c("410100", "郑州市", 6350, [9731, 10000])]);
    expect(summary(ps)).toEqual([
      ["410100", 1, "resolved"],
      ["410200", 2, "resolved"],
    ]);
    expect(others(ps[0])).toEqual(["410200"]);
    expect(others(ps[1])).toEqual(["410100"]);
    expect(ps[0].note).toBe("与 开封市 同为 63.50 分，人工接通率 97.31% > 96.80%");
    expect(ps[1].note).toBe("与 郑州市 同为 63.50 分，人工接通率 96.80% < 97.31%");
  });

  it("compares the exact fractions, not the rounded percentages", () => {
    // 97311/100000 = 97.311% and 97309/100000 = 97.309%: both show as 97.31%
    const ps = rank([c("a", "甲", 6000, [97309, 100000]), c("b", "乙", 6000, [97311, 100000])]);
    expect(summary(ps)).toEqual([
      ["b", 1, "resolved"],
      ["a", 2, "resolved"],
    ]);
    // the note shows as many decimals as it takes to tell them apart
    expect(ps[0].note).toBe("与 甲 同为 60.00 分，人工接通率 97.311% > 97.309%");
  });

  it("tells apart fractions that differ only in the seventh significant digit", () => {
    // 9700001/10000001 − 97/100 = (9700001 − 9700000.97)/10000001 = 0.03/10000001 ≈ 3.0e-9,
    // i.e. 97.0000003% vs 97.0000000% — seven decimals of a percentage tell them apart
    const ps = rank([c("a", "甲", 6000, [97, 100]), c("b", "乙", 6000, [9700001, 10000001])]);
    expect(summary(ps)).toEqual([
      ["b", 1, "resolved"],
      ["a", 2, "resolved"],
    ]);
    expect(ps[0].note).toBe("与 甲 同为 60.00 分，人工接通率 97.0000003% > 97.0000000%");
  });

  it("puts a unit without a connection rate after those with one", () => {
    const ps = rank([c("a", "甲", 6000, null), c("b", "乙", 6000, [1, 10])]);
    expect(summary(ps)).toEqual([
      ["b", 1, "resolved"],
      ["a", 2, "resolved"],
    ]);
    expect(ps[1].note).toBe("与 乙 同为 60.00 分，人工接通率 无 < 10.00%");
  });

  it("does not let a rate lift a lower total", () => {
    const ps = rank([c("a", "甲", 6001, [0, 10]), c("b", "乙", 6000, [10, 10])]);
    expect(summary(ps)).toEqual([
      ["a", 1, "none"],
      ["b", 2, "none"],
    ]);
  });

  it("shares a rank when total and rate are equal, and skips the next (1, 2, 2, 4)", () => {
    // 9/10 and 90/100 are the same rate
    const ps = rank([c("d", "丁", 6000, [1, 1]), c("c", "丙", 6500, [90, 100]), c("b", "乙", 6500, [9, 10]), c("a", "甲", 7000, [1, 2])]);
    expect(summary(ps)).toEqual([
      ["a", 1, "none"],
      ["b", 2, "shared"],
      ["c", 2, "shared"],
      ["d", 4, "none"],
    ]);
    expect(others(ps[1])).toEqual(["c"]);
    expect(others(ps[2])).toEqual(["b"]);
    expect(ps[1].note).toBe("并列第 2 名：与 丙 同为 65.00 分，人工接通率同为 90.00%");
    expect(ps[2].note).toBe("并列第 2 名：与 乙 同为 65.00 分，人工接通率同为 90.00%");
  });

  it("shares a rank when neither unit has a rate", () => {
    const ps = rank([c("b", "乙", 6000, null), c("a", "甲", 6000, null)]);
    expect(summary(ps)).toEqual([
      ["a", 1, "shared"],
      ["b", 1, "shared"],
    ]);
    expect(ps[0].note).toBe("并列第 1 名：与 乙 同为 60.00 分，均无人工接通率");
  });

  it("resolves part of a tie and shares the rest", () => {
    // three at 63.50: 甲 98% ahead, 乙 and 丙 both 96.8% share 2nd, then 丁 is 4th
    const ps = rank([
      c("c", "丙", 6350, [968, 1000]),
      c("a", "甲", 6350, [98, 100]),
      c("b", "乙", 6350, [121, 125]),
      c("d", "丁", 6000, [1, 1]),
    ]);
    expect(summary(ps)).toEqual([
      ["a", 1, "resolved"],
      ["b", 2, "shared"],
      ["c", 2, "shared"],
      ["d", 4, "none"],
    ]);
    expect(others(ps[0])).toEqual(["b", "c"]);
    expect(others(ps[1])).toEqual(["c"]);
    expect(ps[0].note).toBe("与 乙、丙 同为 63.50 分，人工接通率 98.00%（> 乙 96.80%，> 丙 96.80%）");
    expect(ps[1].note).toBe("并列第 2 名：与 丙 同为 63.50 分，人工接通率同为 96.80%");
  });

  it("gives 1, 1, 1 for a three-way tie and then 4", () => {
    const ps = rank([c("a", "甲", 5000, [1, 2]), c("b", "乙", 5000, [2, 4]), c("c", "丙", 5000, [3, 6]), c("d", "丁", 4000, [1, 2])]);
    expect(ps.map((p) => p.rank)).toEqual([1, 1, 1, 4]);
    expect(others(ps[0])).toEqual(["b", "c"]);
    expect(ps[0].note).toBe("并列第 1 名：与 乙、丙 同为 50.00 分，人工接通率同为 50.00%");
  });

  it("gives the members of a tie group one shared list of the group, in published order", () => {
    // 甲 ahead by rate; 乙 and 丙 share 2nd: the shared pair holds one list, the whole group another
    const ps = rank([c("c", "丙", 6350, [968, 1000]), c("a", "甲", 6350, [98, 100]), c("b", "乙", 6350, [121, 125])]);
    expect(ps[0].tieGroup).toEqual(["a", "b", "c"]);
    expect(ps[1].tieGroup).toEqual(["b", "c"]);
    expect(ps[2].tieGroup).toBe(ps[1].tieGroup);
  });

  it("names up to ten other units in a note, each with its rate", () => {
    // 11 units at 60.00 with rates 100 %, 99 %, … 90 %: u01 is ahead of the ten others
    const ps = rank(
      Array.from({ length: 11 }, (_, i) =>
        c(`u${String(i + 1).padStart(2, "0")}`, `u${String(i + 1).padStart(2, "0")}`, 6000, [100 - i, 100]),
      ),
    );
    expect(ps[0].note).toBe(
      "与 u02、u03、u04、u05、u06、u07、u08、u09、u10、u11 同为 60.00 分，人工接通率 100.00%（> u02 99.00%，> u03 98.00%，> u04 97.00%，> u05 96.00%，> u06 95.00%，> u07 94.00%，> u08 93.00%，> u09 92.00%，> u10 91.00%，> u11 90.00%）",
    );
  });

  it("counts the others of a larger group and names the units just above and below by rate", () => {
    // 12 units at 60.00 with rates 100 %, 99 %, … 89 %: u05 (96 %) is 5th of them
    const ps = rank(
      Array.from({ length: 12 }, (_, i) =>
        c(`u${String(i + 1).padStart(2, "0")}`, `u${String(i + 1).padStart(2, "0")}`, 6000, [100 - i, 100]),
      ),
    );
    expect(ps.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(ps[4].note).toBe("与另外 11 个单位同为 60.00 分，人工接通率 96.00%，居其中第 5（< u04 97.00%，> u06 95.00%）");
    expect(ps[0].note).toBe("与另外 11 个单位同为 60.00 分，人工接通率 100.00%，居其中第 1（> u02 99.00%）");
    expect(ps[11].note).toBe("与另外 11 个单位同为 60.00 分，人工接通率 89.00%，居其中第 12（< u11 90.00%）");
    // whom it was tied with is still complete
    expect(others(ps[4])).toEqual(["u01", "u02", "u03", "u04", "u06", "u07", "u08", "u09", "u10", "u11", "u12"]);
  });

  it("counts the others of a shared rank of more than eleven units", () => {
    const ps = rank(
      Array.from({ length: 12 }, (_, i) => c(`u${String(i + 1).padStart(2, "0")}`, `u${String(i + 1).padStart(2, "0")}`, 6000, [9, 10])),
    );
    expect(ps.every((p) => p.rank === 1 && p.tieBreak === "shared")).toBe(true);
    expect(ps[3].note).toBe("并列第 1 名：与另外 11 个单位同为 60.00 分，人工接通率同为 90.00%");
    expect(others(ps[3])).toHaveLength(11);
  });

  it("compares totals to the cent", () => {
    // 63.51 vs 63.50: no tie-break
    const ps = rank([c("a", "甲", 6350, [1, 1]), c("b", "乙", 6351, [1, 2])]);
    expect(summary(ps)).toEqual([
      ["b", 1, "none"],
      ["a", 2, "none"],
    ]);
  });

  it("gives the same result for any input order", () => {
    const list = [c("a", "甲", 6500, [9, 10]), c("b", "乙", 6500, [90, 100]), c("c", "丙", 6500, [91, 100]), c("d", "丁", 7000, null)];
    const expected = rank(list);
    expect(rank([...list].reverse())).toEqual(expected);
    expect(rank([list[2], list[0], list[3], list[1]])).toEqual(expected);
  });

  it("handles an empty list", () => {
    expect(rank([])).toEqual([]);
  });
});

describe("distinctPercent", () => {
  it("uses two decimals when they tell the rates apart", () => {
    expect(distinctPercent({ num: 9731, den: 10000 }, [{ num: 968, den: 1000 }])).toBe("97.31%");
  });
  it("says 无 for no rate", () => {
    expect(distinctPercent(null, [])).toBe("无");
  });
});
