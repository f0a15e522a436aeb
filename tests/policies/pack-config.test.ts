import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readPackConfigFile, resolvePackConfig, type PolicyDeclaration } from "../../tools/harness/policy/pack-config";

/*
 * How a policy config file is reconciled before `configure`, the way the
 * engine does it: "all", per-policy levels, schema defaults, and a clear
 * problem (naming file and key) for anything that would not mean what it says.
 */

const declarations: PolicyDeclaration[] = [
    {
        name: "cap",
        description: "",
        enforcementLevel: "mandatory",
        configProperties: { share: { type: "number", maximum: 1, default: 0.33 } },
        required: [],
    },
    { name: "tidy", description: "", enforcementLevel: "advisory", configProperties: {}, required: [] },
];

const resolve = (raw: unknown) => resolvePackConfig(declarations, raw, "policy.json");

describe("policy pack config", () => {
    it("no file: the pack's own levels, settings from the schema defaults", () => {
        expect(resolve(undefined)).toEqual({
            ok: true,
            config: {
                cap: { enforcementLevel: "mandatory", properties: { share: 0.33 } },
                tidy: { enforcementLevel: "advisory", properties: {} },
            },
        });
    });

    it('"all" sets every level; a policy\'s own entry overrides it', () => {
        const result = resolve({ all: "disabled", tidy: "mandatory", cap: { share: 0.5 } });
        expect(result).toEqual({
            ok: true,
            config: {
                cap: { enforcementLevel: "disabled", properties: { share: 0.5 } },
                tidy: { enforcementLevel: "mandatory", properties: {} },
            },
        });
    });

    it("reports every problem at once, each naming the file and the key", () => {
        const result = resolve({ all: "strict", cap: { share: 2, shar: 0.3, enforcementLevel: "loud" }, tidi: "x" });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems).toEqual([
            'policy.json: "tidi" is not a policy of this pack; policies: cap, tidy',
            'policy.json: all: must be one of advisory, mandatory, remediate, disabled (got "strict")',
            'policy.json: cap.enforcementLevel: must be one of advisory, mandatory, remediate, disabled (got "loud")',
            "policy.json: cap.shar: not a setting of cap (settings: share)",
            "policy.json: cap.share: must be <= 1 (got 2)",
        ]);
    });

    it("shows the bad value of a setting or level, but no value for a missing setting", () => {
        const strict: PolicyDeclaration[] = [
            {
                name: "min",
                description: "",
                enforcementLevel: "mandatory",
                configProperties: { count: { type: "integer", minimum: 2 } },
                required: ["count"],
            },
        ];
        const problems = (raw: unknown) => {
            const result = resolvePackConfig(strict, raw, "p.json");
            return result.ok ? [] : result.problems;
        };
        expect(problems({ min: { count: 1 } })).toEqual(["p.json: min.count: must be >= 2 (got 1)"]);
        expect(problems({ min: { count: "four" } })).toEqual(['p.json: min.count: must be integer (got "four")']);
        expect(problems({ min: 7 })).toEqual([
            "p.json: min: must be an enforcement level (advisory, mandatory, remediate, disabled) or a config object (got 7)",
            "p.json: min: must have required property 'count'",
        ]);
    });

    it("a file that is not a JSON object is one problem naming it", () => {
        expect(resolve(["cap"])).toEqual({
            ok: false,
            problems: ['policy.json: must be a JSON object of policy names (or "all") to a level or a config object'],
        });
    });

    describe("reading the file", () => {
        let dir: string;
        beforeAll(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "pack-config-"));
        });
        afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

        it("a missing file means the pack's defaults", () => {
            expect(readPackConfigFile(path.join(dir, "none.json"), "none.json")).toEqual({ ok: true, raw: undefined });
        });

        it("invalid JSON is a problem naming the file", () => {
            const file = path.join(dir, "bad.json");
            fs.writeFileSync(file, '{ "cap": ');
            const read = readPackConfigFile(file, "policies/config/bad.json");
            expect(read.ok).toBe(false);
            if (read.ok) return;
            expect(read.problems).toEqual([expect.stringMatching(/^policies\/config\/bad\.json: not valid JSON: /)]);
        });
    });
});
