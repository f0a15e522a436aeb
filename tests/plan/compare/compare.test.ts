import { comparePlans } from "../../../tools/plan/compare/compare";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parsePlan, readPlanFile, type ComparablePlan } from "../../../tools/plan/compare/read-plan";

const URN = "urn:pulumi:production::virtengine";
const urn = (type: string, name: string) => `${URN}::${type}::${name}`;
const step = (type: string, name: string, inputs: Record<string, unknown>) => ({
    op: "create",
    urn: urn(type, name),
    newState: { urn: urn(type, name), type, inputs },
});

/** A plan's JSON as `--format json` prints it, with the fields the comparison reads. */
function plan(change: (p: ComparablePlan) => void = () => {}): ComparablePlan {
    const p: ComparablePlan = {
        stack: "production",
        configFile: "Pulumi.production.yaml",
        resourceCount: 3,
        monthlyCostUsd: 300,
        regions: { "us-east-1": { monthlyCostUsd: 200 }, "eu-west-1": { monthlyCostUsd: 100 } },
        cost: { globalMonthlyUsd: 0 },
        policies: {
            evaluated: true,
            violations: [
                { policy: "protect-stateful", enforcementLevel: "advisory", message: "m", urn: urn("t", "a") },
            ],
        },
        steps: [
            step("aws:autoscaling/group:Group", "us-east-1-full-nodes", { minSize: 4, maxSize: 8 }),
            step("aws:ec2/vpc:Vpc", "us-east-1-vpc", { cidrBlock: "10.0.0.0/16" }),
            step("aws:ec2/vpc:Vpc", "eu-west-1-vpc", { cidrBlock: "10.1.0.0/16" }),
        ],
    };
    change(p);
    return p;
}

describe("comparePlans", () => {
    it("finds nothing between a plan and itself", () => {
        const c = comparePlans(plan(), plan());
        expect(c.resources).toEqual({ added: [], removed: [], changed: [] });
        expect(c.cost.total).toEqual({ baseUsd: 300, headUsd: 300, deltaUsd: 0 });
        expect(c.findings).toEqual({ new: [], fixed: [] });
    });

    it("names resources added, removed, and changed with the inputs that differ", () => {
        const head = plan((p) => {
            p.steps![0].newState.inputs = { minSize: 5, maxSize: 8 };
            p.steps!.splice(2, 1);
            p.steps!.push(step("aws:ec2/vpc:Vpc", "ap-south-1-vpc", { cidrBlock: "10.2.0.0/16" }));
        });
        const c = comparePlans(plan(), head);
        expect(c.resources).toEqual({
            added: [{ urn: urn("aws:ec2/vpc:Vpc", "ap-south-1-vpc"), type: "aws:ec2/vpc:Vpc" }],
            removed: [{ urn: urn("aws:ec2/vpc:Vpc", "eu-west-1-vpc"), type: "aws:ec2/vpc:Vpc" }],
            changed: [
                {
                    urn: urn("aws:autoscaling/group:Group", "us-east-1-full-nodes"),
                    type: "aws:autoscaling/group:Group",
                    inputs: ["minSize"],
                },
            ],
        });
    });

    it("compares nested inputs by value: a changed tag is a change, an equal copy is not", () => {
        const tagged = (value: string) =>
            plan((p) => {
                p.steps![1].newState.inputs = { cidrBlock: "10.0.0.0/16", tags: { team: value } };
            });
        expect(comparePlans(tagged("a"), tagged("a")).resources?.changed).toEqual([]);
        expect(comparePlans(tagged("a"), tagged("b")).resources?.changed.map((r) => r.inputs)).toEqual([["tags"]]);
    });

    it("counts an input that appears or disappears as changed", () => {
        const head = plan((p) => {
            p.steps![1].newState.inputs = { cidrBlock: "10.0.0.0/16", enableDnsSupport: true };
        });
        expect(comparePlans(plan(), head).resources?.changed.map((r) => r.inputs)).toEqual([["enableDnsSupport"]]);
    });

    it("gives the cost per region (regions of either plan) and in total", () => {
        const head = plan((p) => {
            p.monthlyCostUsd = 350.5;
            p.regions = { "us-east-1": { monthlyCostUsd: 250.5 }, "us-west-2": { monthlyCostUsd: 100 } };
        });
        const c = comparePlans(plan(), head);
        expect(c.cost.total).toEqual({ baseUsd: 300, headUsd: 350.5, deltaUsd: 50.5 });
        expect(c.cost.regions).toEqual({
            "us-east-1": { baseUsd: 200, headUsd: 250.5, deltaUsd: 50.5 },
            "eu-west-1": { baseUsd: 100, headUsd: 0, deltaUsd: -100 },
            "us-west-2": { baseUsd: 0, headUsd: 100, deltaUsd: 100 },
        });
    });

    it("lists findings new in this plan and fixed since the base", () => {
        const head = plan((p) => {
            p.policies.violations = [{ policy: "min-validators", enforcementLevel: "mandatory", message: "3" }];
        });
        const c = comparePlans(plan(), head);
        expect(c.findings.new).toEqual([{ policy: "min-validators", enforcementLevel: "mandatory", message: "3" }]);
        expect(c.findings.fixed.map((f) => f.policy)).toEqual(["protect-stateful"]);
    });

    it("says so, instead of listing nothing, when a plan has no steps", () => {
        const old = plan((p) => delete p.steps);
        const c = comparePlans(old, plan());
        expect(c.resources).toBeNull();
        expect(c.resourcesNote).toMatch(/^the base plan has no steps/);
    });
});

describe("parsePlan", () => {
    it("names the key and the file when a plan lacks a field the comparison needs, in its own words", () => {
        const { monthlyCostUsd: _, ...missing } = plan();
        const result = parsePlan(
            { ...missing, regions: { "us-east-1": { monthlyCostUsd: "12" } } },
            "--compare b.json",
        );
        expect(result.ok ? [] : result.problems).toEqual([
            "--compare b.json: monthlyCostUsd: is missing",
            '--compare b.json: regions.us-east-1.monthlyCostUsd: must be a number (got "12")',
        ]);
    });

    it.each([
        ["a JSON object of something else", { a: 1 }],
        ["a list", [1, 2]],
        ["a number", 3],
        ["null", null],
    ])("refuses %s in one line naming the file", (_, raw) => {
        expect(parsePlan(raw, "--compare b.json")).toEqual({
            ok: false,
            problems: [
                "--compare b.json: not a plan (it has none of stack, resourceCount, monthlyCostUsd, regions, policies); give the output of npm run plan -- --format json",
            ],
        });
    });
});

describe("readPlanFile", () => {
    let dir: string;
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-plan-"));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it.each([
        ["text with a newline", "hello\nworld\n", 'not JSON (unexpected "h")'],
        [
            "a syntax error on line 2",
            '{"stack":\n  "x",}',
            "not JSON (expected double-quoted property name, at line 2, column 7)",
        ],
        ["an empty file", "  \n", "not JSON (it is empty)"],
        ["a cut-off file", '{"stack": ', "not JSON (it ends in the middle of a value)"],
    ])("%s: one line, naming the file", (_, text, why) => {
        fs.writeFileSync(path.join(dir, "b.json"), text);
        const result = readPlanFile("b.json", dir);
        expect(result).toEqual({
            ok: false,
            problems: [`--compare b.json: ${why}; give the output of npm run plan -- --format json`],
        });
        if (!result.ok) expect(result.problems[0]).not.toContain("\n");
    });
});
