import { enableCompileCache } from "node:module";
import * as path from "node:path";
import { parseArgs, USAGE } from "./args";
import type { RecordedResource } from "../harness/run-program";
import type { PolicyReport } from "./report";

/**
 * `npm run plan -- [--stack S] [--config FILE] [--format text|json|markdown]`:
 * runs the real program under mocks, with no cloud credentials and no Pulumi
 * CLI, and reports what it would create.
 *
 * Exit codes: 0 clean; 1 mandatory policy violations; 2 invalid input (CLI
 * arguments, files, config); 3 an internal error (with its stack trace).
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
function userCwd(): string {
    const env = process.env;
    return env.npm_lifecycle_event === "plan" && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

// Plain lines, so a config problem reads `virtengine:regions[0].cidr: ...` as the program prints it.
const printErrors = (lines: readonly string[]) => process.stderr.write(lines.map((l) => `${l}\n`).join(""));

export async function main(argv: readonly string[]): Promise<number> {
    const parsed = parseArgs(argv);
    if (!parsed.ok) {
        printErrors([parsed.error, USAGE]);
        return EXIT_INPUT;
    }
    const options = parsed.options;
    if (options.help) {
        process.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
    }

    // Modules that load the Pulumi SDK are imported only when needed, so a
    // usage error answers at once.
    const { loadStack } = await import("./load-stack");
    const stack = loadStack({
        projectDir: PROJECT_DIR,
        stack: options.stack,
        configFile: options.configFile,
        cwd: userCwd(),
    });
    if (!stack.ok) {
        printErrors(stack.problems);
        return EXIT_INPUT;
    }

    // First load of the SDK: without the parts an offline plan never uses.
    const pulumi = (await import("../harness/sdk-internals")).loadSdkWithDeferredDependencies();
    const { runProgram } = await import("../harness/run-program");
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
        // The program's own config check (RunError) and component checks
        // (ResourceError) are messages for the user, as `pulumi preview` prints them.
        if (pulumi.RunError.isInstance(err) || pulumi.ResourceError.isInstance(err)) {
            printErrors((err as Error).message.split("\n"));
            return EXIT_INPUT;
        }
        throw err;
    }

    const report = buildInventory(run, stack.config);
    const policies = await evaluatePolicies(run.resources, stack.stack);
    if (!policies.ok) {
        printErrors(policies.problems);
        return EXIT_INPUT;
    }
    report.policies = policies.report;
    report.steps = previewSteps(run.resources);
    process.stdout.write(render(report, options.format));
    const mandatory = report.policies.violations.some((v) => v.enforcementLevel === "mandatory");
    return mandatory ? EXIT_POLICY : EXIT_OK;
}

/** The pack's findings with the stack's policy config, as the report lists them. */
async function evaluatePolicies(
    resources: RecordedResource[],
    stack: string,
): Promise<{ ok: true; report: PolicyReport } | { ok: false; problems: string[] }> {
    const { runStackPolicies } = await import("../harness/policy/evaluate");
    const { policyReport } = await import("./policy-report");
    const result = await runStackPolicies(resources, stack);
    if (!result.ok) return result;
    return {
        ok: true,
        report: policyReport(`${result.pack}@${result.version}`, result.configFile, result.diagnostics),
    };
}

if (require.main === module) {
    // Node keeps compiled code of the modules it loads on disk (in the OS temp
    // directory), so a second plan skips most of the parsing of the SDK.
    enableCompileCache();
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (err: unknown) => {
            process.stderr.write(
                `plan: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
            );
            process.exitCode = EXIT_INTERNAL;
        },
    );
}
