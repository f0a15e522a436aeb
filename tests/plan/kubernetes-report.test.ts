import type { RecordedResource } from "../../tools/harness/run-program";
import { attributeRegions } from "../../tools/harness/recorded";
import { clusterRows, kubernetesReport, workloadRows } from "../../tools/plan/kubernetes/report";
import { runComponent } from "../helpers/component-run";

// One region's Kubernetes, recorded in a preview (tests/kubernetes/programs/regional-kubernetes.ts).
let resources: RecordedResource[];
beforeAll(async () => {
    resources = (await runComponent("tests/kubernetes/programs/regional-kubernetes.ts")).resources;
});

const report = (rs: readonly RecordedResource[]) => kubernetesReport(rs, attributeRegions(rs));

describe("the plan's Kubernetes report", () => {
    it("attributes the cluster, its Redis and its workloads to the cluster's region", () => {
        expect(Object.keys(report(resources))).toEqual(["us-east-1"]);
    });

    it("reports the cluster's version, private endpoint, node group and add-ons", () => {
        const [cluster] = report(resources)["us-east-1"].clusters;
        expect(cluster).toMatchObject({
            name: "virtengine-production-us-east-1",
            version: "1.35",
            endpoint: "private",
            nodeGroups: [expect.objectContaining({ instanceTypes: ["m6i.xlarge"], minSize: 4, maxSize: 8 })],
        });
        expect(Object.keys(cluster.addons).sort()).toEqual([
            "coredns",
            "eks-pod-identity-agent",
            "kube-proxy",
            "metrics-server",
            "vpc-cni",
        ]);
        expect(clusterRows(report(resources))[0][0]).toBe("us-east-1");
    });

    it("reports the encrypted multi-AZ Redis", () => {
        expect(report(resources)["us-east-1"].redis).toEqual([
            {
                name: "ve-production-us-east-1",
                nodeType: "cache.m7g.large",
                nodes: 2,
                multiAz: true,
                zones: ["us-east-1a", "us-east-1b"],
                encryptedAtRest: true,
                encryptedInTransit: true,
            },
        ]);
    });

    it("names each workload's scaling owner, floor, ceiling and business hours", () => {
        const rows = workloadRows(report(resources)).filter((r) => r[1].startsWith("virtengine/"));
        expect(rows).toEqual([
            [
                "us-east-1",
                "virtengine/api-gateway",
                "HPA api-gateway + CronHPA api-gateway",
                "2",
                "10",
                'floor 4 at "0 0 8 * * 1-5", floor 2 at "0 0 20 * * 1-5"',
            ],
            [
                "us-east-1",
                "virtengine/provider-daemon",
                "ScaledObject provider-daemon",
                "4",
                "20",
                'floor 6 from "0 8 * * 1-5" to "0 20 * * 1-5" (America/New_York)',
            ],
        ]);
    });

    it("shows a second owner as a conflict", () => {
        const copy = structuredClone(resources);
        const hpa = copy.find((r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler")!;
        const extra = { ...structuredClone(hpa), urn: `${hpa.urn}-2`, name: `${hpa.name}-2` };
        (extra.inputs.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name = "provider-daemon";
        copy.push(extra);
        const daemon = report(copy)["us-east-1"].workloads.find((w) => w.name === "provider-daemon")!;
        expect(daemon.owner).toBe("ScaledObject provider-daemon (and 1 more: conflicting owners)");
    });
});
