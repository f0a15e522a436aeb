import { estimateMonthlyCost } from "../../tools/plan/cost/estimate";
import { REGION_PRICES } from "../../tools/plan/cost/prices";
import { ELASTICACHE_NODE_HOURLY } from "../../tools/plan/cost/elasticache-prices";
import type { RecordedResource } from "../../tools/harness/run-program";
import { runComponent } from "../helpers/component-run";

// One region's Kubernetes (4 provider daemons -> 4 m6i.xlarge nodes), recorded in a preview.
let resources: RecordedResource[];
beforeAll(async () => {
    resources = (await runComponent("tests/kubernetes/programs/regional-kubernetes.ts")).resources;
});

const HOURS = 730;
const cents = (usd: number) => Math.round(usd * 100) / 100;

describe("cost of a region's Kubernetes", () => {
    it("prices the control plane, the node group at its minimum and both Redis nodes", () => {
        const estimate = estimateMonthlyCost(resources, ["us-east-1"]);
        const byItem = (match: RegExp) => estimate.lines.filter((l) => match.test(l.item));
        const prices = REGION_PRICES["us-east-1"];
        expect(byItem(/EKS control plane/).map((l) => l.monthlyUsd)).toEqual([cents(prices.eksClusterHourly * HOURS)]);
        expect(byItem(/^ElastiCache/)).toEqual([
            expect.objectContaining({
                item: "ElastiCache 2 x cache.m7g.large",
                region: "us-east-1",
                monthlyUsd: cents(2 * ELASTICACHE_NODE_HOURLY["us-east-1"]["cache.m7g.large"] * HOURS),
            }),
        ]);
        const nodeGroup = resources.find((r) => r.type === "aws:eks/nodeGroup:NodeGroup")!;
        const compute = estimate.lines.filter((l) => l.urn === nodeGroup.urn && /m6i\.xlarge/.test(l.item));
        expect(compute.map((l) => l.monthlyUsd)).toEqual([cents(4 * prices.ec2Hourly["m6i.xlarge"] * HOURS)]);
    });

    it("knows every type the Kubernetes stack registers (nothing left unpriced)", () => {
        const estimate = estimateMonthlyCost(resources, ["us-east-1"]);
        expect(estimate.warnings.filter((w) => /not in the price table/.test(w))).toEqual([]);
    });
});
