/**
 * `npm run bench`: times the production plan and a large synthetic stack
 * (20 regions x 50 validators) under Pulumi mocks, against the SDK's own
 * cost for the same resources (the floor), and checks the targets from the
 * issue. Each run is a fresh child process (see case.ts).
 *
 *   npm run bench [-- --runs N] [--json] [--strict] [--case production|large]
 *
 * The floor is the program's recorded resources registered again by the SDK
 * with nothing else: same @pulumi/aws classes and inputs, no components,
 * providers or dependencies. What the program costs above it is its own
 * logic. A one-property dummy resource is also measured ("sdk minimum"), for
 * reference only: @pulumi/aws classes declare 7 to 57 output properties each
 * and the SDK makes an Output per property, so no program made of them can
 * come near that.
 *
 * For JSON alone on stdout: `npm run --silent bench -- --json` (progress goes to stderr).
 * Exits 0 even when a target is missed, so it can run as information in CI;
 * `--strict` exits 1 on any FAIL.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs as nodeParseArgs } from "node:util";
import { largeConfig } from "./configs";
import { measure, type Summary } from "./measure";
import { mib, renderTable, type CaseReport, type TargetCheck } from "./report";

type CaseName = "production" | "large";

/**
 * Targets from the issue. "Within a few seconds" for production is read as
 * 3 s. 1.5 GB is taken as 1.5e9 bytes, the stricter reading. Time targets
 * apply to the time measured around runProgram inside the child (the plan
 * itself), not to node/tsx startup.
 */
const MS_LIMIT: Record<CaseName, number> = { production: 3_000, large: 10_000 };
const RSS_LIMIT_BYTES: Partial<Record<CaseName, number>> = { large: 1.5e9 };
const FLOOR_RATIO_LIMIT = 1.5;

interface Options {
    runs: number;
    json: boolean;
    strict: boolean;
    cases: CaseName[];
}

function parseArgs(argv: string[]): Options {
    const { values } = nodeParseArgs({
        args: argv,
        strict: true,
        options: {
            runs: { type: "string", default: "3" },
            json: { type: "boolean", default: false },
            strict: { type: "boolean", default: false },
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
        strict: values.strict,
        cases: values.case ? [values.case as CaseName] : ["production", "large"],
    };
}

function checks(name: CaseName, program: Summary, floor: Summary): TargetCheck[] {
    const out: TargetCheck[] = [];
    const ms = MS_LIMIT[name];
    out.push({
        target: `plan time <= ${ms / 1000} s`,
        value: `${(program.runMs / 1000).toFixed(2)} s`,
        pass: program.runMs <= ms,
    });
    const rss = RSS_LIMIT_BYTES[name];
    if (rss !== undefined) {
        const bytes = program.maxRssKiB * 1024;
        out.push({
            target: `peak RSS <= ${rss / 1e9} GB`,
            value: `${(bytes / 1e9).toFixed(2)} GB`,
            pass: bytes <= rss,
        });
    }
    const ratio = program.runMs / floor.runMs;
    out.push({
        target: `time / floor <= ${FLOOR_RATIO_LIMIT}`,
        value: ratio.toFixed(2),
        pass: ratio <= FLOOR_RATIO_LIMIT,
    });
    return out;
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    // Fail loudly before any timing if the synthetic stack would not validate.
    largeConfig();
    const log = (msg: string) => {
        if (!options.json) process.stderr.write(`${msg}\n`);
    };

    // The recorded resources the floor replays live only as long as the bench.
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
            reports.push({ name, program, floor, dummy, checks: checks(name, program, floor) });
        }
    } finally {
        fs.rmSync(dumpDir, { recursive: true, force: true });
    }

    const pass = reports.every((r) => r.checks.every((c) => c.pass));
    if (options.json) {
        const json = {
            node: process.version,
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
        process.stdout.write(`${renderTable(reports, options.runs)}\n`);
    }
    process.exitCode = options.strict && !pass ? 1 : 0;
}

main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
});
