// Two projects: "everyday" (`npm test`, minutes) and "heavy" (`npm run test:heavy`: scale and failure
// sweeps, run by CI after the everyday suite). A heavy test is a file named *.heavy.test.ts.
// ts-jest transpiles each file on its own (tsconfig.jest.json: isolatedModules): type checking is
// `npm run typecheck`, which `npm test` runs before jest; checking types again per test file cost
// about ten seconds a file.
const base = {
  testEnvironment: "node",
  // Time limits for busy shared machines: a test checks what happens, never how fast (`npm run bench` does).
  testTimeout: 30_000,
  setupFilesAfterEnv: ["<rootDir>/test/support/jest-setup.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: { warnOnly: false } }] },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...base,
      displayName: "everyday",
      testMatch: ["<rootDir>/src/**/*.test.ts?(x)", "<rootDir>/test/**/*.test.ts?(x)"],
      testPathIgnorePatterns: ["/node_modules/", "/dist/", "\\.heavy\\.test\\.tsx?$"],
    },
    {
      ...base,
      displayName: "heavy",
      testMatch: ["<rootDir>/test/**/*.heavy.test.ts?(x)", "<rootDir>/src/**/*.heavy.test.ts?(x)"],
    },
  ],
};
