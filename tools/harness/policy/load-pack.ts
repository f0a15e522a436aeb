import * as path from "node:path";
import { startPackInProcess } from "../policy-internals";

/*
 * Loads a CrossGuard policy pack in this process and captures the handlers of
 * the analyzer gRPC service it would serve to the Pulumi CLI, so the offline
 * plan and the tests call `@pulumi/policy`'s own analyze, analyzeStack,
 * configure and getAnalyzerInfo code with the messages the engine would send.
 */

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
 * server intercepted (see policy-internals.ts): no port is opened and
 * nothing is printed.
 */
export function loadPolicyPack(packDir: string): LoadedPack {
    const dir = path.resolve(packDir);
    if (loaded) {
        if (loaded.dir !== dir) throw new Error(`a policy pack is already loaded from ${loaded.dir}`);
        return loaded;
    }
    const service = startPackInProcess(dir);

    loaded = {
        dir,
        call: (method, request) =>
            new Promise((resolve, reject) =>
                service[method]({ request }, (err, response) => (err ? reject(err) : resolve(response))),
            ),
    };
    return loaded;
}
