/**
 * Template kinds in the registry: a rent-vs-build entry is written exactly as before kinds existed (an
 * earlier add-in reads it unchanged); another kind and a memo's source survive a write and a read.
 */
import {
  kindOf,
  parseRegistry,
  serializeRegistry,
  type TemplateEntry,
} from "../../../src/excel/templateRegistry";

const base: TemplateEntry = {
  sheetName: "Rent vs Build",
  nameSuffix: "",
  libraryId: "capplan-default",
  libraryVersion: "2026.1",
  scenarioId: "xai-memphis-2024",
  insertedAt: "2026-12-04T00:00:00.000Z",
  assumptions: { gpuCount: { name: "CP_GpuCount", value: 100000, libraryVersion: "2026.1" } },
};

function roundTrip(entries: Record<string, TemplateEntry>) {
  const read = parseRegistry(serializeRegistry({ sheets: entries, damaged: {} }));
  if (read.status !== "ok") throw new Error(`unreadable: ${read.status}`);
  return read.registry.sheets;
}

test("a rent-vs-build entry carries no kind field and reads back as rentVsBuild", () => {
  const written = serializeRegistry({ sheets: { a: base }, damaged: {} }) as {
    sheets: Record<string, Record<string, unknown>>;
  };
  expect(Object.keys(written.sheets["a"]).sort()).toEqual(
    ["assumptions", "insertedAt", "libraryId", "libraryVersion", "nameSuffix", "scenarioId", "sheetName"]
  );
  expect(kindOf(roundTrip({ a: base })["a"])).toBe("rentVsBuild");
});

test("an Options comparison and a Board memo keep their kind and source through a write and a read", () => {
  const sheets = roundTrip({
    o: { ...base, kind: "options", sheetName: "Options comparison", assumptions: {} },
    m: { ...base, kind: "boardMemo", sourceWorksheetId: "a", sheetName: "Board memo", assumptions: {} },
  });
  expect(kindOf(sheets["o"])).toBe("options");
  expect(kindOf(sheets["m"])).toBe("boardMemo");
  expect(sheets["m"].sourceWorksheetId).toBe("a");
});

test("an unknown kind makes only that entry damaged, not the registry", () => {
  const raw = serializeRegistry({ sheets: { a: base }, damaged: {} }) as {
    version: number;
    sheets: Record<string, unknown>;
  };
  raw.sheets["x"] = { ...base, kind: "pivot" };
  const read = parseRegistry(raw);
  expect(read.status).toBe("ok");
  if (read.status !== "ok") return;
  expect(Object.keys(read.registry.sheets)).toEqual(["a"]);
  expect(Object.keys(read.registry.damaged)).toEqual(["x"]);
});
