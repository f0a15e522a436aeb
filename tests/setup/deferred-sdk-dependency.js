/**
 * Under jest only (jest.config.js `moduleNameMapper`): a stand-in for a
 * package the Pulumi SDK requires as it loads but never uses under mocks
 * (tools/harness/sdk-internals.ts DEFERRED_SDK_DEPENDENCIES, which the plan
 * CLI defers the same way). The real package loads on first use. It saves
 * about half a second in each of the suite's test files that load the SDK.
 */
const path = require("node:path");

// By its folder: the bare name would be mapped back to this stand-in.
const packageDir = (name) => path.resolve(__dirname, "../../node_modules", name);

module.exports = function deferred(name) {
    let real;
    const load = () => (real ??= require(packageDir(name)));
    return new Proxy(
        {},
        {
            get: (_target, key) => (key === "__esModule" ? true : load()[key]),
            has: (_target, key) => key in load(),
            ownKeys: () => Reflect.ownKeys(load()),
            getOwnPropertyDescriptor: (_target, key) => {
                const d = Reflect.getOwnPropertyDescriptor(load(), key);
                return d && { ...d, configurable: true };
            },
        },
    );
};
