import { CodeLoadFailedError, loadCode } from "../../../src/excel/errors";
import { excelErrorMessage } from "../../../src/taskpane/excelErrorMessage";

describe("loadCode", () => {
  it("passes the loaded module through", async () => {
    await expect(loadCode(() => Promise.resolve({ answer: 42 }))).resolves.toEqual({ answer: 42 });
  });

  it("turns a failed chunk load into a message that says nothing was changed", async () => {
    // Given the chunk request failing as webpack reports it
    const chunkError = Object.assign(
      new Error("Loading chunk 225 failed.\n(error: https://x/template.js)"),
      {
        name: "ChunkLoadError",
      }
    );
    // When the code is loaded
    const failure = await loadCode(() => Promise.reject(chunkError)).catch((e: unknown) => e);
    // Then it is a CodeLoadFailedError keeping the cause, with one line saying what to do
    expect(failure).toBeInstanceOf(CodeLoadFailedError);
    expect((failure as { cause?: unknown }).cause).toBe(chunkError);
    const message = (failure as Error).message;
    expect(message).toMatch(/Nothing in the workbook was changed/);
    expect(message).not.toMatch(/\n/);
    expect(excelErrorMessage(failure, "insert the template").title).toBe(
      "Capacity Planner could not load part of itself"
    );
  });
});
