import { createWorkbook, FIVE_MB, inspectCell } from "./index";

describe("each sync is counted and its request size measured", () => {
  test("one round trip per sync with something queued; an empty sync costs none", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      await context.sync();
    });
    expect(host.syncCalls).toBe(3);
    expect(host.syncCount).toBe(2);
    expect(host.requests.map((r) => [r.index, r.ok, r.implicit])).toEqual([
      [1, true, false],
      [2, true, false],
    ]);
    expect(host.runs).toBe(1);
  });

  test("the request size grows with the data written", async () => {
    const host = createWorkbook();
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [`单位${i}`, i, i / 3]);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C10").values = rows(10);
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1000").values = rows(1000);
      await context.sync();
    });
    const [small, large] = host.requestSizes;
    expect(small).toBeGreaterThan(JSON.stringify(rows(10)).length);
    expect(large).toBeGreaterThan(50 * small);
    expect(host.largestRequestBytes).toBe(large);
    expect(host.requests[1]).toMatchObject({ actions: 3, writes: 1 });
  });

  test("loaded data is counted as response bytes", async () => {
    const host = createWorkbook({ Sheet1: [["abc", 1]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("values");
      await context.sync();
    });
    expect(host.requests[0].responseBytes).toBeGreaterThanOrEqual(JSON.stringify([["abc", 1]]).length);
  });

  test("a request over the cap (default 5 MB) is rejected whole: nothing applied", async () => {
    const host = createWorkbook();
    expect(host.options.requestCapBytes).toBe(FIVE_MB);
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
    await expect(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("B1").values = [["small"]];
        sheet.getRange("A1:A60000").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(inspectCell(host, "Sheet1", "B1").value).toBe("");
    expect(host.requests[0]).toMatchObject({ ok: false, error: "RequestPayloadSizeLimitExceeded" });
    expect(host.requests[0].bytes).toBeGreaterThan(FIVE_MB);
  });

  test("the cap is configurable, and can be switched off", async () => {
    const strict = createWorkbook(undefined, { requestCapBytes: 1000 });
    await expect(
      strict.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = Array.from({ length: 100 }, () => ["0123456789"]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    const lax = createWorkbook(undefined, { requestCapBytes: null });
    await lax.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A60000").values = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
      await context.sync();
    });
    expect(lax.largestRequestBytes).toBeGreaterThan(FIVE_MB);
  });

  test("resetStats starts the counts again", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    host.resetStats();
    expect([host.syncCount, host.syncCalls, host.runs]).toEqual([0, 0, 0]);
  });
});
