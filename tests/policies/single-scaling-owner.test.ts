import type { RecordedResource } from "../../tools/harness/run-program";
import { clusterWith, hpaOn, k8sObject, kubernetesCluster } from "./kubernetes-fixtures";
import type { Spec } from "./kubernetes-fixtures";
import { evaluate, messagesOf, of } from "./pack";

const POLICY = "single-scaling-owner";
const messages = (resources: RecordedResource[]) => messagesOf(POLICY, resources);
const spec = (resources: RecordedResource[], role: string) => k8sObject(resources, role).inputs.spec as Spec;

describe("single-scaling-owner", () => {
    it("passes the program's workloads: one ScaledObject, one HPA, a CronHPA on the HPA", async () => {
        expect(of(await evaluate(kubernetesCluster()), POLICY)).toEqual([]);
    });

    it("fails an HPA added on provider-daemon next to its ScaledObject, as mandatory, naming both", async () => {
        const found = of(await evaluate(clusterWith((rs) => rs.push(hpaOn(rs, "provider-daemon")))), POLICY);
        expect(found).toHaveLength(1);
        expect(found[0].enforcementLevel).toBe("mandatory");
        expect(found[0].message).toMatch(
            /^virtengine\/Deployment\/provider-daemon in cluster us-east-1\/virtengine-test-us-east-1 has 2 scaling owners \(ScaledObject us-east-1-provider-daemon-scaler, HPA us-east-1-provider-daemon-extra-hpa\)/,
        );
    });

    it("fails a second HPA on api-gateway", async () => {
        expect(await messages(clusterWith((rs) => rs.push(hpaOn(rs, "api-gateway"))))).toEqual([
            expect.stringMatching(/api-gateway .* has 2 scaling owners/),
        ]);
    });

    it("counts owners per cluster: the same names in two clusters are two workloads", async () => {
        expect(await messages([...kubernetesCluster("us-east-1"), ...kubernetesCluster("eu-west-1")])).toEqual([]);
    });

    it("fails an autoscaled Deployment that sets replicas, and passes one nobody autoscales", async () => {
        expect(await messages(clusterWith((rs) => (spec(rs, "provider-daemon").replicas = 3)))).toEqual([
            expect.stringMatching(/provider-daemon .* sets spec.replicas/),
        ]);
        const standalone = clusterWith((rs) => {
            spec(rs, "api-gateway-hpa").scaleTargetRef.name = "other";
            spec(rs, "api-gateway").replicas = 2;
        });
        expect(await messages(standalone)).toEqual([]);
    });

    it("fails a CronHPA that targets the Deployment instead of its HPA", async () => {
        const rs = clusterWith((r) => {
            spec(r, "api-gateway-cronhpa").scaleTargetRef = {
                apiVersion: "apps/v1",
                kind: "Deployment",
                name: "api-gateway",
            };
        });
        expect(await messages(rs)).toEqual([
            expect.stringMatching(/CronHPA .* targets Deployment api-gateway; it must target/),
        ]);
    });

    it("fails a CronHPA whose HPA the stack does not define", async () => {
        const rs = clusterWith((r) => (spec(r, "api-gateway-cronhpa").scaleTargetRef.name = "missing"));
        expect(await messages(rs)).toEqual([
            expect.stringMatching(/targets HPA virtengine\/missing, which this stack does not define/),
        ]);
    });

    it("fails a five-field CronHPA schedule (the controller reads it seconds-first)", async () => {
        const rs = clusterWith((r) => (spec(r, "api-gateway-cronhpa").jobs[0].schedule = "0 8 * * 1-5"));
        expect(await messages(rs)).toEqual([
            expect.stringMatching(/schedule "0 8 \* \* 1-5" has 5 fields; the controller needs 6/),
        ]);
    });

    it("passes a targetSize equal to the HPA's max and fails one above it", async () => {
        expect(await messages(clusterWith((r) => (spec(r, "api-gateway-cronhpa").jobs[0].targetSize = 10)))).toEqual(
            [],
        );
        expect(await messages(clusterWith((r) => (spec(r, "api-gateway-cronhpa").jobs[0].targetSize = 11)))).toEqual([
            expect.stringMatching(/targetSize 11 is above the HPA's maxReplicas 10/),
        ]);
    });

    it("passes min equal to max and fails min above max, for ScaledObjects and HPAs", async () => {
        const so = (min: number) =>
            clusterWith((r) => {
                spec(r, "provider-daemon-scaler").minReplicaCount = min;
                spec(r, "provider-daemon-scaler").fallback.replicas = min;
            });
        expect(await messages(so(20))).toEqual([]);
        expect(await messages(so(21))).toEqual([
            expect.stringMatching(/minReplicaCount 21 is above spec.maxReplicaCount 20/),
        ]);
        expect(await messages(clusterWith((r) => (spec(r, "api-gateway-hpa").minReplicas = 11)))).toEqual([
            expect.stringMatching(/minReplicas 11 is above spec.maxReplicas 10/),
        ]);
    });

    it("fails an unknown trigger type (the documents' kafka-style typo)", async () => {
        const rs = clusterWith((r) => (spec(r, "provider-daemon-scaler").triggers[0].type = "prometheus-query"));
        expect(await messages(rs)).toEqual([
            expect.stringMatching(/trigger type "prometheus-query" is not a KEDA scaler/),
        ]);
    });

    it("fails cron triggers KEDA refuses: six fields, no time zone, a number of replicas", async () => {
        const cron = (change: (metadata: Record<string, unknown>) => void) =>
            clusterWith((r) => {
                const trigger = spec(r, "provider-daemon-scaler").triggers.find(
                    (t: { type: string }) => t.type === "cron",
                );
                change(trigger.metadata);
            });
        expect(await messages(cron((m) => (m.start = "0 0 8 * * 1-5")))).toEqual([
            expect.stringMatching(/cron trigger start "0 0 8 \* \* 1-5" must have 5 fields/),
        ]);
        expect(await messages(cron((m) => delete m.timezone))).toEqual([expect.stringMatching(/has no timezone/)]);
        expect(await messages(cron((m) => (m.desiredReplicas = 6)))).toEqual([
            expect.stringMatching(/desiredReplicas must be a string such as "6" \(got 6\)/),
        ]);
    });
});
