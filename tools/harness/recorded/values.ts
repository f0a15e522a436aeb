/*
 * Reading recorded engine inputs (RecordedResource.inputs): plain values out
 * of secret wrappers and unknowns, numbers, and tags in either AWS shape. The
 * one home for these, used by the plan, the bench and the tests. The policy
 * pack reads the same values through @pulumi/policy's proxies instead
 * (policies/lib/read.ts).
 */

/** The value Pulumi puts where an input is not known until deployment (the engine's unknown marker). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Pulumi's marker for a secret value in raw engine inputs: `{ [SECRET_SIG_KEY]: SECRET_SIG, value }`. */
export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Whether a raw input value is a wrapped secret. */
export function isSecret(value: unknown): value is { value?: unknown } {
    return (
        value !== null && typeof value === "object" && (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG
    );
}

/** An input's plain value: secrets unwrapped, unknowns as undefined. */
export function known(value: unknown): unknown {
    if (value === UNKNOWN) return undefined;
    if (isSecret(value)) return known(value.value);
    return value;
}

export const knownString = (value: unknown): string | undefined => {
    const v = known(value);
    return typeof v === "string" ? v : undefined;
};

/** A known number, or a string holding one (launch templates and tags carry numbers as text). */
export function knownNumber(value: unknown): number | undefined {
    const v = known(value);
    if (typeof v === "number") return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    return undefined;
}

/** Tags as a map, from either an AWS `tags` map or an Auto Scaling group's `[{key, value}]` list. */
export function tagsOf(resource: { inputs: Record<string, unknown> }): Record<string, string> {
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

/** One known tag's value. */
export const tagOf = (resource: { inputs: Record<string, unknown> }, key: string): string | undefined =>
    tagsOf(resource)[key];

/** Splits a provider reference `<urn>::<id>` into its URN. */
export function providerUrn(ref: string): string {
    const cut = ref.lastIndexOf("::");
    return cut > 0 ? ref.slice(0, cut) : ref;
}
