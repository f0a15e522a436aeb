import { DEFAULT_STACK, parseArgs, type ParseResult } from "../../tools/plan/args";

const error = (result: ParseResult) => (result.ok ? undefined : result.error);

describe("parseArgs", () => {
    it("defaults to the production stack, text format and the stack's own config", () => {
        expect(parseArgs([])).toEqual({
            ok: true,
            options: { stack: DEFAULT_STACK, configFile: undefined, format: "text", help: false },
        });
        expect(DEFAULT_STACK).toBe("production");
    });

    it("reads flags with separate and inline values", () => {
        expect(parseArgs(["--stack", "staging", "--format=json", "--config", "my stack.yaml"])).toEqual({
            ok: true,
            options: { stack: "staging", configFile: "my stack.yaml", format: "json", help: false },
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
    ])("rejects %j", (argv, message) => {
        expect(error(parseArgs(argv))).toBe(message);
    });

    it("rejects stack names that are not Pulumi stack names (and could escape the project directory)", () => {
        expect(error(parseArgs(["--stack", "../etc/passwd"]))).toMatch(/is not a stack name/);
        expect(error(parseArgs(["--stack", "a b"]))).toMatch(/is not a stack name/);
        expect(parseArgs(["--stack", "dev_2.eu-1"])).toMatchObject({ ok: true, options: { stack: "dev_2.eu-1" } });
    });
});
