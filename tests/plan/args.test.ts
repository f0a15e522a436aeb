import {
    asksForHelp,
    DEFAULT_STACK,
    FLAGS,
    flagsNpmSwallowed,
    FORMATS,
    helpText,
    parseArgs,
    USAGE,
    type ParseResult,
} from "../../tools/plan/args";

const error = (result: ParseResult) => (result.ok ? undefined : result.error);

describe("parseArgs", () => {
    it("defaults to the production stack, text format and the stack's own config", () => {
        expect(parseArgs([])).toEqual({
            ok: true,
            options: {
                stack: DEFAULT_STACK,
                configFile: undefined,
                policyConfig: undefined,
                compare: undefined,
                format: "text",
                help: false,
            },
        });
        expect(DEFAULT_STACK).toBe("production");
    });

    it("reads flags with separate and inline values", () => {
        expect(
            parseArgs([
                "--stack",
                "staging",
                "--format=json",
                "--config",
                "my stack.yaml",
                "--policy-config=p.json",
                "--compare",
                "base.json",
            ]),
        ).toEqual({
            ok: true,
            options: {
                stack: "staging",
                configFile: "my stack.yaml",
                policyConfig: "p.json",
                compare: "base.json",
                format: "json",
                help: false,
            },
        });
        expect(parseArgs(["--format", "markdown"])).toMatchObject({ ok: true, options: { format: "markdown" } });
    });

    it("recognises --help and -h", () => {
        expect(parseArgs(["--help"])).toMatchObject({ ok: true, options: { help: true } });
        expect(parseArgs(["-h"])).toMatchObject({ ok: true, options: { help: true } });
    });

    it.each([
        [["--bogus"], "unknown option --bogus"],
        [["--stack=x", "--verbose"], "unknown option --verbose"],
        [["staging"], 'unexpected argument "staging"'],
        [["-s", "staging"], 'unexpected argument "-s"'],
        [["--stack"], "--stack needs a value"],
        [["--stack", "--format", "json"], "--stack needs a value"],
        [["--config="], "--config needs a value"],
        [["--format", "yaml"], '--format must be one of text, json, markdown (got "yaml")'],
        [["--stack", "a", "--stack", "b"], "--stack is given more than once"],
        [["--compare", "a.json", "--compare=b.json"], "--compare is given more than once"],
        [["--policy-config"], "--policy-config needs a value"],
    ])("rejects %j", (argv, message) => {
        expect(error(parseArgs(argv))).toBe(message);
    });

    it("marks a stray argument, which is what npm leaves when it keeps a flag, and only that", () => {
        expect(parseArgs(["json"])).toEqual({ ok: false, error: 'unexpected argument "json"', stray: true });
        expect(parseArgs(["--colour"])).toEqual({ ok: false, error: "unknown option --colour" });
    });

    it("rejects stack names that are not Pulumi stack names (and could escape the project directory)", () => {
        expect(error(parseArgs(["--stack", "../etc/passwd"]))).toMatch(/is not a stack name/);
        expect(error(parseArgs(["--stack", "a b"]))).toMatch(/is not a stack name/);
        expect(parseArgs(["--stack", "dev_2.eu-1"])).toMatchObject({ ok: true, options: { stack: "dev_2.eu-1" } });
    });
});

describe("--help", () => {
    const help = helpText();

    it("fits 100 columns, as does the usage line", () => {
        for (const line of [...help.split("\n"), ...USAGE.split("\n")]) expect(line.length).toBeLessThanOrEqual(100);
    });

    it("explains every flag the parser accepts, with its value", () => {
        expect(FLAGS.map((f) => f.name).sort()).toEqual(
            ["compare", "config", "format", "help", "policy-config", "stack"].sort(),
        );
        for (const flag of FLAGS) {
            expect(help).toMatch(
                new RegExp(`^ {2}(-${flag.short}, )?--${flag.name}${flag.value ? ` ${flag.value}` : ""} +\\S`, "m"),
            );
            expect(USAGE).toContain(`--${flag.name}`);
            // Every documented flag parses (a switch alone, a value flag with a value).
            expect(
                parseArgs(flag.value ? [`--${flag.name}`, flag.name === "format" ? "json" : "x"] : [`--${flag.name}`])
                    .ok,
            ).toBe(true);
        }
    });

    it("explains every format and every exit code", () => {
        const section = (title: string) => {
            const start = help.indexOf(`\n${title}:\n`);
            return help.slice(start, help.indexOf("\n\n", start + 1));
        };
        for (const format of FORMATS) expect(section("Formats")).toMatch(new RegExp(`^ {2}${format} +\\S`, "m"));
        expect(section("Exit codes").match(/^ {2}\d(?= )/gm)).toEqual(["  0", "  1", "  2", "  3"]);
        expect(section("Exit codes")).toMatch(/3 +internal error/);
        expect(help).toMatch(/after `--`/);
    });
});

describe("flagsNpmSwallowed", () => {
    it("finds nothing in an environment npm set for itself", () => {
        expect(
            flagsNpmSwallowed({
                npm_config_cache: "/root/.npm",
                npm_config_loglevel: "silent",
                npm_lifecycle_event: "plan",
            }),
        ).toEqual([]);
    });

    it("names the flag npm kept, with its value, and how to pass it (npm run plan --stack=staging)", () => {
        expect(flagsNpmSwallowed({ npm_config_stack: "staging" })).toEqual([
            "--stack=staging was taken by npm (npm_config_stack): put it after --, as in npm run plan -- --stack staging",
        ]);
    });

    it("says so for a flag npm read as a switch (npm run plan --config F.yaml)", () => {
        expect(flagsNpmSwallowed({ npm_config_config: "true" })).toEqual([
            "--config was taken by npm (npm_config_config): put it after --, as in npm run plan -- --config FILE",
        ]);
    });

    it("knows every plan flag by npm's spelling, one line each", () => {
        const env = Object.fromEntries(FLAGS.map((f) => [`npm_config_${f.name.replace(/-/g, "_")}`, "x"]));
        const lines = flagsNpmSwallowed(env);
        expect(lines).toHaveLength(FLAGS.length);
        expect(lines).toContain(
            "--policy-config=x was taken by npm (npm_config_policy_config): put it after --, as in npm run plan -- --policy-config x",
        );
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
    });
});

describe("asksForHelp", () => {
    it("sees --help or -h anywhere before --, and nothing after it", () => {
        expect(asksForHelp(["--stack", "staging", "--help"])).toBe(true);
        expect(asksForHelp(["-h"])).toBe(true);
        expect(asksForHelp(["--stack", "staging"])).toBe(false);
        expect(asksForHelp(["--", "--help"])).toBe(false);
    });
});
