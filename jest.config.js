/**
 * Unit, property and integration tests run in Node; DOM tests opt in with a docblock. The e2e tests
 * (jest.e2e.config.js) and the LibreOffice compat tests (jest.compat.config.js, npm run test:compat) run apart.
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  // An integration test that inserts a whole template (its Risk section runs 10,000 trials) takes about 5 s
  // on a 2-core CI machine, Jest's default limit; 30 s keeps such tests from failing on a busy machine
  // while a hung one still fails.
  testTimeout: 30000,
  testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/", "/tests/compat/"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
};
