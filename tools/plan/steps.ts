import { isSecret, UNKNOWN } from "../harness/recorded";
import type { RecordedResource } from "../harness/run-program";

/**
 * The `steps` of `pulumi preview --json` (the CLI's previewDigest): one
 * `create` per resource the program registers, providers and components
 * included, in registration order; a resource that names no provider gets
 * its package's default provider, whose own create step comes before the
 * first resource that uses it, as the engine creates it. Fields the CLI omits when empty (Go's
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

/**
 * The URN of the default provider the engine would create for `pkg`, in the
 * stack and project of `urn`: named `default`, or `default_<version>` with
 * `.`, `-` and `+` as `_` when the SDK asked for a version.
 */
export function defaultProviderUrn(urn: string, pkg: string, version: string | undefined): string {
    const stackAndProject = /^urn:pulumi:[^:]+::[^:]+::/.exec(urn);
    if (!stackAndProject) throw new Error(`not a resource URN: ${urn}`);
    const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
    return `${stackAndProject[0]}pulumi:providers:${pkg}::${name}`;
}

/** Whether the engine would give this resource its package's default provider. */
const usesDefaultProvider = (r: RecordedResource) =>
    r.custom && r.provider === "" && !r.type.startsWith("pulumi:providers:");

/** The create step of a default provider: its inputs are the version it was asked for. */
function defaultProviderStep(urn: string, pkg: string, version: string | undefined): PreviewStep {
    return {
        op: "create",
        urn,
        newState: { urn, type: `pulumi:providers:${pkg}`, custom: true, inputs: version ? { version } : {} },
    };
}

export function previewSteps(resources: readonly RecordedResource[]): PreviewStep[] {
    const steps: PreviewStep[] = [];
    const defaultProviders = new Set<string>();
    for (const r of resources) {
        let provider = r.provider;
        if (usesDefaultProvider(r)) {
            const pkg = r.type.split(":")[0];
            const urn = defaultProviderUrn(r.urn, pkg, r.version);
            if (!defaultProviders.has(urn)) {
                defaultProviders.add(urn);
                steps.push(defaultProviderStep(urn, pkg, r.version));
            }
            // In a preview the provider's id is not known yet.
            provider = `${urn}::${UNKNOWN}`;
        }
        steps.push(resourceStep(r, provider));
    }
    return steps;
}

function resourceStep(r: RecordedResource, provider: string): PreviewStep {
    const deps = Object.fromEntries(Object.entries(r.propertyDependencies).filter(([, urns]) => urns.length > 0));
    return {
        op: "create",
        urn: r.urn,
        ...(provider ? { provider } : {}),
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
}
