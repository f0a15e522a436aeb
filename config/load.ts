import * as pulumi from "@pulumi/pulumi";
import { configSchema, formatProblems, validateConfig, type NetworkConfig, type RawConfig } from "./schema";

/** The config namespace: the project name in Pulumi.yaml. */
export const NAMESPACE = "virtengine";

/** Keys whose values are plain strings; every other key holds YAML/JSON structure or a number. */
const STRING_KEYS = new Set(["environment", "domain", "chainId", "natGateways", "nodeAmiName", "nodeAmiOwner"]);

/**
 * Turns the engine's flat config (`virtengine:regions` -> JSON text, as the
 * Pulumi CLI passes it) into raw values keyed without the namespace. Text that
 * is not JSON is kept as text, so the schema reports it with its key.
 */
export function rawFromEngineConfig(all: Record<string, string>, namespace = NAMESPACE): RawConfig {
    const raw: RawConfig = {};
    for (const [fullKey, text] of Object.entries(all)) {
        if (!fullKey.startsWith(`${namespace}:`)) continue;
        const key = fullKey.slice(namespace.length + 1);
        if (STRING_KEYS.has(key)) {
            raw[key] = text;
            continue;
        }
        try {
            raw[key] = JSON.parse(text);
        } catch {
            raw[key] = text;
        }
    }
    return raw;
}

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
        throw new pulumi.RunError(
            `invalid stack configuration (${result.problems.length} problem${result.problems.length > 1 ? "s" : ""}):\n` +
                formatProblems(result.problems),
        );
    }
    return result.config;
}
