/**
 * Which active cell Insert function refuses: a cell named by a template's recorded assumption (or, when the
 * registry cannot be read, by any CP_ name).
 */
import { templateInputAt } from "../../../src/excel/insertFunction";

const registry = {
  version: 1,
  sheets: {
    "{ws-1}": {
      sheetName: "Rent vs Build",
      nameSuffix: "",
      libraryId: "lib",
      libraryVersion: "1.0.0",
      scenarioId: "s",
      insertedAt: "2026-12-01T09:00:00.000Z",
      assumptions: { gpuCount: { name: "CP_GpuCount", value: 1000 } },
    },
  },
};
const names = [
  { name: "CP_GpuCount", formula: "='Rent vs Build'!$C$5" },
  { name: "CP_RouteNpv", formula: "='Rent vs Build'!$C$40" },
  { name: "Mine", formula: "=Sheet1!$A$1:$B$2" },
];

describe("templateInputAt", () => {
  it("finds the recorded input at the active cell, whatever the case of the sheet name", () => {
    // Given the registry and names; Then the input cell is found, other cells are not inputs
    expect(templateInputAt("'Rent vs Build'!C5", registry, names)).toBe("CP_GpuCount");
    expect(templateInputAt("'RENT VS BUILD'!C5", registry, names)).toBe("CP_GpuCount");
    expect(templateInputAt("'Rent vs Build'!C6", registry, names)).toBeNull();
    expect(templateInputAt("'Rent vs Build'!C40", registry, names)).toBeNull();
    expect(templateInputAt("Sheet1!B2", registry, names)).toBeNull();
    expect(templateInputAt("Sheet1!B2", null, names)).toBeNull();
  });

  it("counts every template name when the registry cannot be read", () => {
    // Given a damaged registry; Then any CP_ name's cell is refused, other names are not
    expect(templateInputAt("'Rent vs Build'!C40", "{not json", names)).toBe("CP_RouteNpv");
    expect(templateInputAt("Sheet1!A1", "{not json", names)).toBeNull();
  });
});
