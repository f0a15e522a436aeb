/** What a computed-state answer knows about the resource being created. */
export interface NewResource {
    /** The resource's logical name (its Pulumi name, not a cloud name). */
    name: string;
    /** Its inputs as the program sent them. */
    inputs: Record<string, unknown>;
    /** Region of the provider it was created with (or its own `region` input). */
    region: string;
    accountId: string;
}

/**
 * Per resource type token, the state a real provider computes on create
 * (update mode only; a preview knows inputs alone). Merged over the inputs
 * and a generic `arn`.
 */
export type StateTable = Record<string, (r: NewResource) => Record<string, unknown>>;

/** What a lookup answer knows about the call. */
export interface Lookup {
    args: Record<string, unknown>;
    /** Region of the provider the lookup went through (or its own `region` argument). */
    region: string;
    accountId: string;
}

/** Per invoke token, what the real provider would answer. */
export type InvokeTable = Record<string, (l: Lookup) => Record<string, unknown>>;

/** A short deterministic hex string derived from `seed` (stable ids, no randomness). */
export function hexId(seed: string, length = 17): string {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < seed.length; i++) {
        h1 = Math.imul(h1 ^ seed.charCodeAt(i), 16777619) >>> 0;
        h2 = Math.imul(h2 ^ seed.charCodeAt(i), 2246822519) >>> 0;
    }
    let out = "";
    while (out.length < length) {
        out += h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
        h1 = Math.imul(h1 ^ h2, 16777619) >>> 0;
        h2 = Math.imul(h2 ^ h1, 2246822519) >>> 0;
    }
    return out.slice(0, length);
}
