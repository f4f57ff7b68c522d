/**
 * Unit, property and integration tests run in Node; DOM tests opt in with a docblock. The e2e tests
 * (jest.e2e.config.js) and the LibreOffice compat tests (jest.compat.config.js, npm run test:compat) run apart.
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/", "/tests/compat/"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
};
