/** @type {import('jest').Config} */
module.exports = {
    // jest's node environment, plus a per-worker store of recorded whole-stack runs (tests/helpers/shared-run.ts).
    testEnvironment: "<rootDir>/tests/setup/shared-runs-environment.ts",
    roots: ["<rootDir>/tests"],
    testMatch: ["**/*.test.ts"],
    // swc strips types only; `npm run typecheck` (tsc) checks them once for the whole tree.
    transform: {
        "^.+\\.ts$": [
            "@swc/jest",
            { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
        ],
    },
    // The SDK requires these as it loads and never uses them under mocks; the plan CLI defers
    // them (tools/harness/sdk-internals.ts), and so does the suite, through stand-ins that load
    // the real package on first use (tests/setup/deferred-sdk-dependency.js).
    moduleNameMapper: {
        "^typescript$": "<rootDir>/tests/setup/deferred-typescript.js",
        "^execa$": "<rootDir>/tests/setup/deferred-execa.js",
        "^@npmcli/arborist$": "<rootDir>/tests/setup/deferred-arborist.js",
    },
    // Whole-stack runs build hundreds of resources under mocks.
    testTimeout: 60000,
    // Jest's default is one worker fewer than the cores: on a 2-core machine one
    // worker, every file in turn. The main process only collects results, so
    // a worker per core halves the wall time there.
    maxWorkers: "100%",
};
