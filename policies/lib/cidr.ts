import { Address4, Address6 } from "ip-address";

/*
 * Rules are compared as ranges, not strings: "0.0.0.0/0", "10.1.2.3/0" and
 * "::0/0" all mean every address of their family.
 */

/** A CIDR block, or undefined when `text` is not one. */
export function parseCidr(text: string): Address4 | Address6 | undefined {
    const t = text.trim();
    if (!t.includes("/")) return undefined;
    if (Address4.isValid(t)) return new Address4(t);
    if (Address6.isValid(t)) return new Address6(t);
    return undefined;
}

/**
 * Whether a rule allowing `source` admits every address of `range`: the same
 * family, and `source` is `range` or wider. Text that does not parse is
 * compared as written.
 */
export function admitsAll(source: string, range: string): boolean {
    const s = parseCidr(source);
    const r = parseCidr(range);
    if (!s || !r) return source.trim().toLowerCase() === range.trim().toLowerCase();
    if (s instanceof Address4 !== r instanceof Address4) return false;
    return (r as Address4).isInSubnet(s as Address4);
}
