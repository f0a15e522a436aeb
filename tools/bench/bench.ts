/**
 * `npm run bench`: times the production plan and a large synthetic stack
 * (20 regions x 50 validators) under Pulumi mocks, against the SDK's own
 * cost for the same resources (the floor), and checks the targets from the
 * issue. Each run is a fresh child process (see case.ts); the repetitions are
 * interleaved (program, floor, sdk minimum, plan CLI, then again), medians reported.
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
import { median, runChild, runCli, type Sample, summarize } from "./measure";
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

    // Timings on a shared machine mean little without its load: kept beside them.
    const loadBefore = os.loadavg()[0];
    // The recorded resources the floor replays live only as long as the bench.
    const dumpDir = fs.mkdtempSync(path.join(os.tmpdir(), "virtengine-bench-"));
    const reports: CaseReport[] = [];
    try {
        for (const name of options.cases) {
            const dump = path.join(dumpDir, `${name}.json`);
            const endToEnd = END_TO_END_RATIO_LIMIT[name] !== undefined;
            const samples = {
                program: [] as Sample[],
                floor: [] as Sample[],
                dummy: [] as Sample[],
                cli: [] as number[],
            };
            // Interleaved: each repetition runs every measurement once, one after
            // another (2 cores: parallel runs would skew each other), so a change
            // in the machine's load falls on the program and its floor alike.
            for (let i = 1; i <= options.runs; i++) {
                log(`${name}: repetition ${i} of ${options.runs}`);
                const program = await runChild(["program", name, dump]);
                samples.program.push(program);
                log(
                    `  program ${program.runMs.toFixed(0)} ms, ${mib(program.maxRssKiB)}, ${program.resources} resources`,
                );
                const floor = await runChild(["floor", dump]);
                samples.floor.push(floor);
                log(`  floor (the same resources, nothing else) ${floor.runMs.toFixed(0)} ms, ${mib(floor.maxRssKiB)}`);
                const dummy = await runChild(["dummy", String(program.resources)]);
                samples.dummy.push(dummy);
                log(`  sdk minimum (as many dummy resources) ${dummy.runMs.toFixed(0)} ms, ${mib(dummy.maxRssKiB)}`);
                if (endToEnd) {
                    const ms = await runCli(["--stack", name, "--format", "json"]);
                    samples.cli.push(ms);
                    log(`  plan CLI end to end (--format json) ${ms.toFixed(0)} ms`);
                }
            }
            const program = summarize(`program ${name}`, samples.program);
            const floor = summarize(`floor ${name}`, samples.floor);
            const dummy = summarize(`dummy ${name}`, samples.dummy);
            const endToEndMs = endToEnd ? median(samples.cli) : undefined;
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
