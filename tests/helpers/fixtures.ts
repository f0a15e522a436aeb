import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import type { RawConfig } from "../../config/schema";

/** The same config as the Pulumi engine hands it to a program: structured values as JSON text. */
export { engineConfigFromRaw as engineConfig } from "../../config/engine-config";

export const REPO_ROOT = path.resolve(__dirname, "../..");

/** The `virtengine:*` keys of a stack file, without the namespace, as the validator takes them. */
export function rawStackConfig(stack: "production" | "staging"): RawConfig {
    const doc = yaml.load(fs.readFileSync(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`), "utf8")) as {
        config: Record<string, unknown>;
    };
    return Object.fromEntries(
        Object.entries(doc.config)
            .filter(([k]) => k.startsWith("virtengine:"))
            .map(([k, v]) => [k.slice("virtengine:".length), v]),
    );
}

/** Config as a test edits it: any shape, since fixtures build malformed input on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EditableConfig = Record<string, any>;

/** A deep copy of the production config with `change` applied: a fixture factory for bad input. */
export function productionWith(change: (config: EditableConfig) => void): RawConfig {
    const config = structuredClone(rawStackConfig("production")) as EditableConfig;
    change(config);
    return config;
}
