import * as path from "node:path";

/**
 * Every part of `@pulumi/policy` and the Pulumi protocol that the in-process
 * policy run uses beyond their public APIs, in one place (the SDK's own are in
 * sdk-internals.ts). An upgrade that changes one of these breaks here, and
 * tests/harness/policy-internals.test.ts says which.
 *
 * What is used, and why:
 * - How a pack starts: `new PolicyPack(...)` reads `./package.json` from the
 *   working directory, builds the analyzer service and serves it with a
 *   `@grpc/grpc-js` `Server` (`addService`, then `bindAsync`, then the port on
 *   stdout for the CLI). Patching those two methods of the grpc-js copy that
 *   `@pulumi/policy` resolves captures the handlers, opens no port and prints
 *   nothing.
 * - The analyzer protocol's generated messages
 *   (`@pulumi/pulumi/proto/analyzer_pb`): the requests the engine sends the
 *   pack and the responses it reads, built and read here as the engine would.
 */

export * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";

/** A unary gRPC handler as `@grpc/grpc-js` calls it. */
export type UnaryHandler = (call: { request: unknown }, callback: (err: unknown, response?: unknown) => void) => void;

type ServerPrototype = Record<string, unknown>;

/** The prototype of the `@grpc/grpc-js` Server class that the pack in `dir` would serve with. */
function grpcServerOf(dir: string): ServerPrototype {
    // Resolve grpc-js the way `@pulumi/policy` does, so the patched class is the one its server uses.
    const policyEntry = require.resolve("@pulumi/policy", { paths: [dir] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [path.dirname(policyEntry)] })) as {
        Server?: { prototype?: ServerPrototype };
    };
    const proto = grpc.Server?.prototype;
    if (!proto || typeof proto.addService !== "function" || typeof proto.bindAsync !== "function") {
        throw new Error(
            "@grpc/grpc-js no longer has Server.prototype.addService/bindAsync: update tools/harness/policy-internals.ts",
        );
    }
    return proto;
}

/**
 * Starts the policy pack in `dir` (its `index.ts` or `index.js`) as the CLI
 * would, in its own directory, with its gRPC server intercepted; returns the
 * analyzer service's handlers by method name. Throws when loading the
 * directory created no pack.
 */
export function startPackInProcess(dir: string): Record<string, UnaryHandler> {
    const proto = grpcServerOf(dir);
    const originalAddService = proto.addService;
    const originalBindAsync = proto.bindAsync;
    let handlers: Record<string, UnaryHandler> | undefined;
    proto.addService = function (_service: unknown, implementation: Record<string, UnaryHandler>) {
        handlers = implementation;
    };
    proto.bindAsync = function () {
        // The CLI would read the port from stdout; in process there is no port.
    };
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
    if (!handlers) throw new Error(`${dir} did not create a PolicyPack`);
    return handlers;
}
