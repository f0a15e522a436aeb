import * as fs from "node:fs";
import * as path from "node:path";
import { engineValue, NAMESPACE, rawFromEngineConfig } from "../../config/engine-config";
import { invalidConfigMessage, validateConfig, type NetworkConfig } from "../../config/schema";
import { readYamlFile, YamlFileError, type Scalars } from "./read-yaml-file";
import { secureStandIn, standInWarning } from "./secure-stand-ins";

export interface LoadStackOptions {
    /** Directory holding `Pulumi.yaml` and the `Pulumi.<stack>.yaml` files. */
    projectDir: string;
    stack: string;
    /** Plan this file (stack-file format) instead of `Pulumi.<stack>.yaml`. Relative to `cwd`. */
    configFile?: string;
    /** Base for a relative `configFile`. Default: the process's working directory. */
    cwd?: string;
}

export interface LoadedStack {
    /** Project name from `Pulumi.yaml`. */
    project: string;
    stack: string;
    /** The config file that was read, as the user would name it. */
    source: string;
    /** What the Pulumi CLI would hand the program: `virtengine:regions` -> JSON text. */
    engineConfig: Record<string, string>;
    /** The validated config, defaults applied. */
    config: NetworkConfig;
    /** Keys given as `secure:` values: the program sees them as secrets holding `SECRET_PLACEHOLDER`. */
    secretKeys: string[];
    /** What the user should know before reading the plan: `virtengine:*` secrets that were not checked. */
    warnings: string[];
}

/** Either the stack, or one printable line per problem (exit code 2). */
export type LoadStackResult = ({ ok: true } & LoadedStack) | { ok: false; problems: string[] };

type YamlMap = Record<string, unknown>;

/** Thrown inside this module only, for a problem the user can fix; never escapes it. */
class InputError extends Error {}

const isMap = (value: unknown): value is YamlMap =>
    value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Reads the project and stack files and validates the config, as
 * `pulumi preview` would before running the program, but without the CLI.
 * Never throws for bad input: every problem comes back as a line to print.
 */
export function loadStack(options: LoadStackOptions): LoadStackResult {
    try {
        const projectFile = path.join(options.projectDir, "Pulumi.yaml");
        const projectDoc = readYamlMap(projectFile, "Pulumi.yaml");
        const project = projectDoc.name;
        if (typeof project !== "string" || project === "") {
            throw new InputError("Pulumi.yaml: has no project name (name:)");
        }

        const { file, source } = stackFile(options);
        const stackDoc = readYamlMap(file, source);
        rejectProjectFile(stackDoc, source);
        // Pulumi takes an empty stack file, or an empty config:, as a stack with no config;
        // validation then names the keys it needs.
        if (Object.keys(stackDoc).length === 0 || stackDoc.config === null) stackDoc.config = {};
        if (!isMap(stackDoc.config)) {
            throw new InputError(
                `${source}: has no config: map; expected a stack file like Pulumi.production.yaml with config: and ${NAMESPACE}:* keys`,
            );
        }
        const projectConfig = isMap(projectDoc.config) ? projectDoc.config : {};
        // Pulumi reads a top-level config scalar as the text written (a Go string), not as a YAML number.
        const stackTexts = (readYamlMap(file, source, "text").config ?? {}) as YamlMap;
        const engineConfig = buildEngineConfig(project, projectConfig, stackDoc.config, source, stackTexts);
        const secretKeys = Object.keys(stackDoc.config).filter((key) => isSecure((stackDoc.config as YamlMap)[key]));
        const warnings = standInSecrets(engineConfig, secretKeys, source);

        const result = validateConfig(rawForValidation(engineConfig, stackDoc.config), NAMESPACE);
        if (!result.ok) {
            return { ok: false, problems: `${source}: ${invalidConfigMessage(result.problems)}`.split("\n") };
        }
        return {
            ok: true,
            project,
            stack: options.stack,
            source,
            engineConfig,
            config: result.config,
            secretKeys,
            warnings,
        };
    } catch (err) {
        if (err instanceof InputError) return { ok: false, problems: err.message.split("\n") };
        throw err;
    }
}

/**
 * Puts a stand-in in place of each `secure:` value of a known `virtengine:*`
 * key, which the program validates and builds from (see secure-stand-ins.ts),
 * and returns a warning per key. A key the plan cannot do without is an error.
 */
function standInSecrets(engineConfig: Record<string, string>, secretKeys: string[], source: string): string[] {
    const warnings: string[] = [];
    const problems: string[] = [];
    for (const fullKey of secretKeys) {
        if (!fullKey.startsWith(`${NAMESPACE}:`)) continue;
        const key = fullKey.slice(NAMESPACE.length + 1);
        const standIn = secureStandIn(key);
        if (standIn === undefined) continue;
        if (!standIn.ok) {
            problems.push(`${source}: ${standIn.problem}`);
            continue;
        }
        engineConfig[fullKey] = standIn.engineText;
        warnings.push(standInWarning(key, standIn.engineText));
    }
    if (problems.length > 0) throw new InputError(problems.join("\n"));
    return warnings;
}

/**
 * The raw config as the program will read it (from the engine's JSON text),
 * except values holding `.inf` or `.nan`: JSON has no such numbers and would
 * turn them into null, so those are checked as YAML gave them and the message
 * shows `.inf` rather than "got null".
 */
function rawForValidation(engineConfig: Record<string, string>, stackConfig: YamlMap) {
    const raw = rawFromEngineConfig(engineConfig, NAMESPACE);
    for (const [key, value] of Object.entries(stackConfig)) {
        if (key.startsWith(`${NAMESPACE}:`) && hasNonFiniteNumber(value)) raw[key.slice(NAMESPACE.length + 1)] = value;
    }
    return raw;
}

const hasNonFiniteNumber = (value: unknown): boolean =>
    typeof value === "number"
        ? !Number.isFinite(value)
        : value !== null && typeof value === "object" && Object.values(value).some(hasNonFiniteNumber);

/** Which file holds the stack's config, and how to name it in messages. */
function stackFile(options: LoadStackOptions): { file: string; source: string } {
    if (options.configFile !== undefined) {
        return { file: path.resolve(options.cwd ?? process.cwd(), options.configFile), source: options.configFile };
    }
    const source = `Pulumi.${options.stack}.yaml`;
    const file = path.join(options.projectDir, source);
    if (!fs.existsSync(file)) {
        const stacks = listStacks(options.projectDir);
        throw new InputError(
            `unknown stack "${options.stack}": there is no ${source}; stacks in this project: ${stacks.join(", ") || "none"}`,
        );
    }
    return { file, source };
}

/** Stack names that have a `Pulumi.<stack>.yaml` in the project directory. */
export function listStacks(projectDir: string): string[] {
    return fs
        .readdirSync(projectDir)
        .map((name) => /^Pulumi\.(.+)\.yaml$/.exec(name)?.[1])
        .filter((name): name is string => name !== undefined)
        .sort();
}

function readYamlMap(file: string, source: string, scalars?: Scalars): YamlMap {
    let doc: unknown;
    try {
        doc = readYamlFile(file, source, scalars);
    } catch (err) {
        if (err instanceof YamlFileError) throw new InputError(err.message);
        throw err;
    }
    // An empty file (no document) is an empty map, as Pulumi reads it.
    if (doc === null) return {};
    if (!isMap(doc)) {
        throw new InputError(`${source}: not a YAML map; expected a file with a config: map`);
    }
    return doc;
}

/**
 * What the program sees for a `secure:` value. Its ciphertext needs the
 * stack's secrets provider, which the offline plan does not have; the key is
 * still passed, as a secret, so the program runs as it would under the CLI.
 */
export const SECRET_PLACEHOLDER = "[secret: not decrypted by the offline plan]";

/** A stack-file value `{ secure: <ciphertext> }`. */
const isSecure = (value: unknown): boolean =>
    isMap(value) && Object.keys(value).length === 1 && typeof value.secure === "string";

/**
 * A project file (`Pulumi.yaml`: name, runtime) given where a stack file
 * belongs would otherwise be read as a stack whose every key is wrong.
 */
function rejectProjectFile(doc: YamlMap, source: string): void {
    if ("runtime" in doc || "name" in doc) {
        throw new InputError(
            `${source}: is a Pulumi project file (it has ${"runtime" in doc ? "runtime:" : "name:"}), not a stack file; give a stack file such as Pulumi.production.yaml`,
        );
    }
}

/** A top-level scalar as the CLI passes it: the text written; null is Go's empty string. */
function scalarText(value: unknown, text: unknown): string | undefined {
    if (value === null) return "";
    if (typeof value === "object" || typeof text !== "string") return undefined;
    return text;
}

/** Keys a `Pulumi.yaml` config entry uses when it declares a key rather than setting it. */
const DECLARATION_KEYS = new Set(["type", "description", "default", "value", "secret", "items"]);

/**
 * The config the CLI passes the program: the stack file's values, plus each
 * `Pulumi.yaml` value or declared `default` for keys the stack lacks. Maps
 * and lists go as JSON text (as `pulumi config get --json` would); a scalar
 * goes as the text written when `stackTexts` (the stack's config read with
 * scalars as text) is given, as the CLI does: `nodeAmiOwner: 012345678901`
 * is the account id "012345678901", not the number 12345678901.
 */
export function buildEngineConfig(
    project: string,
    projectConfig: YamlMap,
    stackConfig: YamlMap,
    source = "the stack file",
    stackTexts?: YamlMap,
): Record<string, string> {
    const engine: Record<string, string> = {};
    const problems: string[] = [];
    for (const [key, value] of Object.entries(stackConfig)) {
        if (!key.includes(":")) {
            problems.push(`${source}: config key "${key}" has no namespace; write it as ${project}:${key}`);
            continue;
        }
        engine[key] = isSecure(value)
            ? SECRET_PLACEHOLDER
            : (scalarText(value, stackTexts?.[key]) ?? engineValue(value));
    }
    if (problems.length > 0) throw new InputError(problems.join("\n"));

    for (const [declared, entry] of Object.entries(projectConfig)) {
        // Project-level keys may omit the namespace; the CLI puts them in the project's.
        const key = declared.includes(":") ? declared : `${project}:${declared}`;
        if (key in engine) continue;
        const declaration = isMap(entry) && Object.keys(entry).every((k) => DECLARATION_KEYS.has(k));
        if (!declaration) {
            engine[key] = engineValue(entry);
        } else if (entry.value !== undefined) {
            engine[key] = engineValue(entry.value);
        } else if (entry.default !== undefined) {
            engine[key] = engineValue(entry.default);
        }
    }
    return engine;
}
