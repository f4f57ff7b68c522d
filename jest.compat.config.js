/**
 * `npm run test:compat`: the exported .xlsx files recalculated by LibreOffice Calc, a second formula
 * engine (tests/compat; needs a prior build and `soffice`; scripts/test-compat.js runs this config).
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/tests/compat"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 300000,
  maxWorkers: 1,
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
};
