import * as path from "node:path";

/*
 * Loads a CrossGuard policy pack in this process and captures the handlers of
 * the analyzer gRPC service it would serve to the Pulumi CLI, so the offline
 * plan and the tests call `@pulumi/policy`'s own analyze, analyzeStack,
 * configure and getAnalyzerInfo code with the messages the engine would send.
 */

/** A unary gRPC handler as `@grpc/grpc-js` calls it. */
export type UnaryHandler = (call: { request: unknown }, callback: (err: unknown, response?: unknown) => void) => void;

/** The analyzer service of a loaded pack. */
export interface LoadedPack {
    /** Directory the pack was loaded from. */
    dir: string;
    call(method: "analyze" | "analyzeStack" | "configure" | "getAnalyzerInfo", request: unknown): Promise<unknown>;
}

/**
 * One pack per module registry: `@pulumi/policy` refuses a second pack in a
 * process (it calls `process.exit`), so a caller that needs another pack or a
 * fresh one needs a fresh registry (jest gives one per test file).
 */
let loaded: LoadedPack | undefined;

/**
 * Loads the pack in `packDir` (its `index.ts` or `index.js`) with the gRPC
 * server intercepted: no port is opened and nothing is printed.
 */
export function loadPolicyPack(packDir: string): LoadedPack {
    const dir = path.resolve(packDir);
    if (loaded) {
        if (loaded.dir !== dir) throw new Error(`a policy pack is already loaded from ${loaded.dir}`);
        return loaded;
    }
    // Resolve grpc-js the way `@pulumi/policy` does, so the patched class is the one its server uses.
    const policyEntry = require.resolve("@pulumi/policy", { paths: [dir] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [path.dirname(policyEntry)] })) as {
        Server: { prototype: Record<string, unknown> };
    };
    const proto = grpc.Server.prototype;
    const originalAddService = proto.addService;
    const originalBindAsync = proto.bindAsync;
    let handlers: Record<string, UnaryHandler> | undefined;
    proto.addService = function (_service: unknown, implementation: Record<string, UnaryHandler>) {
        handlers = implementation;
    };
    proto.bindAsync = function () {
        // The CLI would read the port from stdout; in process there is no port.
    };

    // `new PolicyPack` reads the pack's version from `./package.json`: the CLI
    // starts packs in their own directory, so load it from there too.
    const cwd = process.cwd();
    try {
        process.chdir(dir);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(dir);
    } finally {
        process.chdir(cwd);
        proto.addService = originalAddService;
        proto.bindAsync = originalBindAsync;
    }
    const service = handlers;
    if (!service) throw new Error(`${dir} did not create a PolicyPack`);

    loaded = {
        dir,
        call: (method, request) =>
            new Promise((resolve, reject) =>
                service[method]({ request }, (err, response) => (err ? reject(err) : resolve(response))),
            ),
    };
    return loaded;
}
