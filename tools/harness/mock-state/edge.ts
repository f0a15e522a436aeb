import { ALB_ZONE_IDS, GLOBAL_ACCELERATOR_ZONE_ID, NLB_ZONE_IDS, regional } from "./regional-ids";
import { hexId, type NewResource, type StateTable } from "./types";

const uuid = (seed: string) => {
    const h = hexId(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** An auto-named resource's cloud name: the given name, else the logical name plus a suffix. */
/** The name AWS gets: the given one, a prefix with a unique suffix, or the provider's auto-name (input-checks.ts refuses one too long). */
const cloudName = (r: NewResource, max: number) =>
    (r.inputs.name as string | undefined) ??
    (typeof r.inputs.namePrefix === "string"
        ? `${r.inputs.namePrefix}${hexId(`name:${r.name}`, max - r.inputs.namePrefix.length)}`
        : `${r.name}-${hexId(`name:${r.name}`, 7)}`);

/** `*.rpc.example.org` and `rpc.example.org` share one validation record, as ACM does. */
function validationOption(domainName: string, accountId: string) {
    const base = domainName.replace(/^\*\./, "");
    return {
        domainName,
        resourceRecordName: `_${hexId(`acm-name:${accountId}:${base}`, 32)}.${base}.`,
        resourceRecordType: "CNAME",
        resourceRecordValue: `_${hexId(`acm-value:${accountId}:${base}`, 32)}.${hexId(base, 10)}.acm-validations.aws.`,
    };
}

/** Load balancers, Global Accelerator, Route53, certificates, WAF. */
export const edgeState: StateTable = {
    "aws:lb/loadBalancer:LoadBalancer": (r) => {
        const network = r.inputs.loadBalancerType === "network";
        const name = cloudName(r, 32);
        const suffix = `${network ? "net" : "app"}/${name}/${hexId(`lb:${r.region}:${r.name}`, 16)}`;
        // Internal load balancers' names start with `internal-` (they resolve to private addresses).
        const scheme = r.inputs.internal === true ? "internal-" : "";
        const dnsName = network
            ? `${scheme}${name}-${hexId(`dns:${r.name}`, 16)}.elb.${r.region}.amazonaws.com`
            : `${scheme}${name}-${parseInt(hexId(`dns:${r.name}`, 8), 16)}.${r.region}.elb.amazonaws.com`;
        return {
            name,
            arn: `arn:aws:elasticloadbalancing:${r.region}:${r.accountId}:loadbalancer/${suffix}`,
            arnSuffix: suffix,
            dnsName: dnsName.toLowerCase(),
            zoneId: network
                ? regional(NLB_ZONE_IDS, "NLB canonical hosted zone id", r.region)
                : regional(ALB_ZONE_IDS, "ALB canonical hosted zone id", r.region),
        };
    },
    "aws:lb/targetGroup:TargetGroup": (r) => {
        const name = cloudName(r, 32);
        const suffix = `targetgroup/${name}/${hexId(`tg:${r.region}:${r.name}`, 16)}`;
        return {
            name,
            arn: `arn:aws:elasticloadbalancing:${r.region}:${r.accountId}:${suffix}`,
            arnSuffix: suffix,
        };
    },
    "aws:lb/listener:Listener": (r) => ({
        arn: `arn:aws:elasticloadbalancing:${r.region}:${r.accountId}:listener/${hexId(`listener:${r.region}:${r.name}`, 16)}`,
    }),
    "aws:globalaccelerator/accelerator:Accelerator": (r) => {
        const arn = `arn:aws:globalaccelerator::${r.accountId}:accelerator/${uuid(`ga:${r.name}`)}`;
        return {
            id: arn,
            arn,
            dnsName: `a${hexId(`ga-dns:${r.name}`, 16)}.awsglobalaccelerator.com`,
            hostedZoneId: GLOBAL_ACCELERATOR_ZONE_ID,
            ipSets: [{ ipFamily: "IPv4", ipAddresses: ["198.51.100.10", "198.51.100.11"] }],
        };
    },
    "aws:globalaccelerator/listener:Listener": (r) => {
        const arn = `${r.inputs.acceleratorArn}/listener/${hexId(`ga-listener:${r.name}`, 8)}`;
        return { id: arn, arn };
    },
    "aws:globalaccelerator/endpointGroup:EndpointGroup": (r) => {
        const arn = `${r.inputs.listenerArn}/endpoint-group/${hexId(`ga-group:${r.name}`, 12)}`;
        return { id: arn, arn };
    },
    "aws:route53/zone:Zone": (r) => {
        const zoneId = `Z${hexId(`zone:${r.name}`, 20).toUpperCase()}`;
        const n = parseInt(hexId(`ns:${r.name}`, 4), 16);
        return {
            id: zoneId,
            zoneId,
            arn: `arn:aws:route53:::hostedzone/${zoneId}`,
            nameServers: [
                `ns-${n % 512}.awsdns-${n % 64}.com`,
                `ns-${(n >> 1) % 512}.awsdns-${(n >> 2) % 64}.net`,
                `ns-${(n >> 3) % 2048}.awsdns-${(n >> 4) % 64}.org`,
                `ns-${(n >> 5) % 2048}.awsdns-${(n >> 6) % 64}.co.uk`,
            ],
        };
    },
    "aws:route53/healthCheck:HealthCheck": (r) => {
        const id = uuid(`health-check:${r.name}`);
        return { id, arn: `arn:aws:route53:::healthcheck/${id}` };
    },
    "aws:route53/record:Record": (r) => {
        const fqdn = String(r.inputs.name ?? "")
            .replace(/\.$/, "")
            .toLowerCase();
        const setIdentifier = r.inputs.setIdentifier ? `_${r.inputs.setIdentifier}` : "";
        return { id: `${r.inputs.zoneId}_${fqdn}_${r.inputs.type}${setIdentifier}`, fqdn };
    },
    "aws:acm/certificate:Certificate": (r) => {
        const names = [r.inputs.domainName, ...((r.inputs.subjectAlternativeNames as unknown[] | undefined) ?? [])];
        const unique = [...new Set(names.filter((n): n is string => typeof n === "string"))];
        return {
            arn: `arn:aws:acm:${r.region}:${r.accountId}:certificate/${uuid(`acm:${r.region}:${r.name}`)}`,
            domainValidationOptions: unique.map((n) => validationOption(n, r.accountId)),
            status: "PENDING_VALIDATION",
        };
    },
    "aws:acm/certificateValidation:CertificateValidation": (r) => ({ certificateArn: r.inputs.certificateArn }),
    "aws:wafv2/webAcl:WebAcl": (r) => {
        const scope = r.inputs.scope === "CLOUDFRONT" ? "global" : "regional";
        const region = scope === "global" ? "us-east-1" : r.region;
        const name = cloudName(r, 128);
        const id = uuid(`waf:${r.region}:${r.name}`);
        return { id, name, arn: `arn:aws:wafv2:${region}:${r.accountId}:${scope}/webacl/${name}/${id}` };
    },
};
