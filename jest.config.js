// Two projects: "everyday" (`npm test`, minutes) and "heavy" (`npm run test:heavy`: scale and failure
// sweeps, run by CI after the everyday suite). A heavy test is a file named *.heavy.test.ts.
const base = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
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
