import type { PolicyDiagnostic } from "../../tools/harness/policy/evaluate";
import type { RecordedResource } from "../../tools/harness/run-program";

/*
 * Single mutations of a recorded stack, run through the pack several at a
 * time. One analyzer run over the whole production stack costs about a
 * second (most of it `@pulumi/policy` deserialising every resource once per
 * stack policy), so twenty mutations each in their own run dominate the
 * suite. Mutations that change different resources and are refused by
 * different policies share a run instead; each is still asserted on its own:
 * its policy's findings, filed where that mutation put them, and no finding
 * in the run that none of its mutations accounts for.
 */

/** One change a reviewer must never let through, and the policy that must refuse it. */
export interface Mutation {
    title: string;
    /** The policy that must refuse the change, at the mandatory level. */
    policy: string;
    /** Other policies the change may also trip, on the resources it changed. */
    alsoTrips?: readonly string[];
    /** Changes a copy of the stack in place. */
    change(copy: RecordedResource[]): void;
    /**
     * Where the policy must file its findings, in the changed copy: URNs, or
     * "stack" for findings filed under no resource. Default: the resources the
     * change touched (changed or added).
     */
    blame?(copy: RecordedResource[]): string[] | "stack";
}

/** A mutation applied once on its own: what it touched and the resources it left. */
export interface PlannedMutation {
    mutation: Mutation;
    /** URNs of the resources the change changed, added or removed. */
    touched: string[];
    blamed: string[] | "stack";
    /** The touched resources as the change left them (undefined: removed). */
    after: Map<string, string | undefined>;
}

const byUrn = (resources: readonly RecordedResource[]) => new Map(resources.map((r) => [r.urn, JSON.stringify(r)]));

/** Applies `mutation` to a copy of `base` and records what it changed. Throws when it changes nothing. */
export function planMutation(base: readonly RecordedResource[], mutation: Mutation): PlannedMutation {
    const copy = structuredClone(base) as RecordedResource[];
    mutation.change(copy);
    const before = byUrn(base);
    const now = byUrn(copy);
    const touched = [...new Set([...before.keys(), ...now.keys()])].filter((urn) => before.get(urn) !== now.get(urn));
    if (touched.length === 0) throw new Error(`mutation "${mutation.title}" changed nothing`);
    const blamed = mutation.blame ? mutation.blame(copy) : touched.filter((urn) => now.has(urn));
    if (blamed !== "stack" && blamed.length === 0) throw new Error(`mutation "${mutation.title}" blames no resource`);
    return { mutation, touched, blamed, after: new Map(touched.map((urn) => [urn, now.get(urn)])) };
}

/** The policies a mutation may trip and the URNs it claims: two mutations sharing either cannot share a run. */
function claims(p: PlannedMutation): { policies: string[]; urns: string[] } {
    return {
        policies: [p.mutation.policy, ...(p.mutation.alsoTrips ?? [])],
        urns: [...p.touched, ...(p.blamed === "stack" ? [] : p.blamed)],
    };
}

/**
 * Groups mutations into runs, first fit in the order given: within a run no
 * two mutations share a policy they may trip or a resource they touch or blame.
 */
export function packBatches(planned: readonly PlannedMutation[]): PlannedMutation[][] {
    const batches: { members: PlannedMutation[]; policies: Set<string>; urns: Set<string> }[] = [];
    for (const p of planned) {
        const c = claims(p);
        let batch = batches.find(
            (b) => !c.policies.some((x) => b.policies.has(x)) && !c.urns.some((x) => b.urns.has(x)),
        );
        if (!batch) {
            batch = { members: [], policies: new Set(), urns: new Set() };
            batches.push(batch);
        }
        batch.members.push(p);
        c.policies.forEach((x) => batch.policies.add(x));
        c.urns.forEach((x) => batch.urns.add(x));
    }
    return batches.map((b) => b.members);
}

/**
 * Applies every mutation of a batch to one copy of `base`. Throws unless the
 * result is exactly each mutation's own result on the resources it touched
 * and `base` everywhere else: one change must not alter what another does.
 */
export function applyBatch(base: readonly RecordedResource[], batch: readonly PlannedMutation[]): RecordedResource[] {
    const copy = structuredClone(base) as RecordedResource[];
    for (const p of batch) p.mutation.change(copy);
    const expected = byUrn(base);
    for (const p of batch) {
        for (const [urn, json] of p.after) {
            if (json === undefined) expected.delete(urn);
            else expected.set(urn, json);
        }
    }
    const now = byUrn(copy);
    const differing = [...new Set([...expected.keys(), ...now.keys()])].filter(
        (urn) => expected.get(urn) !== now.get(urn),
    );
    if (differing.length > 0) {
        const titles = batch.map((p) => `"${p.mutation.title}"`).join(", ");
        throw new Error(`mutations ${titles} interfere when applied together, at ${differing.join(", ")}`);
    }
    return copy;
}

/** Whether a finding of the mutation's own policy is filed where the mutation says. */
export function isBlamed(p: PlannedMutation, d: PolicyDiagnostic): boolean {
    return p.blamed === "stack" ? d.urn === undefined : d.urn !== undefined && p.blamed.includes(d.urn);
}

/** Whether one of the batch's mutations accounts for a finding. */
function explains(p: PlannedMutation, d: PolicyDiagnostic): boolean {
    if (d.policy === p.mutation.policy) return isBlamed(p, d);
    return (p.mutation.alsoTrips ?? []).includes(d.policy) && d.urn !== undefined && p.touched.includes(d.urn);
}

/** Mandatory findings of a batch's run that none of its mutations accounts for. */
export function unexplained(batch: readonly PlannedMutation[], diagnostics: readonly PolicyDiagnostic[]) {
    return diagnostics.filter((d) => d.enforcementLevel === "mandatory" && !batch.some((p) => explains(p, d)));
}
