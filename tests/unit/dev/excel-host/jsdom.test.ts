/**
 * @jest-environment jsdom
 */
import { makeHost } from "../../../support/dev/excel-host/memoryHost";

describe("in-memory Excel under jsdom", () => {
  it("behaves under jsdom as under node", async () => {
    // Given a jsdom environment
    // When a batch runs
    // Then it behaves as under node
    expect(typeof document).toBe("object");
    const { Excel, host } = makeHost();
    const value = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [[1]];
      range.load("values");
      await context.sync();
      return range.values[0]?.[0] as unknown;
    });
    expect(value).toBe(1);
    expect(host.stats.syncCount).toBe(1);
  });
});
