import type { PolicyProviderResource, PolicyResource } from "@pulumi/policy";
import { ROLE_VALIDATOR, TAG_ROLE, TAG_VOTING_POWER } from "./tag-keys";
import { T } from "./types";

/*
 * Reading resource properties during a preview. `@pulumi/policy` hands
 * policies a proxy that throws on any unknown value, and a throw makes the
 * whole policy advisory for the run ("can't run during preview"). A stack
 * policy must not lose its say over every resource because one unrelated
 * value is unknown, so every read goes through `known`.
 */

/** The value `read` returns, or undefined when it touches a value unknown until deployment. */
export function known<T>(read: () => T): T | undefined {
    try {
        return read();
    } catch (err) {
        if (err instanceof Error && "unknownTypeSentinel" in err) return undefined;
        throw err;
    }
}

type Props = Record<string, unknown>;

/**
 * Whether a property holds a value not known until deployment (an id or ARN
 * computed from another resource). Absent and known values are not unknown.
 */
export function isUnknown(props: Props, key: string): boolean {
    return (
        known(() => {
            void props[key];
            return false;
        }) ?? true
    );
}

/** Whether a list property is unknown, or holds an element that is. */
export function hasUnknownItems(props: Props, key: string): boolean {
    if (isUnknown(props, key)) return true;
    const v = known(() => props[key]);
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) {
        const unknownItem =
            known(() => {
                void v[i];
                return false;
            }) ?? true;
        if (unknownItem) return true;
    }
    return false;
}

/**
 * For "is it set" questions: a property is set when it holds a known value
 * other than null or "", or a value unknown until deployment (a key ARN
 * computed from a key in this stack is set, just not known yet).
 */
export function isSet(props: Props, key: string): boolean {
    if (isUnknown(props, key)) return true;
    const v = known(() => props[key]);
    return v !== undefined && v !== null && v !== "";
}

/** A property's value when it is a known string. */
export function str(props: Props, key: string): string | undefined {
    const v = known(() => props[key]);
    return typeof v === "string" ? v : undefined;
}

/** A property's value when it is a known number, or a string holding one (launch templates use strings). */
export function num(props: Props, key: string): number | undefined {
    const v = known(() => props[key]);
    if (typeof v === "number") return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    return undefined;
}

/** A property's value when it is a known boolean, or the strings "true"/"false" (launch templates). */
export function bool(props: Props, key: string): boolean | undefined {
    const v = known(() => props[key]);
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "false") return v === "true";
    return undefined;
}

/** A property that holds a list; known elements only are returned, unknown ones are skipped. */
export function list(props: Props, key: string): unknown[] {
    const v = known(() => props[key]);
    if (!Array.isArray(v)) return [];
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
        const item = known(() => v[i] as unknown);
        if (item !== undefined) out.push(item);
    }
    return out;
}

/** A property that holds an object (a nested block), when known. */
export function obj(props: Props, key: string): Props | undefined {
    const v = known(() => props[key]);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Props) : undefined;
}

/**
 * Known tags as a map, from an AWS `tags` map or an Auto Scaling group's
 * `[{ key, value, propagateAtLaunch }]` list.
 */
export function tagsOf(props: Props): Record<string, string> {
    const out: Record<string, string> = {};
    const raw = known(() => props.tags);
    if (Array.isArray(raw)) {
        for (const tag of list(props, "tags")) {
            const key = str(tag as Props, "key");
            const value = str(tag as Props, "value");
            if (key !== undefined && value !== undefined) out[key] = value;
        }
    } else if (raw !== null && typeof raw === "object") {
        for (const key of Object.keys(raw)) {
            const value = str(raw as Props, key);
            if (value !== undefined) out[key] = value;
        }
    }
    return out;
}

/** A resource with the parts both resource and stack policies see. */
interface Located {
    type: string;
    props: Props;
    provider?: PolicyProviderResource;
}

/**
 * The AWS region a resource lives in: its own `region` input (`@pulumi/aws`
 * v7 lets a resource override its provider's), else its provider's region.
 */
export function regionOf(r: Located): string | undefined {
    if (r.type.startsWith("aws:")) {
        const own = str(r.props, "region");
        if (own !== undefined) return own;
    }
    return r.provider ? str(r.provider.props, "region") : undefined;
}

/** The `virtengine:role` tag of a resource. */
export const roleOf = (r: { props: Props }) => tagsOf(r.props)[TAG_ROLE];

/** Validators are instances tagged `virtengine:role = validator`. */
export const isValidator = (r: PolicyResource) => r.type === T.instance && roleOf(r) === ROLE_VALIDATOR;

/** The resources an input was computed from, of the given type (how a preview links resources). */
export function dependenciesOf(r: PolicyResource, key: string, type: string): PolicyResource[] {
    return (r.propertyDependencies[key] ?? []).filter((d) => d.type === type);
}

/** Config from `getConfig`, with the policy's own defaults for what the engine did not fill in. */
export function withDefaults<C extends object>(given: Partial<C>, defaults: C): C {
    const out = { ...defaults } as Record<string, unknown>;
    for (const [key, value] of Object.entries(given)) if (value !== undefined) out[key] = value;
    return out as C;
}

/** "1 zone", "3 validators". */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * A validator's voting power from its `virtengine:voting-power` tag: 1 when
 * the tag is absent, undefined when it is not a non-negative number (the
 * caller reports it).
 */
export function votingPowerOf(r: { props: Props }): { power: number | undefined; tag: string | undefined } {
    const tag = tagsOf(r.props)[TAG_VOTING_POWER];
    if (tag === undefined) return { power: 1, tag };
    const power = tag.trim() === "" ? NaN : Number(tag);
    return { power: Number.isFinite(power) && power >= 0 ? power : undefined, tag };
}
