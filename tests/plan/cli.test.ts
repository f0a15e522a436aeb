import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { policies } from "../../policies/policies";
import { PLAN_COMMAND } from "../../tools/bench/measure";
import { USAGE } from "../../tools/plan/args";
import { collect, type Result } from "../helpers/spawn";

const REPO = path.resolve(__dirname, "../..");

/** Runs the real `npm run plan` command line (package.json's node flags, Node 24) as a child process. */
function plan(...args: string[]): Promise<Result> {
    // Not inherited: when jest runs under `npm run plan`-like scripts, the CLI would read INIT_CWD.
    const env = { ...process.env };
    delete env.npm_lifecycle_event;
    return collect(process.execPath, [...PLAN_COMMAND, ...args], env, REPO);
}

const STACK_TRACE = /^\s+at /m;

let dir: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run plan", () => {
    it("plans production by default and exits 0", async () => {
        const result = await plan();
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        expect(result.stdout).toContain("stack production (environment production");
        expect(result.stdout).toContain("7 validators");
        // A person reads it in a terminal: nothing wider than 100 columns.
        const wide = result.stdout.split("\n").filter((line) => line.length > 100);
        expect(wide).toEqual([]);
        expect(result.stdout).toMatch(
            /^Policy pack .* with policies\/config\/production\.json: no policy violations$/m,
        );
        expect(result.stdout).toMatch(/^ {2}mandatory: validator-region-cap, min-validators, /m);
    });

    it("--stack staging --format json prints one JSON object", async () => {
        const result = await plan("--stack", "staging", "--format", "json");
        expect(result.code).toBe(0);
        const report = JSON.parse(result.stdout);
        expect(report).toMatchObject({
            stack: "staging",
            environment: "staging",
            configFile: "Pulumi.staging.yaml",
            policies: {
                evaluated: true,
                pack: "virtengine-guardrails@0.1.0",
                configFile: "policies/config/staging.json",
            },
        });
        expect(report.policies.levels).toContainEqual({
            policy: "min-validators",
            enforcementLevel: "mandatory",
            packLevel: "mandatory",
            weakened: [],
        });
        fs.writeFileSync(path.join(dir, "staging-plan.json"), result.stdout);
        expect(report.monthlyCostUsd).toBeGreaterThan(0);
        for (const v of report.policies.violations) expect(v.enforcementLevel).not.toBe("mandatory");
        expect(Object.values(report.regionLoss).every((loss) => (loss as { quorum: boolean }).quorum)).toBe(true);
        expect(report.resourceCount).toBeGreaterThan(0);
        expect(Object.keys(report.resourcesByType).length).toBeGreaterThan(0);
        expect(report.regions["us-east-1"]).toMatchObject({
            validators: 1,
            votingPower: 1,
            validatorShare: 0.25,
            validatorZones: ["us-east-1a"],
            fullNodes: 2,
        });
        expect(report.regions["us-east-1"].monthlyCostUsd).toBeGreaterThan(0);
        expect(report.regions["us-east-1"].resources).toBeGreaterThan(0);
    });

    it("--compare an earlier plan's JSON: the change first, the whole plan folded below (runs after the JSON test)", async () => {
        const file = path.join(dir, "staging-more-full-nodes.yaml");
        const staging = fs.readFileSync(path.join(REPO, "Pulumi.staging.yaml"), "utf8");
        const text = staging.replace(/(name: us-east-1[\s\S]*?fullNodes:) 2/, "$1 3");
        expect(text).not.toBe(staging);
        fs.writeFileSync(file, text);
        const base = path.join(dir, "staging-plan.json");
        const result = await plan("--stack", "staging", "--config", file, "--format", "markdown", "--compare", base);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        const [first] = result.stdout.split("\n");
        expect(first).toMatch(
            /^\*\*Offline plan of `staging`\*\* against staging \(Pulumi\.staging\.yaml\): 0 added, 0 removed, 1 changed; cost \+\$/,
        );
        // The one change made to the stack file, by URN and input.
        expect(result.stdout).toMatch(
            /^```diff\n~ urn:pulumi:staging::virtengine::\S+::us-east-1-full-node-asg: .*\bminSize\b.*\n```$/m,
        );
        expect(result.stdout).toMatch(/^\| us-east-1 \| \$[\d,.]+ \| \$[\d,.]+ \| \+\$[\d,.]+ \|$/m);
        expect(result.stdout).toMatch(/^\| eu-west-1 \| (\$[\d,.]+) \| \1 \| \$0\.00 \|$/m);
        expect(result.stdout).toContain("<details><summary>Full plan of `staging`</summary>");
        expect(result.stdout).toContain(`(environment staging, \`${file}\`)`);
        expect(result.stdout.length).toBeLessThan(65000);
    });

    it('never reads as clean under {"all": "disabled"}, and warns when stack and environment differ', async () => {
        const config = path.join(dir, "all-disabled.json");
        fs.writeFileSync(config, '{"all": "disabled"}');
        // A staging file planned under the production stack; one region is enough to show the warnings.
        const file = path.join(dir, "staging-one-region.yaml");
        const staging = fs.readFileSync(path.join(REPO, "Pulumi.staging.yaml"), "utf8");
        fs.writeFileSync(file, staging.slice(0, staging.indexOf("    - name: eu-west-1")));
        const result = await plan(...["--config", file, "--policy-config", config, "--format", "markdown"]);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain("in 1 region;");
        expect(result.stdout).toContain(
            `> :warning: **Policies not checked**: NOT CHECKED: every policy (${policies.length}) is disabled by ${config}.`,
        );
        expect(result.stdout).not.toContain(":white_check_mark:");
        expect(result.stdout).toContain(`(environment staging, \`${file}\`)`);
        expect(result.stdout).toContain(`- stack "production" plans ${file}, whose virtengine:environment is staging`);
    });

    it("exits 2 at once for a stack with no policy config, naming the file and --policy-config", async () => {
        const result = await plan("--stack", "qa", "--config", "Pulumi.staging.yaml");
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(
            'policies/config/qa.json: stack "qa" has no policy config; create it (see the README, "Configure") or\n' +
                "    pass --policy-config FILE\n",
        );
        expect(result.stdout).toBe("");
    });

    it("exits 1 on mandatory policy violations, naming each policy: a 2/2/1 split and a one-zone region", async () => {
        // Two mistakes in one stack file (one plan): validators split 2/2/1 over three regions,
        // and eu-west-1's validators all in one zone.
        const production = fs.readFileSync(path.join(REPO, "Pulumi.production.yaml"), "utf8");
        const file = path.join(dir, "split-2-2-1-one-zone.yaml");
        const threeRegions = production.slice(0, production.indexOf("    - name: us-west-2"));
        const text = threeRegions
            .replace(/(name: ap-south-1[\s\S]*?validators:) 2/, "$1 1")
            .replace("zones: [eu-west-1a, eu-west-1b, eu-west-1c]", "zones: [eu-west-1a]");
        expect(text).toContain("zones: [eu-west-1a]\n");
        fs.writeFileSync(file, text);
        const result = await plan("--config", file, "--format", "json");
        expect(result.code).toBe(1);
        expect(result.stderr).toBe("");
        const report = JSON.parse(result.stdout);
        expect(report.validators).toBe(5);
        const mandatory = report.policies.violations.filter(
            (v: { enforcementLevel: string }) => v.enforcementLevel === "mandatory",
        ) as { policy: string; message: string }[];
        const cap = mandatory.filter((v) => v.policy === "validator-region-cap");
        expect(cap.map((v) => v.message.slice(0, 9)).sort()).toEqual(["eu-west-1", "us-east-1"]);
        expect(cap.find((v) => v.message.startsWith("us-east-1"))!.message).toMatch(
            /^us-east-1 holds 40\.0% of validator voting power/,
        );
        expect(mandatory.map((v) => v.message)).toContainEqual(
            expect.stringMatching(/^eu-west-1: validators .* are in 1 zone \(eu-west-1a\)/),
        );
        expect(report.regionLoss["us-east-1"]).toMatchObject({ onlineShare: 0.6, quorum: false, validatorsOnline: 3 });
    });

    it("exits 2 for an unknown stack and names the stacks that exist", async () => {
        const result = await plan("--stack", "prod");
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(/unknown stack "prod".*production, staging/);
    });

    it("exits 2 for an invalid config file, naming the key, without a stack trace", async () => {
        const file = path.join(dir, "bad-cidr.yaml");
        const production = fs.readFileSync(path.join(REPO, "Pulumi.production.yaml"), "utf8");
        fs.writeFileSync(file, production.replace("cidr: 10.0.0.0/16", "cidr: 10.0.0.0/8x"));
        const result = await plan("--config", file);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(/^virtengine:regions\[0\]\.cidr: /m);
        expect(result.stderr).not.toMatch(STACK_TRACE);
    });

    it("exits 2 for a file that is not YAML", async () => {
        const file = path.join(dir, "not-yaml.yaml");
        fs.writeFileSync(file, "config:\n  virtengine:regions: [unclosed\n  virtengine:domain: x\n");
        const result = await plan("--config", file);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain("not valid YAML");
        expect(result.stderr).not.toMatch(STACK_TRACE);
    });

    it("exits 2 for an unknown flag, with the usage", async () => {
        const result = await plan("--colour");
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(`unknown option --colour\n${USAGE}\n`);
    });
});
