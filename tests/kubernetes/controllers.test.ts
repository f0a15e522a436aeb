import { CHARTS, IMAGES } from "../../components/kubernetes/versions";
import { UNKNOWN } from "../../tools/harness/run-program";
import { Made, runComponent } from "../helpers/component-run";

// A preview: the cluster's endpoint and CA are unknown, as in a real preview.
let made: Made;
beforeAll(async () => {
    made = new Made(await runComponent("tests/kubernetes/programs/regional-kubernetes.ts"));
});

const RELEASE = "kubernetes:helm.sh/v3:Release";

describe("the cluster's Kubernetes provider (preview)", () => {
    it("has a known cluster identifier naming the region, while its kubeconfig is unknown", () => {
        const provider = made.one("pulumi:providers:kubernetes");
        expect(provider.inputs.clusterIdentifier).toBe("us-east-1/virtengine-production-us-east-1");
        expect(provider.inputs.kubeconfig).toBe(UNKNOWN);
    });

    it("is the provider of every Kubernetes resource, which the recorder attributes to us-east-1", () => {
        const provider = made.one("pulumi:providers:kubernetes");
        const objects = made.run.resources.filter((r) => r.type.startsWith("kubernetes:"));
        expect(objects.length).toBeGreaterThan(20);
        for (const r of objects) {
            expect({ name: r.name, provider: r.provider.split("::").slice(0, -1).join("::") }).toEqual({
                name: r.name,
                provider: provider.urn,
            });
            expect(r.providerRegion).toBe("us-east-1");
        }
    });

    it("gives the admin role cluster-admin through an access entry, and the creator nothing", () => {
        expect(made.one("aws:eks/cluster:Cluster").inputs.accessConfig).toMatchObject({
            bootstrapClusterCreatorAdminPermissions: false,
        });
        expect(made.one("aws:eks/accessEntry:AccessEntry").inputs.principalArn).toBe(
            "arn:aws:iam::123456789012:role/eks-admin",
        );
        expect(made.one("aws:eks/accessPolicyAssociation:AccessPolicyAssociation").inputs).toMatchObject({
            policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
            accessScope: { type: "cluster" },
        });
    });
});

describe("ClusterControllers", () => {
    it.each([
        ["keda", CHARTS.keda, "keda"],
        ["kube-prometheus-stack", CHARTS.kubePrometheusStack, "monitoring"],
        ["prometheus-adapter", CHARTS.prometheusAdapter, "monitoring"],
    ])("installs %s pinned from versions.ts, with a fixed release name", (role, chart, namespace) => {
        const release = made.one(RELEASE, `-controllers-${role}`);
        expect(release.inputs).toMatchObject({
            name: chart.chart,
            chart: chart.chart,
            version: chart.version,
            repositoryOpts: { repo: chart.repository },
            namespace,
        });
        expect(release.inputs.version).toMatch(/^\d+\.\d+\.\d+$/);
    });

    it("installs prometheus-adapter after the Prometheus it queries", () => {
        const monitoring = made.one(RELEASE, "-kube-prometheus-stack");
        expect(made.one(RELEASE, "-prometheus-adapter").dependencies).toContain(monitoring.urn);
    });

    it("installs KEDA after kube-prometheus-stack, whose CRD its ServiceMonitors need", () => {
        const monitoring = made.one(RELEASE, "-kube-prometheus-stack");
        const keda = made.one(RELEASE, "-keda");
        expect((keda.inputs.values as { prometheus: unknown }).prometheus).toEqual({
            operator: { enabled: true, serviceMonitor: { enabled: true } },
        });
        expect(keda.dependencies).toContain(monitoring.urn);
    });

    it("has Prometheus scrape the region's validators and full nodes, with an AWS identity made first", () => {
        const monitoring = made.one(RELEASE, "-kube-prometheus-stack");
        const values = monitoring.inputs.values as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        const [job] = values.prometheus.prometheusSpec.additionalScrapeConfigs;
        expect(job.job_name).toBe("virtengine-chain");
        expect(job.ec2_sd_configs).toEqual([
            expect.objectContaining({
                region: "us-east-1",
                port: 26660,
                filters: [
                    { name: "tag:virtengine:role", values: ["validator", "full-node"] },
                    { name: "instance-state-name", values: ["running"] },
                ],
            }),
        ]);
        expect(values.prometheus.prometheusSpec.podMonitorSelectorNilUsesHelmValues).toBe(false);
        expect(values.prometheus.serviceAccount).toEqual({ create: true, name: "kube-prometheus-stack-prometheus" });

        const association = made.one(
            "aws:eks/podIdentityAssociation:PodIdentityAssociation",
            "-prometheus-association",
        );
        expect(association.inputs).toMatchObject({
            namespace: "monitoring",
            serviceAccount: "kube-prometheus-stack-prometheus",
        });
        expect(monitoring.dependencies).toContain(association.urn);
        const policy = JSON.parse(
            made.one("aws:iam/rolePolicy:RolePolicy", "-prometheus-policy").inputs.policy as string,
        );
        expect(policy.Statement).toEqual([
            { Effect: "Allow", Action: ["ec2:DescribeInstances", "ec2:DescribeAvailabilityZones"], Resource: "*" },
        ]);
    });

    it("gives Grafana a generated admin password through a Secret, never the chart's default", () => {
        const monitoring = made.one(RELEASE, "-kube-prometheus-stack");
        const values = monitoring.inputs.values as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        expect(values.grafana.admin).toEqual({
            existingSecret: "grafana-admin",
            userKey: "admin-user",
            passwordKey: "admin-password",
        });
        expect(JSON.stringify(values)).not.toMatch(/adminPassword|prom-operator/);
        const secret = made.one("kubernetes:core/v1:Secret", "-grafana-admin");
        expect(secret.inputs.metadata).toMatchObject({ name: "grafana-admin", namespace: "monitoring" });
        expect(monitoring.dependencies).toContain(secret.urn);
        const password = made.one("random:index/randomPassword:RandomPassword", "-grafana-admin-password");
        expect(password.inputs).toMatchObject({ length: 32, special: false });
        expect(secret.propertyDependencies.stringData).toContain(password.urn);
    });

    it("runs the cluster autoscaler on the node groups EKS tagged for this cluster, its image following the version", () => {
        const autoscaler = made.one(RELEASE, "-cluster-autoscaler");
        expect(autoscaler.inputs).toMatchObject({
            chart: "cluster-autoscaler",
            version: CHARTS.clusterAutoscaler.version,
            namespace: "kube-system",
        });
        expect(autoscaler.inputs.values).toMatchObject({
            cloudProvider: "aws",
            awsRegion: "us-east-1",
            autoDiscovery: { clusterName: "virtengine-production-us-east-1" },
            // The program builds Kubernetes 1.35: the autoscaler's minor matches.
            image: { repository: "registry.k8s.io/autoscaling/cluster-autoscaler", tag: "v1.35.0" },
            rbac: { serviceAccount: { create: true, name: "cluster-autoscaler" } },
        });
        const association = made.one(
            "aws:eks/podIdentityAssociation:PodIdentityAssociation",
            "-autoscaler-association",
        );
        expect(association.inputs).toMatchObject({ namespace: "kube-system", serviceAccount: "cluster-autoscaler" });
        expect(autoscaler.dependencies).toContain(association.urn);
        const policy = JSON.parse(
            made.one("aws:iam/rolePolicy:RolePolicy", "-autoscaler-policy").inputs.policy as string,
        );
        // It may resize and terminate only in this cluster's own groups.
        expect(policy.Statement[1]).toEqual({
            Effect: "Allow",
            Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
            Resource: "*",
            Condition: {
                StringEquals: { "aws:ResourceTag/k8s.io/cluster-autoscaler/virtengine-production-us-east-1": "owned" },
            },
        });
        expect(policy.Statement[0].Action.every((a: string) => /^(autoscaling|ec2|eks):(Describe|Get)/.test(a))).toBe(
            true,
        );
    });

    it("makes Prometheus select the alert rules by the label they carry", () => {
        const values = made.one(RELEASE, "-kube-prometheus-stack").inputs.values as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        expect(values.prometheus.prometheusSpec.ruleSelector).toEqual({
            matchLabels: { release: "kube-prometheus-stack" },
        });
        const rule = made.one("kubernetes:monitoring.coreos.com/v1:PrometheusRule");
        expect((rule.inputs.metadata as { labels: unknown }).labels).toEqual({ release: "kube-prometheus-stack" });
    });

    it("runs the CronHPA controller from a pinned image in the business-hours time zone, after its v1 CRD", () => {
        const crd = made.one("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition");
        expect((crd.inputs.spec as { versions: { name: string }[] }).versions.map((v) => v.name)).toEqual(["v1beta1"]);
        const controller = made.one("kubernetes:apps/v1:Deployment", "-cronhpa-controller");
        const [container] = (controller.inputs.spec as any).template.spec.containers; // eslint-disable-line @typescript-eslint/no-explicit-any
        expect(container.image).toBe(IMAGES.cronHpaController);
        expect(container.env).toEqual([{ name: "TZ", value: "America/New_York" }]);
        expect(controller.dependencies).toContain(crd.urn);
    });

    it("lets the CronHPA controller update HPAs and scale subresources, nothing broader", () => {
        const role = made.one("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole");
        const rules = role.inputs.rules as { apiGroups: string[]; resources: string[]; verbs: string[] }[];
        expect(rules).toContainEqual(
            expect.objectContaining({ apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"] }),
        );
        expect(rules).toContainEqual(
            expect.objectContaining({ resources: expect.arrayContaining(["deployments/scale"]) }),
        );
        for (const rule of rules) {
            expect(rule.verbs).not.toContain("*");
            expect(rule.resources).not.toContain("*");
            expect(rule.verbs).not.toContain("delete");
        }
    });

    it("provisions the scaling dashboard for Grafana's sidecar", () => {
        const dashboard = made.one("kubernetes:core/v1:ConfigMap", "-scaling-dashboard");
        expect((dashboard.inputs.metadata as { labels: unknown }).labels).toEqual({ grafana_dashboard: "1" });
        const json = JSON.parse((dashboard.inputs.data as Record<string, string>)["virtengine-scaling.json"]);
        expect(json.title).toBe("VirtEngine Horizontal Scaling");
        expect(JSON.stringify(json)).toContain('horizontalpodautoscaler=\\"keda-hpa-provider-daemon\\"');
    });
});
