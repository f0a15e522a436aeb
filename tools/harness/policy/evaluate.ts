import * as path from "node:path";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { analyzer } from "../policy-internals";
import type { RecordedResource } from "../run-program";
import { loadPolicyPack, type LoadedPack } from "./load-pack";
import {
    ENFORCEMENT_LEVELS,
    type EnforcementLevel,
    readPackConfigFile,
    resolvePackConfig,
    type PolicyDeclaration,
    type ResolvedPolicyConfig,
} from "./pack-config";
import { analyzeRequest, analyzeStackRequest, providerLookup } from "./requests";
import { effectivePolicies, type EffectivePolicy } from "./weakening";

/** A policy finding, as `pulumi preview` would print it. */
export interface PolicyDiagnostic {
    policy: string;
    enforcementLevel: EnforcementLevel;
    /** The policy's own message, without the description the CLI prints above it. */
    message: string;
    description: string;
    /** The resource at fault; absent for stack-level findings without one. */
    urn?: string;
}

// The proto enum's numbers, in the order `@pulumi/policy` maps them.
const LEVEL_BY_NUMBER: Record<number, EnforcementLevel> = {
    [analyzer.EnforcementLevel.ADVISORY]: "advisory",
    [analyzer.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzer.EnforcementLevel.DISABLED]: "disabled",
    [analyzer.EnforcementLevel.REMEDIATE]: "remediate",
};
const NUMBER_BY_LEVEL = Object.fromEntries(
    Object.entries(LEVEL_BY_NUMBER).map(([n, level]) => [level, Number(n)]),
) as Record<EnforcementLevel, analyzer.EnforcementLevel>;

/** A policy pack loaded in this process, driven through its analyzer handlers. */
export class InProcessPolicyPack {
    private constructor(
        private readonly pack: LoadedPack,
        readonly name: string,
        readonly version: string,
        readonly policies: readonly PolicyDeclaration[],
    ) {}

    /** Loads the pack in `dir` and reads its analyzer info (names, levels, config schemas). */
    static async load(dir: string): Promise<InProcessPolicyPack> {
        const pack = loadPolicyPack(dir);
        const info = (await pack.call("getAnalyzerInfo", new analyzer.AnalyzerInfo())) as analyzer.AnalyzerInfo;
        const policies = info.getPoliciesList().map((p) => ({
            name: p.getName(),
            description: p.getDescription(),
            enforcementLevel: LEVEL_BY_NUMBER[p.getEnforcementlevel()],
            configProperties: (p.getConfigschema()?.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
            required: p.getConfigschema()?.getRequiredList() ?? [],
        }));
        return new InProcessPolicyPack(pack, info.getName(), info.getVersion(), policies);
    }

    /** Sends the reconciled config, as the engine does once before analysing. */
    async configure(config: Record<string, ResolvedPolicyConfig>): Promise<void> {
        const req = new analyzer.ConfigureAnalyzerRequest();
        const map = req.getPolicyconfigMap();
        for (const [name, c] of Object.entries(config)) {
            const pc = new analyzer.PolicyConfig();
            pc.setEnforcementlevel(NUMBER_BY_LEVEL[c.enforcementLevel]);
            pc.setProperties(Struct.fromJavaScript(c.properties as never));
            map.set(name, pc);
        }
        await this.pack.call("configure", req);
    }

    /**
     * Runs every policy as a preview would: `Analyze` on each custom resource
     * as it is registered, then `AnalyzeStack` on all of them.
     */
    async analyze(resources: readonly RecordedResource[]): Promise<PolicyDiagnostic[]> {
        const lookup = providerLookup(resources);
        const diagnostics: PolicyDiagnostic[] = [];
        for (const r of resources) {
            if (!r.custom || r.type.startsWith("pulumi:providers:")) continue;
            const res = (await this.pack.call("analyze", analyzeRequest(r, lookup))) as analyzer.AnalyzeResponse;
            // The engine knows which resource it asked about and files the finding under it.
            diagnostics.push(...res.getDiagnosticsList().map((d) => ({ urn: r.urn, ...toDiagnostic(d) })));
        }
        const res = (await this.pack.call(
            "analyzeStack",
            analyzeStackRequest(resources, lookup),
        )) as analyzer.AnalyzeResponse;
        diagnostics.push(...res.getDiagnosticsList().map(toDiagnostic));
        return diagnostics;
    }
}

function toDiagnostic(d: analyzer.AnalyzeDiagnostic): PolicyDiagnostic {
    const description = d.getDescription();
    const full = d.getMessage();
    // `reportViolation(message)` sends "<description>\n<message>"; keep the part that is specific.
    const message = full.startsWith(`${description}\n`) ? full.slice(description.length + 1) : full;
    const urn = d.getUrn();
    return {
        policy: d.getPolicyname(),
        enforcementLevel: LEVEL_BY_NUMBER[d.getEnforcementlevel()] ?? ENFORCEMENT_LEVELS[0],
        message,
        description,
        ...(urn ? { urn } : {}),
    };
}

/** The repository's pack and its per-stack config folder. */
export const PACK_DIR = path.resolve(__dirname, "../../../policies");
export const packConfigPath = (stack: string) => path.join(PACK_DIR, "config", `${stack}.json`);

export interface PolicyRunOptions {
    /** Parsed policy config (as in `policies/config/<stack>.json`); undefined for the pack's defaults. */
    config: unknown;
    /** How to name the config in problems, e.g. `policies/config/production.json`. */
    source: string;
    /** The pack to run. Default: the repository's `policies/`. */
    packDir?: string;
}

export type PolicyRunResult =
    | {
          ok: true;
          pack: string;
          version: string;
          /** Every policy of the pack, with the level it ran at and how the config weakens it. */
          policies: EffectivePolicy[];
          diagnostics: PolicyDiagnostic[];
      }
    | { ok: false; problems: string[] };

/**
 * What `pulumi preview --policy-pack policies --policy-pack-config FILE`
 * does with the pack: reconcile and validate the config, configure, analyse.
 * A bad config comes back as problems (exit 2 in the plan), never a throw.
 */
export async function runPolicyPack(
    resources: readonly RecordedResource[],
    options: PolicyRunOptions,
): Promise<PolicyRunResult> {
    const pack = await InProcessPolicyPack.load(options.packDir ?? PACK_DIR);
    const config = resolvePackConfig(pack.policies, options.config, options.source);
    if (!config.ok) return config;
    await pack.configure(config.config);
    return {
        ok: true,
        pack: pack.name,
        version: pack.version,
        policies: effectivePolicies(pack.policies, config.config),
        diagnostics: await pack.analyze(resources),
    };
}

export type StackPolicyRunResult =
    | (Extract<PolicyRunResult, { ok: true }> & {
          /** The config file used, as the user names it (`policies/config/<stack>.json`). */
          configFile: string;
      })
    | { ok: false; problems: string[] };

/** A stack's policy config, read: the parsed file and how to name it. */
export type StackPolicyConfig = { ok: true; raw: unknown; source: string } | { ok: false; problems: string[] };

/**
 * Reads the policy config a stack is planned with: `file` when given
 * (`--policy-config`, relative to `cwd`), else `policies/config/<stack>.json`.
 * A missing file is a problem, not the pack's defaults: a stack without its
 * own config would silently run rules nobody chose for it.
 */
export function readStackPolicyConfig(stack: string, file?: string, cwd = process.cwd()): StackPolicyConfig {
    const projectDir = path.dirname(PACK_DIR);
    const full = file === undefined ? packConfigPath(stack) : path.resolve(cwd, file);
    const source = file ?? path.relative(projectDir, full);
    const read = readPackConfigFile(full, source);
    if (!read.ok) return read;
    if (read.raw === undefined) {
        return {
            ok: false,
            problems: [
                file === undefined
                    ? `${source}: stack "${stack}" has no policy config; create it (see the README, "Configure") ` +
                      `or pass --policy-config FILE`
                    : `--policy-config ${file}: no such file`,
            ],
        };
    }
    return { ok: true, raw: read.raw, source };
}

/**
 * Runs the repository's pack with the stack's own config, as `pulumi preview
 * --policy-pack policies --policy-pack-config policies/config/<stack>.json`
 * would (or with `file` instead, as `--policy-config` gives it).
 */
export async function runStackPolicies(
    resources: readonly RecordedResource[],
    stack: string,
    file?: string,
): Promise<StackPolicyRunResult> {
    const read = readStackPolicyConfig(stack, file);
    if (!read.ok) return read;
    const result = await runPolicyPack(resources, { config: read.raw, source: read.source });
    if (!result.ok) return result;
    return { ...result, configFile: read.source };
}
