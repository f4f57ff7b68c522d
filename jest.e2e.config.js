/**
 * End-to-end tests: the built add-in in Chromium via playwright-core (run after `npm run build`);
 * scripts/support/chromium.ts chooses the Chromium (CHROMIUM_PATH, Debian's, or the npm package's).
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  testTimeout: 120000,
  maxWorkers: 1,
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
};
