import * as pulumi from "@pulumi/pulumi";
import { NAMESPACE, rawFromEngineConfig } from "./engine-config";
import { configSchema, invalidConfigMessage, validateConfig, type NetworkConfig } from "./schema";

/**
 * Reads and validates the stack's `virtengine:*` config inside the program.
 * Values are read through `pulumi.Config`; keys the schema does not know are
 * taken from the engine's full config so that a misspelt key is reported
 * rather than ignored. Bad config stops the program before any resource is
 * registered, with every problem on its own line and no stack trace (a
 * `RunError`).
 */
export function loadConfig(): NetworkConfig {
    const config = new pulumi.Config(NAMESPACE);
    const keys = new Set(Object.keys(configSchema.shape));
    for (const fullKey of Object.keys(pulumi.runtime.allConfig())) {
        if (fullKey.startsWith(`${NAMESPACE}:`)) keys.add(fullKey.slice(NAMESPACE.length + 1));
    }
    const engine: Record<string, string> = {};
    for (const key of keys) {
        const text = config.get(key);
        if (text !== undefined) engine[`${NAMESPACE}:${key}`] = text;
    }
    const result = validateConfig(rawFromEngineConfig(engine));
    if (!result.ok) {
        throw new pulumi.RunError(invalidConfigMessage(result.problems));
    }
    return result.config;
}
