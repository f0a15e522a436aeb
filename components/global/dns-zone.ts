import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";
import { validationOption, type ValidationRecords } from "../edge/certificate";

/** TTL of certificate validation records. */
const VALIDATION_TTL = 300;

/** A resource name part from a DNS name: `rpc.virtengine.network` -> `rpc-virtengine-network`. */
const label = (domainName: string) => domainName.replace(/[^a-z0-9]+/gi, "-");

/**
 * Creates each validation record once, from the first certificate that asks
 * for it: ACM gives a name the same record in every region of an account.
 */
class OncePerName {
    private readonly fqdns = new Map<string, pulumi.Output<string>>();

    get(domainName: string, create: () => pulumi.Output<string>): pulumi.Output<string> {
        let fqdn = this.fqdns.get(domainName);
        if (fqdn === undefined) {
            fqdn = create();
            this.fqdns.set(domainName, fqdn);
        }
        return fqdn;
    }
}

export interface Route53ZoneArgs {
    /** The global AWS provider (Route53 is global; the provider is pinned to us-west-2). */
    provider: aws.Provider;
    domain: string;
    /** Protect the zone (production): deleting it loses the delegation. */
    protect: boolean;
    tags?: Tags;
}

/** The network's Route53 hosted zone; it also holds the certificates' validation records. */
export class Route53Zone extends pulumi.ComponentResource implements ValidationRecords {
    public readonly zone: aws.route53.Zone;
    public readonly zoneId: pulumi.Output<string>;
    /** The zone's name servers: delegate the domain to them at its registrar. */
    public readonly nameServers: pulumi.Output<string[]>;
    private readonly provider: aws.Provider;
    private readonly records = new OncePerName();
    private readonly stem: string;

    constructor(name: string, args: Route53ZoneArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:global:Route53Zone", name, {}, opts);
        this.provider = args.provider;
        this.stem = name;
        this.zone = new aws.route53.Zone(
            `${name}-zone`,
            { name: args.domain, comment: "VirtEngine public endpoints", tags: mergeTags(`${name}-zone`, args.tags) },
            childOptions(this, args.provider, { protect: args.protect }),
        );
        this.zoneId = this.zone.zoneId;
        this.nameServers = this.zone.nameServers;
        this.registerOutputs({ zoneId: this.zoneId, nameServers: this.nameServers });
    }

    validationRecordFqdn(domainName: string, certificate: aws.acm.Certificate): pulumi.Output<string> {
        return this.records.get(domainName, () => {
            const option = validationOption(certificate, domainName);
            const record = new aws.route53.Record(
                `${this.stem}-validation-${label(domainName)}`,
                {
                    zoneId: this.zoneId,
                    name: option.name,
                    type: option.type,
                    records: [option.value],
                    ttl: VALIDATION_TTL,
                },
                childOptions(this, this.provider),
            );
            return record.fqdn;
        });
    }
}

export interface CloudflareZoneArgs {
    /** The explicit Cloudflare provider (API token as a secret). */
    provider: cloudflare.Provider;
    /** The existing Cloudflare zone that holds the domain. */
    zoneId: string;
    domain: string;
}

/** The domain's existing Cloudflare zone: validation records go there, DNS-only. */
export class CloudflareZone extends pulumi.ComponentResource implements ValidationRecords {
    public readonly zoneId: string;
    private readonly provider: cloudflare.Provider;
    private readonly records = new OncePerName();
    private readonly stem: string;

    constructor(name: string, args: CloudflareZoneArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:global:CloudflareZone", name, {}, opts);
        this.zoneId = args.zoneId;
        this.provider = args.provider;
        this.stem = name;
        this.registerOutputs({ zoneId: this.zoneId });
    }

    validationRecordFqdn(domainName: string, certificate: aws.acm.Certificate): pulumi.Output<string> {
        return this.records.get(domainName, () => {
            const option = validationOption(certificate, domainName);
            const name = option.name.apply((n) => n.replace(/\.$/, ""));
            new cloudflare.DnsRecord(
                `${this.stem}-validation-${label(domainName)}`,
                {
                    zoneId: this.zoneId,
                    name,
                    type: option.type,
                    content: option.value.apply((v) => v.replace(/\.$/, "")),
                    ttl: VALIDATION_TTL,
                    proxied: false,
                    comment: `ACM validation for ${domainName}`,
                },
                { parent: this, provider: this.provider },
            );
            return name;
        });
    }
}
