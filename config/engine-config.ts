import type { RawConfig } from "./schema";

/** The config namespace: the project name in Pulumi.yaml. */
export const NAMESPACE = "virtengine";

/** Keys whose values are plain strings; every other key holds YAML/JSON structure or a number. */
const STRING_KEYS = new Set([
    "environment",
    "domain",
    "chainId",
    "natGateways",
    "nodeAmiName",
    "nodeAmiOwner",
    "globalTraffic",
    "cloudflareAccountId",
    "cloudflareZoneId",
]);

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

/** A config value as the engine passes it: strings as they are, everything else as JSON text. */
export function engineValue(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** The inverse of `rawFromEngineConfig`: raw values keyed without the namespace -> engine config. */
export function engineConfigFromRaw(raw: RawConfig, namespace = NAMESPACE): Record<string, string> {
    return Object.fromEntries(Object.entries(raw).map(([key, value]) => [`${namespace}:${key}`, engineValue(value)]));
}
