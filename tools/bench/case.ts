/**
 * One measured case, run in a fresh process by bench.ts (the program has
 * module side effects and runs once per process; a fresh process also gives a
 * clean RSS high-water mark). Usage:
 *
 *   node --import tsx tools/bench/case.ts program production|large|<regions>x<validators> [dump.json]
 *   node --import tsx tools/bench/case.ts floor <dump.json>
 *   node --import tsx tools/bench/case.ts dummy <resource count>
 *
 * Prints one line `RESULT_MARKER <json CaseResult>` on stdout; anything else
 * the SDK prints is ignored by the parent.
 */
import * as fs from "node:fs";
import { enableCompileCache } from "node:module";
import { performance } from "node:perf_hooks";

export const RESULT_MARKER = "@@bench-result";

export interface CaseResult {
    /** Time around runProgram (or the floor's register + drain), in ms. */
    runMs: number;
    /**
     * CPU time of the whole process (every thread, GC helpers included) over
     * the same span, in ms: on a shared machine it moves far less than the
     * wall time when other processes take the cores.
     */
    runCpuMs: number;
    /** RSS high-water mark of this process, in KiB (`process.resourceUsage().maxRSS`). */
    maxRssKiB: number;
    /** Program cases only: the RSS high-water mark when the run had finished, before the pack and report, in KiB. */
    runMaxRssKiB?: number;
    resources: number;
    /**
     * Program cases only: the rest of the plan after the run, in ms: the policy
     * pack through its analyzer handlers, then the inventory with cost and
     * region loss.
     */
    reportMs?: number;
}

/** A recorded resource, as much as the replay case needs to register it again. */
interface Dumped {
    type: string;
    name: string;
    custom: boolean;
    inputs: Record<string, unknown>;
}

/** CPU time (user and system, all threads) since `since`, in ms. */
function cpuMs(since: NodeJS.CpuUsage): number {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
}

async function runProgramCase(which: string, dumpFile?: string): Promise<CaseResult> {
    // As the plan CLI does: the SDK without the parts an offline run never uses.
    (await import("../harness/sdk-internals")).loadSdkWithDeferredDependencies();
    const configs = await import("./configs");
    const size = /^(\d+)x(\d+)$/.exec(which);
    const config =
        which === "production"
            ? configs.productionConfig()
            : size
              ? configs.largeConfig(Number(size[1]), Number(size[2]))
              : configs.largeConfig();
    const { runProgram } = await import("../harness/run-program");
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const run = await runProgram({ project: configs.PROJECT, stack: which, config, preview: true });
    const runMs = performance.now() - start;
    const runCpuMs = cpuMs(cpuStart);
    const runMaxRssKiB = process.resourceUsage().maxRSS;
    const { runPolicyPack } = await import("../harness/policy/evaluate");
    const { buildInventory } = await import("../plan/inventory");
    const reportStart = performance.now();
    const policies = await runPolicyPack(run.resources, { config: undefined, source: "the pack's defaults" });
    if (!policies.ok) throw new Error(policies.problems.join("\n"));
    buildInventory(run, { environment: which, regions: [] });
    const reportMs = performance.now() - reportStart;
    const result = {
        runMs,
        runCpuMs,
        reportMs,
        maxRssKiB: process.resourceUsage().maxRSS,
        runMaxRssKiB,
        resources: run.resources.length,
    };
    if (dumpFile) {
        const dumped: Dumped[] = run.resources.map(({ type, name, custom, inputs }) => ({
            type,
            name,
            custom,
            inputs,
        }));
        fs.writeFileSync(dumpFile, JSON.stringify(dumped));
    }
    return result;
}

/**
 * Times `register` under the same mocks (preview mode), SDK settings and
 * drain as the harness, with nothing else around it.
 */
async function timeUnderMocks(stack: string, register: () => number): Promise<CaseResult> {
    const pulumi = await import("@pulumi/pulumi");
    const { awsMocks } = await import("../harness/mocks");
    const { withLeanSdk } = await import("../harness/lean-sdk");
    const { waitForRegistrations } = await import("../harness/run-program");
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await pulumi.runtime.setMocks(
        awsMocks(() => "us-east-1", true),
        "virtengine",
        stack,
        true,
    );
    const resources = await withLeanSdk(async () => {
        const count = register();
        await waitForRegistrations();
        return count;
    });
    const runMs = performance.now() - start;
    return { runMs, runCpuMs: cpuMs(cpuStart), maxRssKiB: process.resourceUsage().maxRSS, resources };
}

/**
 * The SDK minimum (reference only): `count` one-property resources, no
 * program logic at all.
 */
async function dummyCase(count: number): Promise<CaseResult> {
    const pulumi = await import("@pulumi/pulumi");
    // CustomResource is abstract in the typings only; an empty subclass satisfies tsc.
    class Dummy extends pulumi.CustomResource {}
    return timeUnderMocks("dummy", () => {
        for (let i = 0; i < count; i++) {
            new Dummy("test:index:Dummy", `r${i}`, { value: i });
        }
        return count;
    });
}

/**
 * The floor: the program's own resources registered again, flat (no
 * components as parents, no providers, no dependencies between them), through
 * the same @pulumi/aws classes with the same inputs. What remains is the SDK's
 * cost for those resource types; program time above it is the program's own
 * logic. @pulumi/aws is loaded inside the timing, as the program loads it
 * inside runProgram.
 */
async function floorCase(dumpFile: string): Promise<CaseResult> {
    const dumped = JSON.parse(fs.readFileSync(dumpFile, "utf8")) as Dumped[];
    const pulumi = await import("@pulumi/pulumi");
    return timeUnderMocks("floor", () => {
        for (const r of dumped) {
            if (!r.custom) {
                new pulumi.ComponentResource(r.type, r.name, {});
                continue;
            }
            new (resourceClass(r.type))(r.name, r.inputs);
        }
        return dumped.length;
    });
}

type ResourceClass = new (name: string, args: unknown) => unknown;

/**
 * The SDK class a type token names, in the package the program used:
 * "aws:ec2/route:Route" -> aws.ec2.Route, "aws:index/x:X" -> aws.X,
 * "pulumi:providers:aws" -> aws.Provider, "kubernetes:apps/v1:Deployment" ->
 * k8s.apps.v1.Deployment; a Kubernetes kind with no class of its own (a
 * custom resource) -> k8s.apiextensions.CustomResource, as the program makes it.
 */
function resourceClass(type: string): ResourceClass {
    const [pkg, mod, cls] = type.split(":");
    const name = pkg === "pulumi" ? cls : pkg;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require(`@pulumi/${name}`) as Record<string, Record<string, unknown>>;
    if (pkg === "pulumi") return sdk.Provider as unknown as ResourceClass;
    const [group, version] = mod.split("/");
    if (pkg === "kubernetes") {
        const ns =
            group === "helm.sh" ? "helm" : group === "core" ? "core" : group.replace(/\.k8s\.io$/, "").split(".")[0];
        const found = (sdk[ns]?.[version] as Record<string, unknown> | undefined)?.[cls];
        return (found ?? sdk.apiextensions.CustomResource) as ResourceClass;
    }
    const scope = group === "index" ? sdk : sdk[group];
    const found = (scope as Record<string, unknown> | undefined)?.[cls];
    if (found === undefined) throw new Error(`bench floor: no class for ${type}`);
    return found as ResourceClass;
}

async function main(): Promise<void> {
    const [kind, arg] = process.argv.slice(2);
    let result: CaseResult;
    if (kind === "program" && (arg === "production" || arg === "large" || /^\d+x\d+$/.test(arg ?? ""))) {
        result = await runProgramCase(arg, process.argv[4]);
    } else if (kind === "dummy" && /^\d+$/.test(arg ?? "")) {
        result = await dummyCase(Number(arg));
    } else if (kind === "floor" && arg) {
        result = await floorCase(arg);
    } else {
        throw new Error(`usage: see the header of tools/bench/case.ts (got ${process.argv.slice(2).join(" ")})`);
    }
    // Exit explicitly once the line is flushed: nothing else should keep us alive.
    process.stdout.write(`${RESULT_MARKER} ${JSON.stringify(result)}\n`, () => process.exit(0));
}

// Only run when executed, not when bench.ts imports RESULT_MARKER/CaseResult.
if (require.main === module) {
    // As the plan CLI does, for every case alike (the floor too).
    enableCompileCache();
    main().catch((err: unknown) => {
        console.error(err);
        process.exit(1);
    });
}
