import Ajv from "ajv";
import { ScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
import { TriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication";
import { PodMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor";
import { PrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule";
import { Service } from "kubernetes-models/v1/Service";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { CustomResourceDefinition } from "kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition";
import { ALERT_GROUPS, RULE_SELECTOR_LABELS } from "../../components/kubernetes/alert-rules";
import { CRONHPA_SPEC_SCHEMA, cronHpaCrd } from "../../components/kubernetes/cronhpa-crd";
import { apiGatewayReplicas, providerDaemonReplicas } from "../../components/kubernetes/scaling-plan";
import {
    apiGatewayServiceSpec,
    cronHpaSpec,
    deploymentSpec,
    hpaSpec,
    pdbSpec,
    podMonitorSpec,
    scaledObjectSpec,
    triggerAuthenticationSpec,
} from "../../components/kubernetes/workload-specs";

/*
 * The objects the program registers, validated against the upstream schemas
 * (kubernetes-models for core kinds, @kubernetes-models/keda for KEDA,
 * @kubernetes-models/prometheus-operator for PrometheusRule) and the CronHPA
 * against the schema of the CRD we install. Each schema is shown to reject a
 * broken copy, so a test here cannot pass by validating nothing.
 */

const deployment = () => ({
    apiVersion: "apps/v1" as const,
    kind: "Deployment" as const,
    ...deploymentSpec({
        app: "provider-daemon",
        image: "ghcr.io/virtengine/provider-daemon:v1.0.0",
        port: 9100,
        requests: { cpu: "500m", memory: "1Gi" },
        limits: { memory: "2Gi" },
        env: [{ name: "REDIS_PASSWORD", valueFrom: { secretKeyRef: { name: "redis-auth", key: "password" } } }],
    }),
});
const scaledObject = () => ({
    apiVersion: "keda.sh/v1alpha1" as const,
    kind: "ScaledObject" as const,
    ...scaledObjectSpec({ replicas: providerDaemonReplicas(4), timeZone: "UTC", redisHost: "redis.example" }),
});
const hpa = () => ({
    apiVersion: "autoscaling/v2" as const,
    kind: "HorizontalPodAutoscaler" as const,
    ...hpaSpec(apiGatewayReplicas()),
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const validate = (Model: any, object: unknown) => () => new Model(object).validate();

describe("workload specs against the upstream schemas", () => {
    it("Deployments validate, and carry no replicas", () => {
        expect(validate(Deployment, deployment())).not.toThrow();
        expect(deployment().spec).not.toHaveProperty("replicas");
        const broken = deployment() as unknown as { spec: { template: { spec: { containers: unknown } } } };
        broken.spec.template.spec.containers = "provider-daemon";
        expect(validate(Deployment, broken)).toThrow();
    });

    it("PodDisruptionBudgets validate", () => {
        const pdb = {
            apiVersion: "policy/v1" as const,
            kind: "PodDisruptionBudget" as const,
            ...pdbSpec("api-gateway"),
        };
        expect(validate(PodDisruptionBudget, pdb)).not.toThrow();
        expect(validate(PodDisruptionBudget, { ...pdb, spec: { ...pdb.spec, selector: "all" } })).toThrow();
    });

    it("the HPA validates as autoscaling/v2", () => {
        expect(validate(HorizontalPodAutoscaler, hpa())).not.toThrow();
        const broken = hpa() as unknown as { spec: { maxReplicas: unknown } };
        broken.spec.maxReplicas = "ten";
        expect(validate(HorizontalPodAutoscaler, broken)).toThrow();
    });

    it("the ScaledObject and TriggerAuthentication validate against KEDA's schema", () => {
        expect(validate(ScaledObject, scaledObject())).not.toThrow();
        const auth = { apiVersion: "keda.sh/v1alpha1", kind: "TriggerAuthentication", ...triggerAuthenticationSpec() };
        expect(validate(TriggerAuthentication, auth)).not.toThrow();
        const broken = scaledObject() as unknown as { spec: { triggers: { metadata: unknown }[] } };
        broken.spec.triggers[0].metadata = "threshold=100";
        expect(validate(ScaledObject, broken)).toThrow();
    });

    it("the PrometheusRule validates against the operator's schema", () => {
        const rule = {
            apiVersion: "monitoring.coreos.com/v1",
            kind: "PrometheusRule",
            metadata: { name: "virtengine-alerts", namespace: "monitoring", labels: RULE_SELECTOR_LABELS },
            spec: { groups: ALERT_GROUPS },
        };
        expect(validate(PrometheusRule, rule)).not.toThrow();
        expect(validate(PrometheusRule, { ...rule, spec: { groups: [{ rules: [] }] } })).toThrow();
    });

    it("the PodMonitors validate against the operator's schema", () => {
        for (const app of ["provider-daemon", "api-gateway"]) {
            const monitor = { apiVersion: "monitoring.coreos.com/v1", kind: "PodMonitor", ...podMonitorSpec(app) };
            expect(validate(PodMonitor, monitor)).not.toThrow();
            const broken = { ...monitor, spec: { ...monitor.spec, podMetricsEndpoints: [{ interval: 15 }] } };
            expect(validate(PodMonitor, broken)).toThrow();
        }
    });

    it("api-gateway's NodePort Service validates against the core schema", () => {
        const service = { apiVersion: "v1", kind: "Service", ...apiGatewayServiceSpec() };
        expect(validate(Service, service)).not.toThrow();
        const broken = { ...service, spec: { ...service.spec, ports: [{ port: 80, nodePort: "30080" }] } };
        expect(validate(Service, broken)).toThrow();
    });

    it("the CronHPA CRD is a valid apiextensions.k8s.io/v1 CRD", () => {
        const crd = { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", ...cronHpaCrd() };
        expect(validate(CustomResourceDefinition, crd)).not.toThrow();
    });

    it("the CronHPA validates against the CRD's schema, which rejects a job without a schedule", () => {
        const check = new Ajv({ strict: false }).compile(CRONHPA_SPEC_SCHEMA);
        const spec = cronHpaSpec(apiGatewayReplicas()).spec;
        expect(check(spec)).toBe(true);
        const broken = structuredClone(spec) as { jobs: Record<string, unknown>[] };
        delete broken.jobs[0].schedule;
        expect(check(broken)).toBe(false);
        expect(check({ ...spec, scaleTargetRef: { kind: "HorizontalPodAutoscaler", name: "api-gateway" } })).toBe(
            false,
        );
    });
});
