import { regionOfClusterIdentifier } from "../../../components/kubernetes/cluster-identifier";
import type { RecordedResource } from "../run-program";
import { knownString, providerUrn } from "./values";

/*
 * Which region a recorded resource counts under: the one place the plan's
 * inventory, cost estimate and region-loss table take it from.
 */

/** Services with no region of their own: their resources count under none, whatever provider created them. */
const GLOBAL_TYPE_PREFIXES = ["aws:globalaccelerator/", "aws:route53/", "cloudflare:"];

/** A Global Accelerator endpoint group serves one region: it counts there, not in us-west-2 where GA's API lives. */
const ENDPOINT_GROUP = "aws:globalaccelerator/endpointGroup:EndpointGroup";

const EKS_CLUSTER = "aws:eks/cluster:Cluster";

/** The component that holds the global services' providers (components/global/global-providers.ts). */
const GLOBAL_PROVIDERS = "virtengine:global:Providers";

/** Whether a resource type belongs to a global service (no region). */
export function isGlobalType(type: string): boolean {
    return GLOBAL_TYPE_PREFIXES.some((prefix) => type.startsWith(prefix));
}

/**
 * The region a custom resource lives in. An endpoint group counts under its
 * `endpointGroupRegion`; other global services under none. AWS provider v7
 * lets a resource override its provider's region with a `region` input, so
 * that wins; a provider resource's own region is its `region` input.
 * Kubernetes objects count under their cluster's region (`kubernetesRegion`),
 * and so does a Kubernetes provider: by the cluster behind it, else by its
 * `clusterIdentifier` (`<region>/<cluster>`).
 */
export function regionOfCustom(
    resource: RecordedResource,
    kubernetesRegion: (providerRef: string) => string | undefined = () => undefined,
): string | undefined {
    if (resource.type === ENDPOINT_GROUP) return knownString(resource.inputs.endpointGroupRegion);
    if (isGlobalType(resource.type)) return undefined;
    if (resource.type.startsWith("kubernetes:")) return kubernetesRegion(resource.provider);
    if (resource.type === "pulumi:providers:kubernetes") {
        // The hook takes a provider reference (`<urn>::<id>`): a reference to this provider itself.
        const self = `${resource.urn}::self`;
        return kubernetesRegion(self) ?? regionOfClusterIdentifier(resource.inputs.clusterIdentifier);
    }
    const aws = resource.type.startsWith("aws:") || resource.type === "pulumi:providers:aws";
    return (aws ? knownString(resource.inputs.region) : undefined) ?? resource.providerRegion;
}

/**
 * Hook for Kubernetes objects: the region of the EKS cluster their provider
 * was configured from. A `pulumi:providers:kubernetes` resource built from a
 * cluster's endpoint and certificate depends on that cluster (through its
 * `kubeconfig` input, or any other): the first EKS cluster among its
 * dependencies gives the region. A provider with no cluster behind it counts
 * under none.
 */
export function kubernetesRegions(
    resources: readonly RecordedResource[],
    byUrn: ReadonlyMap<string, RecordedResource>,
): (providerRef: string) => string | undefined {
    const regions = new Map<string, string | undefined>();
    for (const provider of resources) {
        if (provider.type !== "pulumi:providers:kubernetes") continue;
        const deps = [...Object.values(provider.propertyDependencies).flat(), ...provider.dependencies];
        const cluster = deps.map((urn) => byUrn.get(urn)).find((r) => r?.type === EKS_CLUSTER);
        regions.set(provider.urn, cluster ? regionOfCustom(cluster) : undefined);
    }
    return (ref) => regions.get(providerUrn(ref));
}

/**
 * Region of every resource. A component has no provider, so it belongs to the
 * region of its custom descendants when they all share one; a component whose
 * children span regions (the network, the peering mesh) or are global belongs
 * to none.
 */
export function attributeRegions(resources: readonly RecordedResource[]): Map<string, string | undefined> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const kubernetesRegion = kubernetesRegions(resources, byUrn);
    const customRegions = new Map<string, string | undefined>();
    const descendantRegions = new Map<string, Set<string | undefined>>();
    for (const r of resources) {
        if (!r.custom) continue;
        // The global services' own providers count under no region, whatever region they name.
        const globalProvider = r.type.startsWith("pulumi:providers:") && byUrn.get(r.parent)?.type === GLOBAL_PROVIDERS;
        const region = globalProvider ? undefined : regionOfCustom(r, kubernetesRegion);
        customRegions.set(r.urn, region);
        // A resource of a regionless provider (a generated password) follows its component below.
        if (region === undefined && isRegionless(r)) continue;
        for (let p = byUrn.get(r.parent); p !== undefined && !p.custom; p = byUrn.get(p.parent)) {
            const set = descendantRegions.get(p.urn) ?? new Set();
            set.add(region);
            descendantRegions.set(p.urn, set);
        }
    }
    const regions = new Map<string, string | undefined>();
    for (const r of resources) {
        if (r.custom) {
            const own = customRegions.get(r.urn);
            const parent = byUrn.get(r.parent);
            const inherit = own === undefined && isRegionless(r) && parent !== undefined && !parent.custom;
            regions.set(r.urn, inherit ? componentRegion(descendantRegions.get(parent.urn)) : own);
        } else {
            regions.set(r.urn, componentRegion(descendantRegions.get(r.urn)));
        }
    }
    return regions;
}

const componentRegion = (set: Set<string | undefined> | undefined) => (set?.size === 1 ? [...set][0] : undefined);

/** Providers whose resources have no location of their own (e.g. `random`): they belong where their component is. */
const REGIONLESS_PACKAGES = ["random"];
const isRegionless = (r: RecordedResource) => REGIONLESS_PACKAGES.includes(r.type.split(":")[0]);
