/*
 * The CronHorizontalPodAutoscaler CRD as `apiextensions.k8s.io/v1`, written
 * from the controller's API types (kubernetes-cronhpa-controller,
 * pkg/apis/autoscaling/v1beta1: CronHorizontalPodAutoscalerSpec with
 * ScaleTargetRef, Jobs, ExcludeDates). The chart in the controller's
 * repository still ships a `v1beta1` CRD, which Kubernetes removed in 1.22.
 *
 * The same schema validates our CronHPA objects in tests (with ajv), so the
 * CRD and what we create from it cannot drift apart.
 */

export const CRONHPA_GROUP = "autoscaling.alibabacloud.com";
export const CRONHPA_VERSION = "v1beta1";
export const CRONHPA_KIND = "CronHorizontalPodAutoscaler";
export const CRONHPA_PLURAL = "cronhorizontalpodautoscalers";
export const CRONHPA_API_VERSION = `${CRONHPA_GROUP}/${CRONHPA_VERSION}`;

/** The spec's schema (OpenAPI v3 as Kubernetes structural schemas take it). */
export const CRONHPA_SPEC_SCHEMA = {
    type: "object",
    required: ["scaleTargetRef", "jobs"],
    properties: {
        scaleTargetRef: {
            type: "object",
            description: "The object whose replicas (a workload) or minReplicas (an HPA) the jobs set.",
            required: ["apiVersion", "kind", "name"],
            properties: {
                apiVersion: { type: "string", minLength: 1 },
                kind: { type: "string", minLength: 1 },
                name: { type: "string", minLength: 1 },
            },
        },
        excludeDates: {
            type: "array",
            description: "Cron expressions of dates on which no job runs.",
            items: { type: "string" },
        },
        jobs: {
            type: "array",
            items: {
                type: "object",
                required: ["name", "schedule", "targetSize"],
                properties: {
                    name: { type: "string", minLength: 1 },
                    schedule: {
                        type: "string",
                        description: "Six fields, seconds first, in the controller's TZ.",
                        minLength: 1,
                    },
                    targetSize: { type: "integer", format: "int32", minimum: 0 },
                    runOnce: { type: "boolean" },
                },
            },
        },
    },
};

/** The CRD object (metadata and spec) to register. */
export function cronHpaCrd() {
    return {
        metadata: { name: `${CRONHPA_PLURAL}.${CRONHPA_GROUP}` },
        spec: {
            group: CRONHPA_GROUP,
            scope: "Namespaced",
            names: {
                kind: CRONHPA_KIND,
                listKind: `${CRONHPA_KIND}List`,
                plural: CRONHPA_PLURAL,
                singular: "cronhorizontalpodautoscaler",
                shortNames: ["cronhpa"],
            },
            versions: [
                {
                    name: CRONHPA_VERSION,
                    served: true,
                    storage: true,
                    subresources: { status: {} },
                    schema: {
                        openAPIV3Schema: {
                            type: "object",
                            properties: {
                                apiVersion: { type: "string" },
                                kind: { type: "string" },
                                metadata: { type: "object" },
                                spec: CRONHPA_SPEC_SCHEMA,
                                status: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
                            },
                        },
                    },
                },
            ],
        },
    };
}
