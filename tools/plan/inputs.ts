import { UNKNOWN, type RecordedResource } from "../harness/run-program";

/*
 * Reading recorded engine inputs: plain values out of secret wrappers and
 * unknowns, tags in either AWS shape, and the region every resource belongs
 * to. Shared by the inventory and the cost estimate.
 */

/** Pulumi's marker for a secret value in raw engine inputs. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** An input's plain value: secrets unwrapped, unknowns as undefined. */
export function known(value: unknown): unknown {
    if (value === UNKNOWN) return undefined;
    if (
        value !== null &&
        typeof value === "object" &&
        (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG
    ) {
        return known((value as Record<string, unknown>).value);
    }
    return value;
}

export const knownString = (value: unknown): string | undefined => {
    const v = known(value);
    return typeof v === "string" ? v : undefined;
};

/** Tags as a map, from either an AWS `tags` map or an Auto Scaling group's `[{key, value}]` list. */
export function tagsOf(resource: RecordedResource): Record<string, string> {
    const tags = known(resource.inputs.tags);
    const out: Record<string, string> = {};
    if (Array.isArray(tags)) {
        for (const tag of tags.map(known)) {
            const t = tag as Record<string, unknown> | null;
            const key = knownString(t?.key);
            const value = knownString(t?.value);
            if (key !== undefined && value !== undefined) out[key] = value;
        }
    } else if (tags !== null && typeof tags === "object") {
        for (const [key, value] of Object.entries(tags)) {
            const v = knownString(value);
            if (v !== undefined) out[key] = v;
        }
    }
    return out;
}

/**
 * The region a custom resource lives in. AWS provider v7 lets a resource
 * override its provider's region with a `region` input, so that wins; a
 * provider resource's own region is its `region` input.
 */
export function regionOfCustom(resource: RecordedResource): string | undefined {
    const aws = resource.type.startsWith("aws:") || resource.type === "pulumi:providers:aws";
    return (aws ? knownString(resource.inputs.region) : undefined) ?? resource.providerRegion;
}

/** Whether a resource sits under a `virtengine:global:*` component. */
function isGlobalResource(r: RecordedResource, byUrn: Map<string, RecordedResource>): boolean {
    for (let p: RecordedResource | undefined = r; p !== undefined; p = byUrn.get(p.parent)) {
        if (p.type.startsWith("virtengine:global:")) return true;
    }
    return false;
}

/**
 * Region of every resource. A component has no provider, so it belongs to the
 * region of its custom descendants when they all share one; a component whose
 * children span regions (the network, the peering mesh) belongs to none.
 */
export function attributeRegions(resources: readonly RecordedResource[]): Map<string, string | undefined> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const descendantRegions = new Map<string, Set<string | undefined>>();
    for (const r of resources) {
        if (!r.custom) continue;
        const region = isGlobalResource(r, byUrn) ? undefined : regionOfCustom(r);
        for (let p = byUrn.get(r.parent); p !== undefined && !p.custom; p = byUrn.get(p.parent)) {
            const set = descendantRegions.get(p.urn) ?? new Set();
            set.add(region);
            descendantRegions.set(p.urn, set);
        }
    }
    // Global services (Global Accelerator, Route53, Cloudflare) sit under the `global/` components:
    // they belong to no region, whatever region their provider names.
    const isGlobal = (r: RecordedResource) => isGlobalResource(r, byUrn);
    const regions = new Map<string, string | undefined>();
    for (const r of resources) {
        if (isGlobal(r)) {
            regions.set(r.urn, undefined);
        } else if (r.custom) {
            regions.set(r.urn, regionOfCustom(r));
        } else {
            const set = descendantRegions.get(r.urn);
            regions.set(r.urn, set?.size === 1 ? [...set][0] : undefined);
        }
    }
    return regions;
}
