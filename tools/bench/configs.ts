import * as path from "node:path";
import { engineConfigFromRaw } from "../../config/engine-config";
import { SUPPORTED_REGIONS, zonesOfRegion } from "../../config/regions";
import { formatProblems, validateConfig, type RawConfig } from "../../config/schema";
import { loadStack } from "../plan/load-stack";

/** Config namespace = project name in Pulumi.yaml. */
export const PROJECT = "virtengine";

const REPO_ROOT = path.resolve(__dirname, "../..");

/**
 * Engine config as the CLI hands it to the program: a flat map
 * `virtengine:<key>` -> text, where structured values are JSON text.
 */
export type EngineConfig = Record<string, string>;

/** The real production stack config, read as the offline plan reads it (Pulumi.yaml defaults applied). */
export function productionConfig(): EngineConfig {
    const loaded = loadStack({ projectDir: REPO_ROOT, stack: "production" });
    if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
    return loaded.engineConfig;
}

/** Size of the synthetic stack the issue asks for. */
export const LARGE_REGIONS = 20;
export const LARGE_VALIDATORS_PER_REGION = 50;

/**
 * The large synthetic stack: 20 real region codes x 50 validators. us-east-1
 * goes first as the one primary (like production); the rest are taken in
 * sorted order so the set is stable across runs of the same @pulumi/aws.
 * Three zones per region, as production uses, so the per-zone subnets, NAT
 * gateways and route tables (and the peering routes into them) scale the same way.
 */
export function largeRawConfig(regions = LARGE_REGIONS, validators = LARGE_VALIDATORS_PER_REGION): RawConfig {
    const codes = ["us-east-1", ...SUPPORTED_REGIONS.filter((r) => r !== "us-east-1")].slice(0, regions);
    if (codes.length < regions) {
        throw new Error(`only ${codes.length} supported regions; the large stack needs ${regions}`);
    }
    return {
        environment: "production",
        domain: "virtengine.network",
        instanceTypes: { validator: "r6i.2xlarge", fullNode: "r6i.xlarge", providerDaemon: "m6i.xlarge" },
        regions: codes.map((name, i) => ({
            name,
            role: i === 0 ? "primary" : "secondary",
            cidr: `10.${i}.0.0/16`,
            // The region's first three zones that exist (ca-central-1 has a, b and d).
            zones: zonesOfRegion(name).slice(0, 3),
            validators,
            fullNodes: 2,
            providerDaemons: 1,
            trafficDial: 100,
        })),
    };
}

/**
 * The large stack as engine config. Validated here first: a bench of a config
 * the program rejects would only time the error path.
 */
export function largeConfig(regions = LARGE_REGIONS, validators = LARGE_VALIDATORS_PER_REGION): EngineConfig {
    const raw = largeRawConfig(regions, validators);
    const result = validateConfig(raw, PROJECT);
    if (!result.ok) {
        throw new Error(`synthetic large config is invalid:\n${formatProblems(result.problems)}`);
    }
    return engineConfigFromRaw(raw, PROJECT);
}
