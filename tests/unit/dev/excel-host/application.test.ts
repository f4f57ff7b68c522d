import {
  asExcelNamespace,
  createMemoryExcel,
  MemoryCellStore,
} from "../../../../src/dev/excel-host";
import { failure, makeHost } from "../../../support/dev/excel-host/memoryHost";

/** A store standing in for one with a formula engine: it counts recalculations. */
class CountingStore extends MemoryCellStore {
  recalculations = 0;
  recalculate(): void {
    this.recalculations += 1;
  }
}

describe("Application.calculate", () => {
  test("recalculates a store with an engine once, at sync", async () => {
    // Given a store with a formula engine
    const store = new CountingStore();
    const host = createMemoryExcel(store);
    const Excel = asExcelNamespace(host.Excel);
    await Excel.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      // When calculate(Full) is synced
      // Then the store recalculates once, at sync
      expect(store.recalculations).toBe(0);
      await context.sync();
      expect(store.recalculations).toBe(1);
    });
    expect(host.stats.syncCount).toBe(1);
  });

  test("accepts calculate on a store without an engine", async () => {
    // Given a store without an engine
    // When calculate is synced
    const { Excel } = makeHost();
    // Then it succeeds and changes nothing
    await expect(
      Excel.run(async (context) => {
        context.workbook.application.calculate("Recalculate" as Excel.CalculationType);
        await context.sync();
      })
    ).resolves.toBeUndefined();
  });

  test("names the allowed calculation types", async () => {
    // Given an unknown calculation type
    const { Excel } = makeHost();
    // When synced
    const error = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.application.calculate("Sometimes" as Excel.CalculationType);
        await context.sync();
      })
    );
    // Then InvalidArgument names the allowed types
    expect(error.code).toBe("InvalidArgument");
    expect(error.message).toMatch(/Recalculate, Full or FullRebuild/);
    expect(error.debugInfo.errorLocation).toBe("Application.calculate");
  });
});
