import { isSecret } from "../harness/recorded";
import type { RecordedResource } from "../harness/run-program";

/**
 * The `steps` of `pulumi preview --json` (the CLI's previewDigest): one
 * `create` per resource the program registers, providers and components
 * included, in registration order. Fields the CLI omits when empty (Go's
 * `omitempty`) are omitted here too. Unknown values keep the engine's unknown
 * marker; secret values print as "[secret]", as the CLI prints them without
 * `--show-secrets`.
 */
export interface PreviewStep {
    op: "create";
    urn: string;
    /** The provider reference `<urn>::<id>` that would perform the step; absent for providers and components. */
    provider?: string;
    newState: {
        urn: string;
        type: string;
        custom: boolean;
        /** Absent for a root resource. */
        parent?: string;
        /** Present (true) only for protected resources. */
        protect?: true;
        inputs: Record<string, unknown>;
        /** For each input, the URNs it was computed from; absent when there are none. */
        propertyDependencies?: Record<string, string[]>;
    };
}

/** How the CLI shows a secret without `--show-secrets`. */
export const SECRET_DISPLAY = "[secret]";

/** A raw engine value with every secret, at any depth, replaced by "[secret]". */
export function redactSecrets(value: unknown): unknown {
    if (isSecret(value)) return SECRET_DISPLAY;
    if (Array.isArray(value)) return value.map(redactSecrets);
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactSecrets(v)]));
    }
    return value;
}

export function previewSteps(resources: readonly RecordedResource[]): PreviewStep[] {
    return resources.map((r) => {
        const deps = Object.fromEntries(Object.entries(r.propertyDependencies).filter(([, urns]) => urns.length > 0));
        return {
            op: "create",
            urn: r.urn,
            ...(r.provider ? { provider: r.provider } : {}),
            newState: {
                urn: r.urn,
                type: r.type,
                custom: r.custom,
                ...(r.parent ? { parent: r.parent } : {}),
                ...(r.protect ? { protect: true as const } : {}),
                inputs: redactSecrets(r.inputs) as Record<string, unknown>,
                ...(Object.keys(deps).length > 0 ? { propertyDependencies: deps } : {}),
            },
        };
    });
}
