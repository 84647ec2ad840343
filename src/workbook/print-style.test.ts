import {
  columnPoints,
  columnTextPoints,
  columnsOnFirstPage,
  indicatorPrint,
  landscapeWidthPoints,
  legiblePagesWide,
  linesHeight,
  printFooter,
  textPoints,
  wrappedLines,
  wrappedRowHeight,
} from "./print-style";

describe("how much room a wrapped text takes", () => {
  test("a Chinese character is one em wide, a digit about half: 考评 at 10 pt is 20 points, 12 is 11", () => {
    expect(textPoints("考评", 10)).toBe(20);
    expect(textPoints("12", 10)).toBeCloseTo(11);
  });

  test("a column 40 characters wide holds (7 × 40 − 6) × 0.75 = 205.5 points of text", () => {
    expect(columnTextPoints(40)).toBe(205.5);
  });

  test("19 characters (190 points, 209 with 10 % to spare) take 2 lines there, 18 (180 → 198) one, 38 (418) three", () => {
    expect(wrappedLines("一".repeat(19), 40)).toBe(2);
    expect(wrappedLines("一".repeat(18), 40)).toBe(1);
    expect(wrappedLines("一".repeat(38), 40)).toBe(3);
    // A line break starts a new line: 2 short paragraphs are 2 lines.
    expect(wrappedLines("甲\n乙", 40)).toBe(2);
  });

  test("a line of 10 pt takes 14.5 points: 3 lines and 3 points of padding are 47 points", () => {
    expect(linesHeight(3)).toBe(47);
    expect(linesHeight(1, 14)).toBe(24);
  });

  test("a row gets a height only when a cell wraps or is larger than body text", () => {
    expect(wrappedRowHeight([{ text: "郑州市", width: 11 }])).toBeUndefined();
    expect(
      wrappedRowHeight([
        { text: "一".repeat(19), width: 40 },
        { text: "郑州市", width: 11 },
      ]),
    ).toBe(linesHeight(2));
    expect(wrappedRowHeight([{ text: "标题", width: 40, size: 14 }])).toBe(24);
  });
});

test("the footer names the issuing centre, the page of the pages (Excel's &P / &N) and the generation time", () => {
  expect(printFooter("2026-11-05 09:30")).toBe("河南省12328电话省中心 · 第 &P 页，共 &N 页 · 生成时间 2026-11-05 09:30");
  expect(printFooter()).toBe("河南省12328电话省中心 · 第 &P 页，共 &N 页");
});

describe("how many pages wide a sheet prints, legibly", () => {
  // The province's indicator sheet: 月份 (9), 21 inputs and 11 scores (8 each), 暂估基本分 (10); the centres' has no scores.
  const province = [9, ...Array<number>(32).fill(8), 10];
  const centres = [9, ...Array<number>(21).fill(8)];

  test("landscape A4 between 0.3 in margins is (297 / 25.4 − 0.6) × 72 ≈ 798.7 points; a width of 8 prints (56 + 5) × 0.75 = 45.75", () => {
    expect(landscapeWidthPoints()).toBeCloseTo(798.69, 2);
    expect(columnPoints(8)).toBe(45.75);
    expect(columnPoints(9)).toBe(51);
  });

  test("the province's sheet (1,571.25 points) takes two pages: one would print at 51 %, two at 798.7 × 2 / (1,571.25 + 51) = 98 %", () => {
    expect(legiblePagesWide(province, 1)).toBe(2);
    expect(indicatorPrint(3, province)).toMatchObject({ fitToWidth: 2, printTitleColumns: "A:A", printTitleRows: "3:3" });
  });

  test("the centres' sheet (1,011.75 points) would print at 79 % on one page, below 9 pt, so it takes two", () => {
    expect(legiblePagesWide(centres, 1)).toBe(2);
  });

  test("a sheet of 508.5 points prints on one page, without repeated columns", () => {
    const narrow = [9, ...Array<number>(10).fill(8)];
    expect(legiblePagesWide(narrow, 1)).toBe(1);
    expect(indicatorPrint(3, narrow).fitToWidth).toBe(1);
    expect(indicatorPrint(3, narrow).printTitleColumns).toBeUndefined();
  });

  test("the first page at 100 % holds 月份 and 16 inputs: 51 + 16 × 45.75 = 783 points, a 17th would pass 798.7", () => {
    expect(columnsOnFirstPage(province)).toBe(17);
    expect(columnsOnFirstPage([9, 8])).toBe(2);
    expect(columnsOnFirstPage([200])).toBe(1);
  });
});
