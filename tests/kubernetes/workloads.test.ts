import { HPA_IGNORED_FIELDS } from "../../components/kubernetes/workloads";
import type { RecordedResource } from "../../tools/harness/run-program";
import { known } from "../../tools/harness/recorded";
import { Made, runComponent } from "../helpers/component-run";

// Update mode: outputs are known, so the kubeconfig, the Redis endpoint and the secret reach their consumers.
let made: Made;
beforeAll(async () => {
    made = new Made(await runComponent("tests/kubernetes/programs/regional-kubernetes.ts", { preview: false }));
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = Record<string, any>;
const spec = (r: RecordedResource) => r.inputs.spec as Spec;
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const deployment = (app: string) => made.one("kubernetes:apps/v1:Deployment", `-workloads-${app}`);

describe("the cluster's Kubernetes provider (update mode)", () => {
    it("reaches the cluster's private endpoint with a token for the admin role", () => {
        const config = JSON.parse(made.one("pulumi:providers:kubernetes").inputs.kubeconfig as string);
        expect(config.clusters[0].cluster.server).toMatch(/^https:\/\/[0-9A-F]+\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
        expect(config.clusters[0].cluster["certificate-authority-data"]).toEqual(expect.any(String));
        expect(config.users[0].user.exec.args).toEqual([
            "eks",
            "get-token",
            "--cluster-name",
            "virtengine-production-us-east-1",
            "--region",
            "us-east-1",
            "--role-arn",
            "arn:aws:iam::123456789012:role/eks-admin",
        ]);
    });
});

describe("Pod Identity roles (update mode)", () => {
    it.each([
        ["prometheus", "monitoring", "kube-prometheus-stack-prometheus"],
        ["autoscaler", "kube-system", "cluster-autoscaler"],
    ])("the %s role trusts only its cluster, namespace and service account", (role, namespace, account) => {
        const trust = JSON.parse(made.one("aws:iam/role:Role", `-${role}-role`).inputs.assumeRolePolicy as string);
        expect(trust.Statement).toEqual([
            {
                Effect: "Allow",
                Principal: { Service: "pods.eks.amazonaws.com" },
                Action: ["sts:AssumeRole", "sts:TagSession"],
                Condition: {
                    StringEquals: {
                        "aws:RequestTag/eks-cluster-name": "virtengine-production-us-east-1",
                        "aws:RequestTag/kubernetes-namespace": namespace,
                        "aws:RequestTag/kubernetes-service-account": account,
                    },
                },
            },
        ]);
        const association = made.one("aws:eks/podIdentityAssociation:PodIdentityAssociation", `-${role}-association`);
        expect(association.propertyDependencies.clusterName).toEqual([made.one("aws:eks/cluster:Cluster").urn]);
    });
});

describe("ClusterWorkloads", () => {
    it.each(["provider-daemon", "api-gateway"])(
        "%s sets no replicas, requests resources, spreads over zones and has a PDB",
        (app) => {
            const d = spec(deployment(app));
            expect(d).not.toHaveProperty("replicas");
            expect(d.template.spec.containers[0].resources.requests).toEqual(
                expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
            );
            expect(d.template.spec.topologySpreadConstraints[0]).toMatchObject({
                topologyKey: "topology.kubernetes.io/zone",
                whenUnsatisfiable: "DoNotSchedule",
            });
            const pdb = made.one("kubernetes:policy/v1:PodDisruptionBudget", `-${app}-pdb`);
            expect(spec(pdb)).toEqual({
                maxUnavailable: 1,
                selector: { matchLabels: { "app.kubernetes.io/name": app } },
            });
        },
    );

    it("exposes api-gateway on every node's NodePort for the ALB, forwarding to the internal REST load balancer", () => {
        const service = made.one("kubernetes:core/v1:Service", "-api-gateway-service");
        expect(spec(service)).toMatchObject({
            type: "NodePort",
            selector: { "app.kubernetes.io/name": "api-gateway" },
            ports: [{ name: "http", port: 80, targetPort: "http", nodePort: 30080 }],
        });
        expect(spec(deployment("api-gateway")).template.spec.containers[0].env).toContainEqual({
            name: "REST_UPSTREAM",
            value: "http://internal-rest.elb.us-east-1.amazonaws.com:1317",
        });
    });

    it("has Prometheus scrape both workloads through a PodMonitor each, after the CRDs", () => {
        const monitoring = made.one("kubernetes:helm.sh/v3:Release", "-kube-prometheus-stack");
        for (const app of ["provider-daemon", "api-gateway"]) {
            const monitor = made.one("kubernetes:monitoring.coreos.com/v1:PodMonitor", `-${app}-pod-monitor`);
            expect(spec(monitor)).toEqual({
                selector: { matchLabels: { "app.kubernetes.io/name": app } },
                podMetricsEndpoints: [{ port: "http", path: "/metrics", interval: "15s" }],
            });
            expect(monitor.dependencies).toContain(monitoring.urn);
        }
    });

    it("hands the Redis AUTH token over as a Kubernetes Secret, secret on the wire", () => {
        const secret = made.one("kubernetes:core/v1:Secret", "-redis-auth");
        // The whole stringData travels as one secret value.
        const data = secret.inputs.stringData as Record<string, unknown>;
        expect(data[SECRET_SIG_KEY]).toBeDefined();
        expect(String((known(data) as Record<string, unknown>).password)).toMatch(/^[0-9a-f]{64}$/);
        const env = spec(deployment("provider-daemon")).template.spec.containers[0].env;
        expect(env).toContainEqual({
            name: "REDIS_PASSWORD",
            valueFrom: { secretKeyRef: { name: "redis-auth", key: "password" } },
        });
    });

    it("scales provider-daemon by a ScaledObject alone, over TLS to the region's Redis", () => {
        const so = made.one("kubernetes:keda.sh/v1alpha1:ScaledObject");
        expect(spec(so)).toMatchObject({
            minReplicaCount: 4,
            maxReplicaCount: 20,
            scaleTargetRef: { name: "provider-daemon" },
        });
        const redis = spec(so).triggers.find((t: Spec) => t.type === "redis");
        expect(redis.metadata.address).toMatch(/^.+:6379$/);
        expect(redis.metadata.enableTLS).toBe("true");
        expect(redis.authenticationRef).toEqual({ name: "redis-auth" });
        expect(spec(so).triggers.find((t: Spec) => t.type === "cron").metadata.timezone).toBe("America/New_York");
        const hpaTargets = made
            .ofType("kubernetes:autoscaling/v2:HorizontalPodAutoscaler")
            .map((h) => spec(h).scaleTargetRef.name);
        expect(hpaTargets).toEqual(["api-gateway"]);
    });

    it("lets the CronHPA own api-gateway's HPA bounds: Pulumi ignores them", () => {
        const hpa = made.one("kubernetes:autoscaling/v2:HorizontalPodAutoscaler");
        expect(hpa.ignoreChanges).toEqual(HPA_IGNORED_FIELDS);
        expect(HPA_IGNORED_FIELDS).toEqual(["spec.minReplicas", "spec.maxReplicas"]);
        const cron = made.one("kubernetes:autoscaling.alibabacloud.com/v1beta1:CronHorizontalPodAutoscaler");
        expect(spec(cron).scaleTargetRef).toEqual({
            apiVersion: "autoscaling/v2",
            kind: "HorizontalPodAutoscaler",
            name: "api-gateway",
        });
        expect(cron.dependencies).toContain(hpa.urn);
    });

    it("creates custom resources after what defines their kinds", () => {
        const crd = made.one("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition");
        const keda = made.one("kubernetes:helm.sh/v3:Release", "-keda");
        const monitoring = made.one("kubernetes:helm.sh/v3:Release", "-kube-prometheus-stack");
        for (const type of [
            "kubernetes:keda.sh/v1alpha1:ScaledObject",
            "kubernetes:keda.sh/v1alpha1:TriggerAuthentication",
            "kubernetes:autoscaling.alibabacloud.com/v1beta1:CronHorizontalPodAutoscaler",
            "kubernetes:monitoring.coreos.com/v1:PrometheusRule",
        ]) {
            expect(made.one(type).dependencies).toEqual(expect.arrayContaining([crd.urn, keda.urn, monitoring.urn]));
        }
    });
});
