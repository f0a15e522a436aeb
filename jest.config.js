/** @type {import('jest').Config} */
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/tests"],
    testMatch: ["**/*.test.ts"],
    // swc strips types only; `npm run typecheck` (tsc) checks them once for the whole tree.
    transform: {
        "^.+\\.ts$": [
            "@swc/jest",
            { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
        ],
    },
    // Whole-stack runs build hundreds of resources under mocks.
    testTimeout: 60000,
    // Jest's default is one worker fewer than the cores: on a 2-core machine one
    // worker, every file in turn. The main process only collects results, so
    // a worker per core halves the wall time there.
    maxWorkers: "100%",
};
