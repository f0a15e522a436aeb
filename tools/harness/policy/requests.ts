import { analyzer } from "../policy-internals";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { providerUrn } from "../recorded/values";
import type { RecordedResource } from "../run-program";

/*
 * The messages the Pulumi engine sends a policy pack, built from resources
 * recorded under mocks. In a preview the engine sends what it knows: the
 * inputs, with unknown values as Pulumi's sentinel strings and secrets
 * wrapped, exactly as the harness recorded them.
 */

const struct = (value: Record<string, unknown>) => Struct.fromJavaScript(value as never);

function options(r: RecordedResource): analyzer.AnalyzerResourceOptions {
    const opts = new analyzer.AnalyzerResourceOptions();
    opts.setProtect(r.protect);
    opts.setIgnorechangesList(r.ignoreChanges);
    // The engine marks the option as given only when the program set it.
    if (r.deleteBeforeReplace !== undefined) {
        opts.setDeletebeforereplace(r.deleteBeforeReplace);
        opts.setDeletebeforereplacedefined(true);
    }
    if (r.parent) opts.setParent(r.parent);
    return opts;
}

/** Finds the provider resource a resource was registered with, by its `<urn>::<id>` reference. */
export type ProviderLookup = (ref: string) => RecordedResource | undefined;

export function providerLookup(resources: readonly RecordedResource[]): ProviderLookup {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return (ref) => (ref ? byUrn.get(providerUrn(ref)) : undefined);
}

function providerOf(r: RecordedResource, lookup: ProviderLookup): analyzer.AnalyzerProviderResource | undefined {
    const p = lookup(r.provider);
    if (!p) return undefined;
    const provider = new analyzer.AnalyzerProviderResource();
    provider.setType(p.type);
    provider.setName(p.name);
    provider.setUrn(p.urn);
    provider.setProperties(struct(p.inputs));
    return provider;
}

/** `Analyze`: one resource, before the engine creates or updates it. */
export function analyzeRequest(r: RecordedResource, lookup: ProviderLookup): analyzer.AnalyzeRequest {
    const req = new analyzer.AnalyzeRequest();
    req.setType(r.type);
    req.setName(r.name);
    req.setUrn(r.urn);
    req.setProperties(struct(r.inputs));
    req.setOptions(options(r));
    const provider = providerOf(r, lookup);
    if (provider) req.setProvider(provider);
    return req;
}

/** `AnalyzeStack`: every resource of the stack, with parents and property dependencies. */
export function analyzeStackRequest(
    resources: readonly RecordedResource[],
    lookup: ProviderLookup,
): analyzer.AnalyzeStackRequest {
    const req = new analyzer.AnalyzeStackRequest();
    req.setResourcesList(
        resources.map((r) => {
            const resource = new analyzer.AnalyzerResource();
            resource.setType(r.type);
            resource.setName(r.name);
            resource.setUrn(r.urn);
            resource.setProperties(struct(r.inputs));
            resource.setOptions(options(r));
            resource.setParent(r.parent);
            resource.setDependenciesList(r.dependencies);
            const deps = resource.getPropertydependenciesMap();
            for (const [key, urns] of Object.entries(r.propertyDependencies)) {
                const d = new analyzer.AnalyzerPropertyDependencies();
                d.setUrnsList(urns);
                deps.set(key, d);
            }
            const provider = providerOf(r, lookup);
            if (provider) resource.setProvider(provider);
            return resource;
        }),
    );
    return req;
}
