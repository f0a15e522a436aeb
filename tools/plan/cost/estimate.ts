import type { RecordedResource } from "../../harness/run-program";
import { attributeRegions, known, knownNumber, knownString } from "../../harness/recorded";
import {
    chargeOf,
    FALLBACK_REGION,
    GLOBAL_PRICES,
    GP3_BASELINE_IOPS,
    GP3_BASELINE_THROUGHPUT_MIBPS,
    HOURS_PER_MONTH,
    IO2_IOPS_TIER_LIMITS,
    REGION_PRICES,
    type ByEndpoint,
    type EbsPrices,
    type PricingRule,
    type RegionPrices,
} from "./prices";

export interface CostLine {
    urn: string;
    /** The region that pays; undefined for global services (and resources whose region is unknown). */
    region: string | undefined;
    /** What is charged, e.g. "r6i.2xlarge instance", "gp3 500 GiB", "NAT gateway". */
    item: string;
    /** Rounded to cents. */
    monthlyUsd: number;
}

export interface CostEstimate {
    /** Total, rounded to cents. */
    monthlyUsd: number;
    /** Per region code (only regions with cost or present in `regions`), rounded to cents. */
    byRegion: Record<string, number>;
    /** Costs no region owns (global services like the accelerator, and resources whose region is unknown). */
    globalUsd: number;
    lines: CostLine[];
    /** One sentence each: what could not be priced, what was assumed, and which usage-based charges are left out. */
    warnings: string[];
}

const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

/**
 * An instance whose inputs leave the root volume's size or type out gets the
 * AMI's. The plan cannot read the AMI, so it assumes the usual Linux AMI root
 * snapshot size and gp3; the estimate says when it assumed this.
 */
const ASSUMED_ROOT_VOLUME: Volume = { type: "gp3", sizeGiB: 8 };
/** EC2's type for a device mapping that names none (from memory, not checked: gp2). */
const MAPPING_DEFAULT_TYPE = "gp2";
/** EKS managed nodes without a launch template: 20 GiB (CreateNodegroup's documented default), gp2. */
const EKS_DEFAULT_DISK_GIB = 20;
const EKS_DEFAULT_DISK_TYPE = "gp2";
/** What CreateNodegroup launches when instanceTypes is not set. */
const EKS_DEFAULT_INSTANCE_TYPE = "t3.medium";

interface Volume {
    type: string;
    sizeGiB: number;
    iops?: number;
    throughput?: number;
}

/** True, also as the string "true" that launch templates carry. */
const isTrue = (value: unknown) => {
    const v = known(value);
    return v === true || v === "true";
};

/** Set, but not known until deployment (as opposed to absent, where a default applies). */
const isUnknown = (value: unknown) => value !== undefined && value !== null && known(value) === undefined;

const asRecord = (value: unknown): Record<string, unknown> | undefined => {
    const v = known(value);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
};

const asArray = (value: unknown): unknown[] | undefined => {
    const v = known(value);
    return Array.isArray(v) ? v : undefined;
};

const cents = (usd: number) => Math.round(usd * 100);
const roundUsd = (usd: number) => cents(usd) / 100;

/** Monthly USD for one volume, or undefined for a type the table does not price. */
function volumeMonthlyUsd(ebs: EbsPrices, v: Volume): number | undefined {
    switch (v.type) {
        case "gp3":
            return (
                v.sizeGiB * ebs.gp3GbMonth +
                Math.max(0, (v.iops ?? GP3_BASELINE_IOPS) - GP3_BASELINE_IOPS) * ebs.gp3IopsMonth +
                Math.max(0, (v.throughput ?? GP3_BASELINE_THROUGHPUT_MIBPS) - GP3_BASELINE_THROUGHPUT_MIBPS) *
                    ebs.gp3ThroughputMibpsMonth
            );
        case "gp2":
            return v.sizeGiB * ebs.gp2GbMonth;
        case "io1":
            return v.sizeGiB * ebs.io1GbMonth + (v.iops ?? 0) * ebs.io1IopsMonth;
        case "io2": {
            const iops = v.iops ?? 0;
            const [limit1, limit2] = IO2_IOPS_TIER_LIMITS;
            const [tier1, tier2, tier3] = ebs.io2IopsMonth;
            return (
                v.sizeGiB * ebs.io2GbMonth +
                Math.min(iops, limit1) * tier1 +
                Math.max(0, Math.min(iops, limit2) - limit1) * tier2 +
                Math.max(0, iops - limit2) * tier3
            );
        }
        case "st1":
            return v.sizeGiB * ebs.st1GbMonth;
        case "sc1":
            return v.sizeGiB * ebs.sc1GbMonth;
        case "standard":
            return v.sizeGiB * ebs.standardGbMonth;
        default:
            return undefined;
    }
}

const describeVolume = (v: Volume) => {
    const extras = [
        v.iops !== undefined && v.type !== "gp2" ? `${v.iops} IOPS` : undefined,
        v.throughput !== undefined ? `${v.throughput} MiB/s` : undefined,
    ].filter((e) => e !== undefined);
    return [`${v.type} ${v.sizeGiB} GiB`, ...extras].join(", ");
};

const times = (count: number, item: string) => (count === 1 ? item : `${count} × ${item}`);

class Estimator {
    readonly lines: CostLine[] = [];
    private readonly warnings = new Set<string>();
    private readonly byUrn: Map<string, RecordedResource>;
    private readonly regions: Map<string, string | undefined>;

    constructor(resources: readonly RecordedResource[], regions: Map<string, string | undefined>) {
        this.byUrn = new Map(resources.map((r) => [r.urn, r]));
        this.regions = regions;
    }

    warningList(): string[] {
        return [...this.warnings];
    }

    warn(sentence: string): void {
        this.warnings.add(sentence);
    }

    estimate(r: RecordedResource): void {
        const charge = chargeOf(r.type, r.custom);
        if (charge === undefined) {
            this.warn(`${r.type} is not in the price table; its cost is not estimated.`);
            return;
        }
        if (charge.charge !== "free" && charge.usage !== undefined) {
            this.warn(`Usage-based charges are not estimated for ${r.type}: ${charge.usage}.`);
        }
        if (charge.charge === "priced") this.price(r, charge.rule);
    }

    private price(r: RecordedResource, rule: PricingRule): void {
        switch (rule) {
            case "ec2-instance":
                return this.instance(r);
            case "ebs-volume":
                return this.volumeResource(r);
            case "autoscaling-group":
                return this.autoScalingGroup(r);
            case "eks-node-group":
                return this.eksNodeGroup(r);
            case "nat-gateway":
                return this.hourly(r, "NAT gateway", (p) => p.natGatewayHourly);
            case "public-ipv4":
                return this.hourly(r, "public IPv4 address", (p) => p.publicIpv4Hourly);
            case "load-balancer":
                return this.loadBalancer(r);
            case "eks-cluster":
                return this.hourly(r, "EKS control plane", (p) => p.eksClusterHourly);
            case "vpc-endpoint":
                return this.vpcEndpoint(r);
            case "kms-key":
                return this.monthly(r, "KMS customer-managed key", (p) => p.kmsKeyMonthly);
            case "waf-web-acl":
                return this.webAcl(r);
            case "global-accelerator":
                return this.add(
                    r,
                    undefined,
                    "Global Accelerator fixed fee",
                    GLOBAL_PRICES.globalAcceleratorHourly * HOURS_PER_MONTH,
                );
            case "route53-zone":
                return this.add(r, undefined, "Route 53 hosted zone", GLOBAL_PRICES.route53HostedZoneMonthly);
            case "route53-health-check":
                return this.healthCheck(r);
        }
    }

    /** The region a resource is billed in and the prices that apply there. */
    private pricesFor(r: RecordedResource): { region: string | undefined; prices: RegionPrices } {
        const region = this.regions.get(r.urn);
        if (region === undefined) {
            this.warn(
                `${r.name} (${r.type}) has no region the plan can tell; it is priced at ${FALLBACK_REGION} prices and counted outside any region.`,
            );
            return { region, prices: REGION_PRICES[FALLBACK_REGION] };
        }
        const prices = REGION_PRICES[region];
        if (prices === undefined) {
            this.warn(
                `Region ${region} is not in the price table; its resources are priced at ${FALLBACK_REGION} prices.`,
            );
            return { region, prices: REGION_PRICES[FALLBACK_REGION] };
        }
        return { region, prices };
    }

    private add(r: RecordedResource, region: string | undefined, item: string, monthlyUsd: number): void {
        this.lines.push({ urn: r.urn, region, item, monthlyUsd: roundUsd(monthlyUsd) });
    }

    private hourly(r: RecordedResource, item: string, rate: (p: RegionPrices) => number): void {
        const { region, prices } = this.pricesFor(r);
        this.add(r, region, item, rate(prices) * HOURS_PER_MONTH);
    }

    private monthly(r: RecordedResource, item: string, rate: (p: RegionPrices) => number): void {
        const { region, prices } = this.pricesFor(r);
        this.add(r, region, item, rate(prices));
    }

    /** `count` instances of a type, or a warning (and nothing) when the type cannot be priced. */
    private compute(r: RecordedResource, region: string | undefined, prices: RegionPrices, type: unknown, count = 1) {
        const instanceType = knownString(type);
        if (instanceType === undefined) {
            const why = isUnknown(type) ? "is not known until deployment" : "is not given";
            this.warn(`${r.name}: the instance type ${why}; its compute is not estimated.`);
            return;
        }
        const hourly = prices.ec2Hourly[instanceType];
        if (hourly === undefined) {
            this.warn(
                `Instance type ${instanceType} (${r.name}) is not in the price table; its compute is not estimated.`,
            );
            return;
        }
        this.add(r, region, times(count, `${instanceType} instance`), count * hourly * HOURS_PER_MONTH);
    }

    private volumes(r: RecordedResource, region: string | undefined, prices: RegionPrices, vols: Volume[], count = 1) {
        for (const v of vols) {
            const usd = volumeMonthlyUsd(prices.ebs, v);
            if (usd === undefined) {
                this.warn(`EBS volume type ${v.type} (${r.name}) is not in the price table; it is not estimated.`);
                continue;
            }
            this.add(r, region, times(count, describeVolume(v)), count * usd);
        }
    }

    private publicIpv4(r: RecordedResource, region: string | undefined, prices: RegionPrices, count: number) {
        if (count > 0)
            this.add(r, region, times(count, "public IPv4 address"), count * prices.publicIpv4Hourly * HOURS_PER_MONTH);
    }

    /**
     * A volume from a block-device spec (instance root or extra device, launch
     * template mapping, volume resource), or undefined when its size is unknown.
     */
    private readVolume(
        r: RecordedResource,
        spec: Record<string, unknown>,
        keys: { size: string; type: string },
        defaults: { sizeGiB?: number; type: string },
    ): Volume | undefined {
        const sizeGiB = knownNumber(spec[keys.size]) ?? (isUnknown(spec[keys.size]) ? undefined : defaults.sizeGiB);
        if (sizeGiB === undefined) {
            this.warn(`${r.name}: a volume's size is not known until deployment; it is not estimated.`);
            return undefined;
        }
        return {
            type: knownString(spec[keys.type]) ?? defaults.type,
            sizeGiB,
            iops: knownNumber(spec.iops),
            throughput: knownNumber(spec.throughput),
        };
    }

    private warnAssumedRoot(r: RecordedResource): void {
        const { sizeGiB, type } = ASSUMED_ROOT_VOLUME;
        this.warn(
            `${r.type}: where the root volume's size or type is not given, ${sizeGiB} GiB and ${type} are assumed (the AMI decides).`,
        );
    }

    private instance(r: RecordedResource): void {
        const { region, prices } = this.pricesFor(r);
        this.compute(r, region, prices, r.inputs.instanceType);
        const keys = { size: "volumeSize", type: "volumeType" };
        const root = asRecord(r.inputs.rootBlockDevice) ?? {};
        if (root.volumeSize === undefined || root.volumeType === undefined) this.warnAssumedRoot(r);
        const vols = [this.readVolume(r, root, keys, ASSUMED_ROOT_VOLUME)];
        for (const device of asArray(r.inputs.ebsBlockDevices) ?? []) {
            const spec = asRecord(device);
            if (spec !== undefined) vols.push(this.readVolume(r, spec, keys, { type: MAPPING_DEFAULT_TYPE }));
        }
        this.volumes(
            r,
            region,
            prices,
            vols.filter((v) => v !== undefined),
        );
        // Unset means the subnet's default, which the plan cannot read; only an explicit true is counted.
        this.publicIpv4(r, region, prices, isTrue(r.inputs.associatePublicIpAddress) ? 1 : 0);
    }

    private volumeResource(r: RecordedResource): void {
        const { region, prices } = this.pricesFor(r);
        // CreateVolume's default type is gp2; a volume from a snapshot without a size takes the snapshot's.
        const v = this.readVolume(r, r.inputs, { size: "size", type: "type" }, { type: "gp2" });
        if (v !== undefined) this.volumes(r, region, prices, [v]);
    }

    /**
     * The launch template a group or node group uses, found through the
     * engine's property dependencies: its ID is unknown in a preview, so an ID
     * join would find nothing.
     */
    private launchTemplateOf(r: RecordedResource, inputs: readonly string[]): RecordedResource | undefined {
        for (const input of inputs) {
            for (const urn of r.propertyDependencies[input] ?? []) {
                const dep = this.byUrn.get(urn);
                if (dep?.type === LAUNCH_TEMPLATE) return dep;
            }
        }
        return undefined;
    }

    /** The volumes each instance launched from a template gets, or undefined when the template maps none. */
    private templateVolumes(r: RecordedResource, template: RecordedResource): Volume[] | undefined {
        const mappings = asArray(template.inputs.blockDeviceMappings);
        if (mappings === undefined || mappings.length === 0) return undefined;
        const vols: Volume[] = [];
        for (const mapping of mappings) {
            const ebs = asRecord(asRecord(mapping)?.ebs);
            // Instance-store and suppressed devices have no EBS charge.
            if (ebs === undefined) continue;
            const v = this.readVolume(
                r,
                ebs,
                { size: "volumeSize", type: "volumeType" },
                { type: MAPPING_DEFAULT_TYPE },
            );
            if (v !== undefined) vols.push(v);
        }
        return vols;
    }

    /**
     * Priced at minSize, the floor the group guarantees. Desired capacity only
     * sets the starting count (the program starts it at minSize) and scaling
     * moves it between minSize and maxSize, so what runs above the floor is
     * usage, which the estimate does not guess.
     */
    private autoScalingGroup(r: RecordedResource): void {
        const { region, prices } = this.pricesFor(r);
        const count = knownNumber(r.inputs.minSize);
        if (count === undefined) {
            this.warn(`Auto Scaling group ${r.name}: minSize is not known until deployment; it is not estimated.`);
            return;
        }
        const template = this.launchTemplateOf(r, ["launchTemplate", "mixedInstancesPolicy"]);
        if (template === undefined) {
            this.warn(
                `Auto Scaling group ${r.name}: its launch template is not among the recorded resources; it is not estimated.`,
            );
            return;
        }
        if (count === 0) return;
        // With overrides, the first is the one the default "prioritized" strategy launches.
        const overrides = asArray(asRecord(asRecord(r.inputs.mixedInstancesPolicy)?.launchTemplate)?.overrides);
        const override = asRecord(overrides?.[0])?.instanceType;
        this.compute(r, region, prices, override ?? template.inputs.instanceType, count);
        // A template that maps block devices is taken to map the root device too.
        let vols = this.templateVolumes(r, template);
        if (vols === undefined) {
            this.warnAssumedRoot(template);
            vols = [ASSUMED_ROOT_VOLUME];
        }
        this.volumes(r, region, prices, vols, count);
        const interfaces = asArray(template.inputs.networkInterfaces) ?? [];
        const publicPerInstance = interfaces.filter((i) => isTrue(asRecord(i)?.associatePublicIpAddress)).length;
        this.publicIpv4(r, region, prices, count * publicPerInstance);
    }

    /** Like a group: the scaling minimum. Public IPs depend on the subnets' settings and are not counted. */
    private eksNodeGroup(r: RecordedResource): void {
        const { region, prices } = this.pricesFor(r);
        const count = knownNumber(asRecord(r.inputs.scalingConfig)?.minSize);
        if (count === undefined) {
            this.warn(
                `EKS node group ${r.name}: scalingConfig.minSize is not known until deployment; it is not estimated.`,
            );
            return;
        }
        if (count === 0) return;
        const template = this.launchTemplateOf(r, ["launchTemplate"]);
        const instanceTypes = asArray(r.inputs.instanceTypes);
        const type = instanceTypes?.[0] ?? template?.inputs.instanceType ?? EKS_DEFAULT_INSTANCE_TYPE;
        this.compute(r, region, prices, type, count);
        const vols = (template && this.templateVolumes(r, template)) ?? [
            { type: EKS_DEFAULT_DISK_TYPE, sizeGiB: knownNumber(r.inputs.diskSize) ?? EKS_DEFAULT_DISK_GIB },
        ];
        this.volumes(r, region, prices, vols, count);
    }

    /**
     * Hourly by type, plus the public IPv4 addresses an internet-facing load
     * balancer holds: at least one per subnet (zone). Addresses from Elastic
     * IPs in subnet mappings are priced as the EIP resources.
     */
    private loadBalancer(r: RecordedResource): void {
        const { region, prices } = this.pricesFor(r);
        const type = knownString(r.inputs.loadBalancerType) ?? "application";
        if (type === "application")
            this.add(r, region, "Application Load Balancer", prices.albHourly * HOURS_PER_MONTH);
        else if (type === "network") this.add(r, region, "Network Load Balancer", prices.nlbHourly * HOURS_PER_MONTH);
        else this.warn(`Load balancer type ${type} (${r.name}) is not in the price table; it is not estimated.`);

        if (known(r.inputs.internal) === true) return;
        if (knownString(r.inputs.ipAddressType) === "dualstack-without-public-ipv4") return;
        const mappings = asArray(r.inputs.subnetMappings);
        const subnets = asArray(r.inputs.subnets);
        let addresses: number | undefined;
        if (mappings !== undefined && mappings.length > 0) {
            addresses = mappings.filter((m) => asRecord(m)?.allocationId === undefined).length;
        } else if (subnets !== undefined) {
            addresses = subnets.length;
        }
        if (addresses === undefined) {
            this.warn(
                `${r.name}: its subnets are not known until deployment; its public IPv4 addresses are not estimated.`,
            );
            return;
        }
        this.publicIpv4(r, region, prices, addresses);
    }

    /** Gateway endpoints (the provider's default type) are free; interface endpoints are charged per zone. */
    private vpcEndpoint(r: RecordedResource): void {
        const type = knownString(r.inputs.vpcEndpointType) ?? "Gateway";
        if (type === "Gateway") return;
        const { region, prices } = this.pricesFor(r);
        if (type !== "Interface") {
            this.warn(`VPC endpoint type ${type} (${r.name}) is not in the price table; it is not estimated.`);
            return;
        }
        this.warn(`Usage-based charges are not estimated for ${r.type}: interface endpoint data processed per GB.`);
        const zones = asArray(r.inputs.subnetIds)?.length;
        if (zones === undefined) {
            this.warn(
                `${r.name}: its subnets are not known until deployment; the interface endpoint is not estimated.`,
            );
            return;
        }
        this.add(
            r,
            region,
            times(zones, "interface endpoint zone"),
            zones * prices.vpcInterfaceEndpointAzHourly * HOURS_PER_MONTH,
        );
    }

    /** A CloudFront-scope ACL is global; a regional one belongs to its region. */
    private webAcl(r: RecordedResource): void {
        const located = this.pricesFor(r);
        const region = knownString(r.inputs.scope) === "CLOUDFRONT" ? undefined : located.region;
        const prices = located.prices;
        this.add(r, region, "WAF web ACL", prices.wafWebAclMonthly);
        let rules = asArray(r.inputs.rules)?.length;
        const ruleJson = knownString(r.inputs.ruleJson);
        if (rules === undefined && ruleJson !== undefined) {
            try {
                const parsed: unknown = JSON.parse(ruleJson);
                if (Array.isArray(parsed)) rules = parsed.length;
            } catch {
                // Left undefined: reported below.
            }
        }
        if (rules === undefined) {
            if (isUnknown(r.inputs.rules) || ruleJson !== undefined || isUnknown(r.inputs.ruleJson)) {
                this.warn(`WAF web ACL ${r.name}: its rules are not known until deployment; they are not estimated.`);
            }
            return;
        }
        if (rules > 0) this.add(r, region, times(rules, "WAF rule"), rules * prices.wafRuleMonthly);
    }

    /**
     * Base fee plus one fee per optional feature. The AWS-endpoint price applies
     * to AWS resources in the account: an endpoint computed from another AWS
     * resource (a load balancer's DNS name) or an AWS host name. Anything else is
     * priced as a non-AWS endpoint, the higher price.
     */
    private healthCheck(r: RecordedResource): void {
        const type = knownString(r.inputs.type) ?? "";
        if (["CALCULATED", "CLOUDWATCH_METRIC", "RECOVERY_CONTROL"].includes(type)) {
            this.add(
                r,
                undefined,
                `Route 53 ${type.toLowerCase()} health check`,
                GLOBAL_PRICES.route53HealthCheckMonthly.aws,
            );
            return;
        }
        const target = knownString(r.inputs.fqdn) ?? knownString(r.inputs.ipAddress);
        const fromAwsResource = ["fqdn", "ipAddress"].some((input) =>
            (r.propertyDependencies[input] ?? []).some((urn) => this.byUrn.get(urn)?.type.startsWith("aws:")),
        );
        const awsHost = target !== undefined && /\.(amazonaws\.com|awsglobalaccelerator\.com)\.?$/i.test(target);
        const endpoint: keyof ByEndpoint = fromAwsResource || awsHost ? "aws" : "nonAws";
        const options = [
            type.startsWith("HTTPS") ? "HTTPS" : undefined,
            type.endsWith("_STR_MATCH") ? "string matching" : undefined,
            knownNumber(r.inputs.requestInterval) === 10 ? "10 s interval" : undefined,
            isTrue(r.inputs.measureLatency) ? "latency measurement" : undefined,
        ].filter((o) => o !== undefined);
        const label = endpoint === "aws" ? "AWS endpoint" : "non-AWS endpoint";
        const item = [`Route 53 health check (${label})`, ...options].join(", ");
        const usd =
            GLOBAL_PRICES.route53HealthCheckMonthly[endpoint] +
            options.length * GLOBAL_PRICES.route53HealthCheckOptionMonthly[endpoint];
        this.add(r, undefined, item, usd);
    }
}

/**
 * Estimated monthly on-demand cost of what a plan would build: standing
 * charges only (instances, volumes, gateways, load balancers, addresses, fixed
 * fees), at the list prices in prices.ts. Usage-based charges are named in the
 * warnings, not guessed. Pure: reads only its arguments.
 */
export function estimateMonthlyCost(
    resources: readonly RecordedResource[],
    regions: readonly string[] = [],
    /** Each resource's region, when the caller has already attributed them (the inventory has). */
    regionOf: Map<string, string | undefined> = attributeRegions(resources),
): CostEstimate {
    const estimator = new Estimator(resources, regionOf);
    for (const r of resources) estimator.estimate(r);

    const byRegionCents = new Map<string, number>(regions.map((name) => [name, 0]));
    let globalCents = 0;
    let totalCents = 0;
    for (const line of estimator.lines) {
        const c = cents(line.monthlyUsd);
        totalCents += c;
        if (line.region === undefined) globalCents += c;
        else byRegionCents.set(line.region, (byRegionCents.get(line.region) ?? 0) + c);
    }
    return {
        monthlyUsd: totalCents / 100,
        byRegion: Object.fromEntries([...byRegionCents].map(([name, c]) => [name, c / 100])),
        globalUsd: globalCents / 100,
        lines: estimator.lines,
        warnings: estimator.warningList(),
    };
}
