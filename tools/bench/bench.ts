/**
 * `npm run bench`: times the production plan and a large synthetic stack
 * (20 regions x 50 validators) under Pulumi mocks, against the SDK's own
 * cost for the same resources (the floor), and checks the targets from the
 * issue. Each run is a fresh child process (see case.ts).
 *
 *   npm run bench [-- --runs N] [--json] [--case production|large]
 *
 * The floor is the program's recorded resources registered again by the SDK
 * with nothing else: same @pulumi/aws classes and inputs, no components,
 * providers or dependencies. What the program costs above it is its own
 * logic. A one-property dummy resource is also measured ("sdk minimum"), for
 * reference only: @pulumi/aws classes declare 7 to 57 output properties each
 * and the SDK makes an Output per property, so no program made of them can
 * come near that.
 *
 * The production plan is also timed end to end: the real CLI, process start
 * to exit, with the pack, the report and the JSON rendering, against the
 * floor's own process (start, SDK, the same registrations, exit).
 *
 * For JSON alone on stdout: `npm run --silent bench -- --json` (progress goes to stderr).
 * Exits 1 when any target is missed, 2 when the bench itself fails.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs as nodeParseArgs } from "node:util";
import { largeConfig } from "./configs";
import { measure, measureCli } from "./measure";
import { mib, renderTable, type CaseReport } from "./report";
import { type CaseName, checks, END_TO_END_RATIO_LIMIT } from "./targets";

interface Options {
    runs: number;
    json: boolean;
    cases: CaseName[];
}

function parseArgs(argv: string[]): Options {
    const { values } = nodeParseArgs({
        args: argv,
        strict: true,
        options: {
            runs: { type: "string", default: "3" },
            json: { type: "boolean", default: false },
            case: { type: "string" },
        },
    });
    if (!/^[1-9]\d*$/.test(values.runs)) throw new Error(`--runs must be a positive whole number (got ${values.runs})`);
    if (values.case !== undefined && values.case !== "production" && values.case !== "large") {
        throw new Error(`--case must be production or large (got ${values.case})`);
    }
    return {
        runs: Number(values.runs),
        json: values.json,
        cases: values.case ? [values.case as CaseName] : ["production", "large"],
    };
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    // Fail loudly before any timing if the synthetic stack would not validate.
    largeConfig();
    const log = (msg: string) => {
        if (!options.json) process.stderr.write(`${msg}\n`);
    };

    // The recorded resources the floor replays live only as long as the bench.
    // Timings on a shared machine mean little without its load: kept beside them.
    const loadBefore = os.loadavg()[0];
    const dumpDir = fs.mkdtempSync(path.join(os.tmpdir(), "virtengine-bench-"));
    const reports: CaseReport[] = [];
    try {
        for (const name of options.cases) {
            const dump = path.join(dumpDir, `${name}.json`);
            log(`${name}: program x${options.runs} ...`);
            const program = await measure(["program", name, dump], options.runs, (s) =>
                log(`  program ${s.runMs.toFixed(0)} ms, ${mib(s.maxRssKiB)}, ${s.resources} resources`),
            );
            log(`${name}: floor (the same resources, nothing else) x${options.runs} ...`);
            const floor = await measure(["floor", dump], options.runs, (s) =>
                log(`  floor ${s.runMs.toFixed(0)} ms, ${mib(s.maxRssKiB)}`),
            );
            log(`${name}: sdk minimum (${program.resources} dummy resources) x${options.runs} ...`);
            const dummy = await measure(["dummy", String(program.resources)], options.runs, (s) =>
                log(`  sdk minimum ${s.runMs.toFixed(0)} ms, ${mib(s.maxRssKiB)}`),
            );
            let endToEndMs: number | undefined;
            if (END_TO_END_RATIO_LIMIT[name] !== undefined) {
                log(`${name}: the plan CLI end to end (--format json) x${options.runs} ...`);
                endToEndMs = await measureCli(["--stack", name, "--format", "json"], options.runs, (ms) =>
                    log(`  plan process ${ms.toFixed(0)} ms`),
                );
            }
            reports.push({ name, program, floor, dummy, endToEndMs, checks: checks(name, program, floor, endToEndMs) });
        }
    } finally {
        fs.rmSync(dumpDir, { recursive: true, force: true });
    }

    const load = { before: loadBefore, after: os.loadavg()[0], cores: os.availableParallelism() };
    const pass = reports.every((r) => r.checks.every((c) => c.pass));
    if (options.json) {
        const json = {
            node: process.version,
            load,
            runs: options.runs,
            pass,
            cases: reports.map((r) => ({
                ...r,
                ratio: r.program.runMs / r.floor.runMs,
                sdkMinimumRatio: r.program.runMs / r.dummy.runMs,
            })),
        };
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
        process.stdout.write(`${renderTable(reports, options.runs, load)}\n`);
    }
    process.exitCode = pass ? 0 : 1;
}

main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
});
