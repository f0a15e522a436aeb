import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PLAN_COMMAND } from "../../tools/bench/measure";
import { collect as collectIn, type Result } from "../helpers/spawn";

// The plan's answers to bad input and to its own bugs, through the real
// command line: exit codes, messages naming the file, flag or key, and no
// stack trace for the user's mistakes. Each case stops before the program
// runs, so each process takes about as long as starting Node.

const REPO = path.resolve(__dirname, "../..");

/** Runs a command in the repository. */
const collect = (command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Result> =>
    collectIn(command, args, env, REPO);

const STACK_TRACE = /^\s+at /m;

/**
 * stderr as one entry per problem: every line fits 100 columns, and a longer
 * problem continues on indented lines, joined back here.
 */
function entries(stderr: string): string[] {
    const lines = stderr.trimEnd().split("\n");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    return lines.reduce<string[]>((all, line) => {
        if (/^ {4}/.test(line) && all.length > 0) all[all.length - 1] += ` ${line.trim()}`;
        else all.push(line);
        return all;
    }, []);
}

/** The environment of a plain shell: nothing an outer npm (e.g. `npm test`) set. */
function shellEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    return { ...env, ...extra };
}

const plan = (args: string[], extra?: NodeJS.ProcessEnv) =>
    collect(process.execPath, [...PLAN_COMMAND, ...args], shellEnv(extra));

let dir: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-cli-input-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const staging = () => fs.readFileSync(path.join(REPO, "Pulumi.staging.yaml"), "utf8");

describe("the plan refuses unreadable input: exit 2, naming the file, no stack trace", () => {
    const bomb = () => {
        const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
        for (const [prev, next] of ["ab", "bc", "cd", "de", "ef", "fg", "gh"].map((p) => p.split(""))) {
            lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(",")}]`);
        }
        const file = path.join(dir, "bomb.yaml");
        fs.writeFileSync(file, `${lines.join("\n")}\nconfig:\n  virtengine:regions: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n`);
        return file;
    };

    it.each([
        [
            "/dev/urandom (which never ends)",
            () => "/dev/urandom",
            /^\/dev\/urandom: cannot read it: not a regular file/,
        ],
        ["a 450-byte alias bomb", bomb, /^\S+bomb\.yaml: its aliases expand to more than 100,000 values/],
        [
            "the project file",
            () => "Pulumi.yaml",
            /^Pulumi\.yaml: is a Pulumi project file \(it has runtime:\), not a stack file/,
        ],
    ])("%s", async (_what, file, message) => {
        const result = await plan(["--config", file()]);
        expect(entries(result.stderr)).toEqual([expect.stringMatching(message)]);
        expect(result.stderr).not.toMatch(STACK_TRACE);
        expect(result.stdout).toBe("");
        expect(result.code).toBe(2);
    });
});

it("rejects zones that do not exist and shows each bad value, one line per key: exit 2", async () => {
    const file = path.join(dir, "zones.yaml");
    const text = staging()
        .replace("[eu-west-1a, eu-west-1b]", "[eu-west-1a, eu-west-1e]")
        .replace("[ap-south-1a, ap-south-1b]", "[ap-south-1d, ap-south-1b]")
        .replace("domain: staging.virtengine.network", "domain: Staging_Net")
        .replace("trafficDial: 0", "trafficDial: .inf");
    fs.writeFileSync(file, text);
    const result = await plan(["--stack", "staging", "--config", file]);
    expect(entries(result.stderr).slice(1).sort()).toEqual([
        'virtengine:domain: must be a lower-case DNS domain such as virtengine.network (got "Staging_Net")',
        'virtengine:regions[1].zones[1]: "eu-west-1e" is not an Availability Zone of eu-west-1; it has eu-west-1a, eu-west-1b, eu-west-1c',
        'virtengine:regions[2].zones[0]: "ap-south-1d" is not an Availability Zone of ap-south-1; it has ap-south-1a, ap-south-1b, ap-south-1c',
        "virtengine:regions[3].trafficDial: must be a whole percentage from 0 to 100 (got .inf)",
    ]);
    expect(result.code).toBe(2);
});

describe("flags npm kept for itself (the `--` forgotten)", () => {
    it("npm run --silent plan --stack=staging: exit 2, saying to put the flag after --", async () => {
        const npm = process.platform === "win32" ? "npm.cmd" : "npm";
        const result = await collect(npm, ["run", "--silent", "plan", "--stack=staging"], shellEnv());
        expect(entries(result.stderr)).toContain(
            "--stack=staging was taken by npm (npm_config_stack): put it after --, as in npm run plan -- --stack staging",
        );
        expect(result.stdout).toBe("");
        expect(result.code).toBe(2);
    });

    it("npm run --silent plan --format json: npm reads --format as its own flag and sets nothing; exit 2 with a hint", async () => {
        const npm = process.platform === "win32" ? "npm.cmd" : "npm";
        const result = await collect(npm, ["run", "--silent", "plan", "--format", "json"], shellEnv());
        expect(result.stderr).toContain('unexpected argument "json"\nif you wrote plan flags without --');
        expect(result.stdout).toBe("");
        expect(result.code).toBe(2);
    });

    it("--config F.yaml and --format json before the --: one line each, exit 2", async () => {
        const result = await plan(["F.yaml", "json"], { npm_config_config: "true", npm_config_format: "json" });
        expect(entries(result.stderr).slice(0, 2)).toEqual([
            "--config was taken by npm (npm_config_config): put it after --, as in npm run plan -- --config FILE",
            "--format=json was taken by npm (npm_config_format): put it after --, as in npm run plan -- --format json",
        ]);
        expect(result.code).toBe(2);
    });
});

it("--help explains every flag, format and exit code, within 100 columns, exit 0", async () => {
    const result = await plan(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    for (const section of ["Flags:", "Formats:", "Exit codes:"]) expect(result.stdout).toContain(`\n${section}\n`);
    for (const line of result.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
});

it("an internal error exits 3 with the error and its stack trace, never 1 (a verdict) or 2", async () => {
    // A fault injected under the plan: stdout breaks while --help is printed.
    const fault = path.join(dir, "fault.js");
    fs.writeFileSync(fault, 'process.stdout.write = () => { throw new TypeError("injected fault"); };\n');
    const result = await plan(["--help"], { NODE_OPTIONS: `--require ${fault}` });
    expect(result.stderr).toMatch(
        /^plan: internal error \(a bug in the plan, not in your input\): TypeError: injected fault\n/,
    );
    expect(result.stderr).toMatch(STACK_TRACE);
    expect(result.code).toBe(3);
});

describe("an error that escapes the plan's own code is an internal error too: exit 3, not Node's 1", () => {
    // Injected when --help is printed (so after the CLI has started): a promise
    // nobody awaits that rejects, or a callback that throws, as a bug in a
    // dependency would.
    it.each([
        [
            "a promise rejected with no one to catch it",
            "Promise.reject(new TypeError('stray rejection'))",
            "stray rejection",
        ],
        ["a callback that throws", "{ throw new TypeError('stray throw'); }", "stray throw"],
    ])("%s", async (_what, fault, message) => {
        const file = path.join(dir, `fault-${message.replace(" ", "-")}.js`);
        fs.writeFileSync(
            file,
            [
                "const write = process.stdout.write.bind(process.stdout);",
                "process.stdout.write = (chunk, ...rest) => {",
                `    setImmediate(() => ${fault});`,
                "    return write(chunk, ...rest);",
                "};",
                "",
            ].join("\n"),
        );
        const result = await plan(["--help"], { NODE_OPTIONS: `--require ${file}` });
        expect(result.stderr).toMatch(
            new RegExp(
                `^plan: internal error \\(a bug in the plan, not in your input\\): TypeError: ${message}\n\\s+at `,
            ),
        );
        expect(result.code).toBe(3);
    });
});
