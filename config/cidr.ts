import { Address4 } from "ip-address";

/** A parsed IPv4 network. */
export interface Ipv4Network {
    /** The CIDR as written, e.g. `10.0.0.0/16`. */
    cidr: string;
    prefix: number;
    /** First and last address as integers, for overlap checks. */
    first: bigint;
    last: bigint;
}

/**
 * Parses an IPv4 CIDR and insists it is written as its network address:
 * `10.0.1.0/16` is rejected, since AWS would silently treat it as `10.0.0.0/16`.
 * Returns undefined when the text is not such a CIDR.
 */
export function parseNetwork(cidr: string): Ipv4Network | undefined {
    if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(cidr) || !Address4.isValid(cidr)) {
        return undefined;
    }
    const address = new Address4(cidr);
    const first = address.startAddress();
    if (first.correctForm() !== address.correctForm()) {
        return undefined;
    }
    return { cidr, prefix: address.subnetMask, first: first.bigInt(), last: address.endAddress().bigInt() };
}

/** True when the two networks share any address. */
export function overlaps(a: Ipv4Network, b: Ipv4Network): boolean {
    return a.first <= b.last && b.first <= a.last;
}

/** True when the network lies inside one of the RFC 1918 private ranges. */
export function isPrivateNetwork(net: Ipv4Network): boolean {
    return ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].some((range) => {
        const r = new Address4(range);
        return net.first >= r.startAddress().bigInt() && net.last <= r.endAddress().bigInt();
    });
}

/**
 * Terraform's `cidrsubnet`: the `netnum`-th subnet of `parent` whose prefix is
 * `newbits` longer. Throws when the subnet does not fit (a programming error:
 * config validation bounds the prefix so every subnet we ask for fits).
 */
export function cidrSubnet(parent: string, newbits: number, netnum: number): string {
    const net = parseNetwork(parent);
    if (!net) {
        throw new Error(`cidrSubnet: ${parent} is not an IPv4 network`);
    }
    const prefix = net.prefix + newbits;
    if (prefix > 32 || netnum < 0 || netnum >= 2 ** newbits) {
        throw new Error(`cidrSubnet: subnet ${netnum} of /${prefix} does not fit in ${parent}`);
    }
    const first = net.first + (BigInt(netnum) << BigInt(32 - prefix));
    return `${Address4.fromBigInt(first).correctForm()}/${prefix}`;
}
