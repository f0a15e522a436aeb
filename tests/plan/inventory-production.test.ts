import type { PlanReport } from "../../tools/plan/report";
import { planStack } from "./real-run";

// One real run of the production program per file (see real-run.ts).
let report: PlanReport;
beforeAll(async () => {
    report = await planStack("production");
});

describe("inventory of the production stack", () => {
    it("has seven validators over four regions, at most 2/7 of the voting power in any", () => {
        expect(report).toMatchObject({
            stack: "production",
            environment: "production",
            validators: 7,
            totalVotingPower: 7,
        });
        expect(Object.keys(report.regions)).toEqual(["us-east-1", "eu-west-1", "ap-south-1", "us-west-2"]);
        expect(report.regions["us-east-1"]).toMatchObject({
            role: "primary",
            validators: 2,
            votingPower: 2,
            validatorShare: 0.2857,
            validatorZones: ["us-east-1a", "us-east-1b"],
        });
        expect(report.regions["us-west-2"]).toMatchObject({
            validators: 1,
            validatorShare: 0.1429,
            validatorZones: ["us-west-2a"],
        });
        expect(Math.max(...Object.values(report.regions).map((r) => r.validatorShare))).toBeCloseTo(2 / 7, 4);
    });

    it("has the configured full-node group sizes over all of each region's zones", () => {
        const fullNodes = Object.fromEntries(Object.entries(report.regions).map(([name, r]) => [name, r.fullNodes]));
        expect(fullNodes).toEqual({ "us-east-1": 4, "eu-west-1": 3, "ap-south-1": 2, "us-west-2": 2 });
        expect(report.regions["eu-west-1"].fullNodeZones).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    });

    it("accounts for every resource exactly once", () => {
        const perRegion = Object.values(report.regions).reduce((n, r) => n + r.resources, 0);
        expect(perRegion + report.unattributed.resources).toBe(report.resourceCount);
        const byType = Object.values(report.resourcesByType).reduce((n, c) => n + c, 0);
        expect(byType).toBe(report.resourceCount);
        expect(report.resourcesByType["aws:ec2/instance:Instance"]).toBe(7);
        // One per region, and the global services' own (counted outside every region).
        expect(report.resourcesByType["pulumi:providers:aws"]).toBe(5);
        expect(report.unattributed.resourcesByType["pulumi:providers:aws"]).toBe(1);
        for (const region of Object.values(report.regions)) {
            expect(region.resourcesByType["pulumi:providers:aws"]).toBe(1);
        }
        expect(report.warnings).toEqual([]);
    });
});
