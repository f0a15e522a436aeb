import { z } from "zod";
import { isPrivateNetwork, overlaps, parseNetwork, type Ipv4Network } from "./cidr";
import { isZoneOfRegion, SUPPORTED_REGIONS, zonesOfRegion } from "./regions";
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from "../components/kubernetes/versions";

/** Whether the runtime knows `zone` as an IANA time zone (KEDA's cron trigger needs one). */
function isIanaTimeZone(zone: string): boolean {
    try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return zone.length > 0;
    } catch {
        return false;
    }
}

/**
 * The stack configuration, as one zod schema. Every `virtengine:*` key of
 * `Pulumi.<stack>.yaml` is declared here; the program, the offline plan and
 * the tests all validate through `validateConfig`, so there is one set of rules.
 *
 * This checks that the config is well formed. Topology rules (the 33%
 * validator cap, two zones per fleet, two full nodes per region) are not
 * config errors: they live in the policy pack, which guards both
 * `pulumi preview` and the offline plan.
 */

/** Smallest and largest VPC prefix: every region's subnets are carved from it (see components/network/subnet-plan.ts). */
export const VPC_PREFIX_MIN = 16;
export const VPC_PREFIX_MAX = 20;

/** The retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const RETENTION_MESSAGE = `must be a CloudWatch Logs retention: ${LOG_RETENTION_DAYS.join(", ")}`;

/**
 * A strict object's own message, for input that is not a map at all; unknown
 * keys inside it keep the message that names them (see validateConfig).
 */
const notAMap = (message: string) => (issue: { code: string }) => (issue.code === "invalid_type" ? message : undefined);

const count = (what: string, max: number) =>
    z
        .number({ error: `must be a whole number of ${what}, from 0 to ${max}` })
        .int({ error: `must be a whole number of ${what}, from 0 to ${max}` })
        .min(0, { error: `must be at least 0 ${what}` })
        .max(max, { error: `must be at most ${max} ${what}` });

/** An EBS gp3 volume size. */
const volumeGiB = z
    .number({ error: "must be a size in GiB from 100 to 16384" })
    .int({ error: "must be a size in GiB from 100 to 16384" })
    .min(100, { error: "must be at least 100 GiB" })
    .max(16384, { error: "must be at most 16384 GiB (the gp3 limit)" });

const instanceType = z
    .string({ error: "must be an EC2 instance type such as r6i.2xlarge" })
    .regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, { error: "must be an EC2 instance type such as r6i.2xlarge" });

/** A Cloudflare account or zone id: 32 lower-case hexadecimal characters. */
const cloudflareId = (what: string) =>
    z
        .string({ error: `must be a Cloudflare ${what} id (32 hexadecimal characters)` })
        .regex(/^[0-9a-f]{32}$/, { error: `must be a Cloudflare ${what} id (32 hexadecimal characters)` });

const regionSchema = z.strictObject(
    {
        /** AWS region code, e.g. `us-east-1`. */
        name: z.enum(SUPPORTED_REGIONS as [string, ...string[]], {
            error: "must be an AWS region code of the aws partition, e.g. us-east-1",
        }),
        /** What the region is for; exactly one region is `primary`. */
        role: z.enum(["primary", "secondary", "tertiary", "standby"], {
            error: "must be one of primary, secondary, tertiary, standby",
        }),
        /** The VPC's IPv4 CIDR, a private range with a /16 to /20 prefix. */
        cidr: z.string({ error: "must be an IPv4 CIDR such as 10.0.0.0/16" }),
        /** Availability Zones in placement order; validators go round-robin over them. */
        zones: z
            .array(z.string({ error: "must be an Availability Zone name such as us-east-1a" }), {
                error: "must be a list of Availability Zone names, e.g. [us-east-1a, us-east-1b]",
            })
            .min(1, { error: "must name at least one Availability Zone" }),
        /** Validator identities in the region: one EC2 instance each. */
        validators: count("validators", 100),
        /** Minimum size of the full-node Auto Scaling group. */
        fullNodes: count("full nodes", 100),
        /** Provider daemon replicas (floor for the Kubernetes autoscaler). */
        providerDaemons: count("provider daemons", 100),
        /** Global Accelerator traffic dial for the region, in percent. */
        trafficDial: z
            .number({ error: "must be a whole percentage from 0 to 100" })
            .int({ error: "must be a whole percentage from 0 to 100" })
            .min(0, { error: "must be a whole percentage from 0 to 100" })
            .max(100, { error: "must be a whole percentage from 0 to 100" }),
    },
    { error: notAMap("must be a region: a map with name, role, cidr, zones and counts") },
);

export const configSchema = z.strictObject({
    environment: z.enum(["production", "staging"], { error: "must be production or staging" }),
    domain: z
        .string({ error: "must be a DNS domain such as virtengine.network" })
        .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
            error: "must be a lower-case DNS domain such as virtengine.network",
        }),
    instanceTypes: z.strictObject(
        { validator: instanceType, fullNode: instanceType, providerDaemon: instanceType },
        { error: notAMap("must be a map with validator, fullNode and providerDaemon instance types") },
    ),
    regions: z
        .array(regionSchema, { error: "must be a list of regions (name, role, cidr, zones, counts)" })
        .min(1, { error: "must list at least one region" }),
    chainId: z
        .string({ error: "must be a chain id such as virtengine-1" })
        .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, { error: "must be a chain id such as virtengine-1" })
        .default("virtengine-1"),
    natGateways: z.enum(["perZone", "single"], { error: "must be perZone or single" }).optional(),
    flowLogRetentionDays: z
        .number({ error: RETENTION_MESSAGE })
        .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), { error: RETENTION_MESSAGE })
        .default(90),
    validatorVolumeGiB: volumeGiB.default(1000),
    fullNodeVolumeGiB: volumeGiB.default(500),
    stateSyncRpcServers: z
        .array(
            z
                .string({ error: "must be an RPC URL such as https://rpc.virtengine.network:443" })
                .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, {
                    error: "must be an RPC URL such as https://rpc.virtengine.network:443 (scheme, host, optional port)",
                }),
            { error: "must be a list of at least two RPC URLs" },
        )
        .min(2, { error: "must list at least two RPC servers: state sync needs two light-client witnesses" })
        .optional(),
    snapshotInterval: z
        .number({ error: "must be a whole number of blocks from 100 to 100000" })
        .int({ error: "must be a whole number of blocks from 100 to 100000" })
        .min(100, { error: "must be at least 100 blocks" })
        .max(100000, { error: "must be at most 100000 blocks" })
        .default(1000),
    /**
     * Regions holding chain-state backup buckets, the primary's first or not;
     * default: the primary and the next two regions in config order (see
     * components/backup/placement.ts). Each must be a configured region.
     */
    backupRegions: z
        .array(z.string({ error: "must be a region code listed in virtengine:regions" }), {
            error: "must be a list of region codes listed in virtengine:regions, e.g. [us-east-1, eu-west-1, ap-south-1]",
        })
        .min(1, { error: "must list at least one region (the primary)" })
        .optional(),
    doubleSignCheckHeight: z
        .number({ error: "must be a whole number of blocks from 1 to 1000" })
        .int({ error: "must be a whole number of blocks from 1 to 1000" })
        .min(1, { error: "must be at least 1: 0 turns off CometBFT's double-sign check" })
        .max(1000, { error: "must be at most 1000 blocks" })
        .default(10),
    nodeAmiName: z
        .string({ error: "must be an AMI name pattern such as virtengine-node-*" })
        .min(1, { error: "must be an AMI name pattern such as virtengine-node-*" })
        .default("virtengine-node-*"),
    globalTraffic: z
        .enum(["aws", "cloudflare"], { error: "must be aws (Global Accelerator and Route53) or cloudflare" })
        .default("aws"),
    cloudflareAccountId: cloudflareId("account").optional(),
    cloudflareZoneId: cloudflareId("zone").optional(),
    nodeAmiOwner: z
        .string({ error: "must be an AWS account id, self, or amazon" })
        .regex(/^(\d{12}|self|amazon)$/, { error: "must be an AWS account id, self, or amazon" })
        .default("self"),
    /** EKS version of every region's cluster; add-on versions in components/kubernetes/versions.ts follow it. */
    kubernetesVersion: z
        // YAML reads an unquoted 1.35 as a number (and the engine hands config over as JSON): take it as text.
        .preprocess(
            (v) => (typeof v === "number" ? String(v) : v),
            z
                .string({ error: "must be an EKS Kubernetes version such as 1.35" })
                .regex(/^1\.\d{2}$/, {
                    error: 'must be an EKS Kubernetes version such as 1.35 (major.minor; quote it in YAML: "1.30")',
                })
                // Add-on builds are pinned per version: a version without them would fail at `pulumi up`.
                .refine((v) => (KUBERNETES_VERSIONS as readonly string[]).includes(v), {
                    error: `must be a version components/kubernetes/versions.ts pins add-ons for: ${KUBERNETES_VERSIONS.join(", ")}`,
                }),
        )
        .default(DEFAULT_KUBERNETES_VERSION),
    /** IAM role given cluster-admin through an EKS access entry; none when unset (no one but the creator's role via Pulumi). */
    clusterAdminRoleArn: z
        .string({ error: "must be an IAM role ARN such as arn:aws:iam::123456789012:role/eks-admin" })
        .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, {
            error: "must be an IAM role ARN such as arn:aws:iam::123456789012:role/eks-admin",
        })
        .optional(),
    /** IANA time zone of the business hours in which the workloads' floors are raised (08:00-20:00 Mon-Fri). */
    businessHoursTimeZone: z
        .string({ error: "must be an IANA time zone such as UTC or Europe/Berlin" })
        .refine(isIanaTimeZone, { error: "must be an IANA time zone such as UTC or Europe/Berlin" })
        .default("UTC"),
    /** ElastiCache node type of the provider daemons' Redis (one primary and one replica per region). */
    redisNodeType: z
        .string({ error: "must be an ElastiCache node type such as cache.m7g.large" })
        .regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, { error: "must be an ElastiCache node type such as cache.m7g.large" })
        .default("cache.m7g.large"),
    /** Email address subscribed to every region's alarm topic; none when unset (subscribe other endpoints to the topics). */
    alarmEmail: z
        .string({ error: "must be an email address such as sre@example.com" })
        .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, { error: "must be an email address such as sre@example.com" })
        .optional(),
});

/** The raw `virtengine:*` config, keys without the namespace. */
export type RawConfig = Record<string, unknown>;

/** Validated stack config with defaults applied. */
export type NetworkConfig = z.output<typeof configSchema>;
export type RegionConfig = NetworkConfig["regions"][number];
export type Environment = NetworkConfig["environment"];

/** One thing wrong with the config: the full key path and what is allowed. */
export interface ConfigProblem {
    /** e.g. `virtengine:regions[2].cidr` */
    key: string;
    message: string;
}

export type ValidationResult = { ok: true; config: NetworkConfig } | { ok: false; problems: ConfigProblem[] };

type Issue = { path: (string | number)[]; message: string };

/**
 * Checks that span several keys (duplicate regions, overlapping CIDRs, zones of
 * the wrong region, one primary). They read the raw input defensively so that
 * they run even when other keys are malformed: the user sees every problem in
 * one pass rather than one per fix.
 */
function crossRegionChecks(raw: RawConfig): Issue[] {
    const issues: Issue[] = [];
    const regions = Array.isArray(raw.regions) ? (raw.regions as unknown[]) : [];
    const networks: { index: number; net: Ipv4Network }[] = [];
    const seen = new Map<string, number>();
    let primaries = 0;
    regions.forEach((entry, index) => {
        if (entry === null || typeof entry !== "object") return;
        const region = entry as Record<string, unknown>;
        const at = (...rest: (string | number)[]) => ["regions", index, ...rest];
        const name =
            typeof region.name === "string" && SUPPORTED_REGIONS.includes(region.name) ? region.name : undefined;
        if (region.role === "primary") primaries++;

        if (name !== undefined) {
            const first = seen.get(name);
            if (first !== undefined) {
                issues.push({
                    path: at("name"),
                    message: `region ${name} is already listed at regions[${first}]; list each region once`,
                });
            } else {
                seen.set(name, index);
            }
        }

        if (typeof region.cidr === "string") {
            const net = parseNetwork(region.cidr);
            if (!net) {
                issues.push({
                    path: at("cidr"),
                    message: `"${region.cidr}" is not an IPv4 network address with a prefix, e.g. 10.0.0.0/16`,
                });
            } else if (net.prefix < VPC_PREFIX_MIN || net.prefix > VPC_PREFIX_MAX) {
                issues.push({
                    path: at("cidr"),
                    message: `/${net.prefix} is outside the allowed VPC sizes /${VPC_PREFIX_MIN} to /${VPC_PREFIX_MAX}`,
                });
            } else if (!isPrivateNetwork(net)) {
                issues.push({
                    path: at("cidr"),
                    message: `${region.cidr} is not a private range; use 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16`,
                });
            } else {
                for (const other of networks) {
                    if (overlaps(other.net, net)) {
                        issues.push({
                            path: at("cidr"),
                            message: `${region.cidr} overlaps regions[${other.index}].cidr ${other.net.cidr}; peered VPCs need disjoint ranges`,
                        });
                    }
                }
                networks.push({ index, net });
            }
        }

        if (name !== undefined && Array.isArray(region.zones)) {
            const zonesSeen = new Set<unknown>();
            region.zones.forEach((zone: unknown, z) => {
                if (typeof zone !== "string") return;
                if (!isZoneOfRegion(zone, name)) {
                    issues.push({
                        path: at("zones", z),
                        message: `"${zone}" is not an Availability Zone of ${name}; it has ${zonesOfRegion(name).join(", ")}`,
                    });
                } else if (zonesSeen.has(zone)) {
                    issues.push({ path: at("zones", z), message: `${zone} is listed twice` });
                }
                zonesSeen.add(zone);
            });
        }
    });
    issues.push(...backupRegionChecks(raw, regions));
    if (raw.globalTraffic === "cloudflare") {
        for (const key of ["cloudflareAccountId", "cloudflareZoneId"]) {
            if (raw[key] === undefined) {
                issues.push({ path: [key], message: "is required when globalTraffic is cloudflare" });
            }
        }
    }
    if (regions.length > 0 && primaries !== 1) {
        issues.push({
            path: ["regions"],
            message: `must have exactly one region with role primary (found ${primaries})`,
        });
    }
    return issues;
}

/**
 * `backupRegions` names configured regions, each once, including the
 * primary (the replication source). Fewer than three is not a config error:
 * the policy backups-multi-region decides that, for preview and plan alike.
 */
function backupRegionChecks(raw: RawConfig, regions: unknown[]): Issue[] {
    if (!Array.isArray(raw.backupRegions)) return [];
    const issues: Issue[] = [];
    const configured = regions
        .map((r) => (r !== null && typeof r === "object" ? (r as Record<string, unknown>) : {}))
        .filter((r) => typeof r.name === "string");
    const names = configured.map((r) => r.name as string);
    const primary = configured.find((r) => r.role === "primary")?.name as string | undefined;
    const seen = new Set<string>();
    raw.backupRegions.forEach((entry: unknown, i) => {
        if (typeof entry !== "string") return;
        if (!names.includes(entry)) {
            issues.push({
                path: ["backupRegions", i],
                message: `"${entry}" is not one of virtengine:regions (${names.join(", ")}); backup buckets need a configured region`,
            });
        } else if (seen.has(entry)) {
            issues.push({ path: ["backupRegions", i], message: `${entry} is listed twice` });
        }
        seen.add(entry);
    });
    if (primary !== undefined && !seen.has(primary)) {
        issues.push({
            path: ["backupRegions"],
            message: `must include the primary region ${primary}: its bucket is the replication source`,
        });
    }
    return issues;
}

/** Renders a zod path as the key a user types: `virtengine:regions[2].zones[0]`. */
export function keyPath(namespace: string, path: readonly PropertyKey[]): string {
    let key = namespace;
    path.forEach((part, i) => {
        if (typeof part === "number") key += `[${part}]`;
        else key += i === 0 ? `:${String(part)}` : `.${String(part)}`;
    });
    return key;
}

/** Longest value shown in full in a message; longer ones are summarised. */
const SHOWN_VALUE_CHARS = 60;

/**
 * A bad value as the user wrote it, for "(got ...)": strings quoted, numbers
 * as YAML writes them (`.inf`, `-.inf`, `.nan`, which JSON would print as
 * null), short lists and maps inline, long ones summarised.
 */
export function showValue(value: unknown): string {
    const text = inline(value);
    if (text.length <= SHOWN_VALUE_CHARS) return text;
    if (typeof value === "string") return `${text.slice(0, SHOWN_VALUE_CHARS - 4)}..."`;
    if (Array.isArray(value)) return `a list of ${value.length}`;
    return `a map with keys ${Object.keys(value as object).join(", ")}`.slice(0, SHOWN_VALUE_CHARS);
}

/** YAML flow style: `[a, 1]`, `{name: "x"}`. */
function inline(value: unknown): string {
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : yamlNumber(value);
    if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
    if (value !== null && typeof value === "object") {
        return `{${Object.entries(value)
            .map(([k, v]) => `${k}: ${inline(v)}`)
            .join(", ")}}`;
    }
    return JSON.stringify(value) ?? String(value);
}

const yamlNumber = (n: number) => (Number.isNaN(n) ? ".nan" : n > 0 ? ".inf" : "-.inf");

/** The raw value at a zod issue's path. */
function valueAt(raw: RawConfig, path: readonly PropertyKey[]): unknown {
    return path.reduce<unknown>(
        (v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined),
        raw,
    );
}

/** Said when a schema has no message of its own: never zod's wording ("Invalid input: expected ..."). */
const FALLBACK_MESSAGE = "is not a value this key accepts; see the config reference in README.md";

/**
 * Validates raw config and applies defaults. Reports every problem at once,
 * each naming its key; never throws for bad input.
 */
export function validateConfig(raw: RawConfig, namespace = "virtengine"): ValidationResult {
    const result = configSchema.safeParse(raw, {
        error: (issue) => {
            if (issue.code === "unrecognized_keys") {
                return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}; check the spelling against the config reference in README.md`;
            }
            return FALLBACK_MESSAGE;
        },
    });
    const cross = crossRegionChecks(raw).map((i) => ({ key: keyPath(namespace, i.path), message: i.message }));
    if (result.success && cross.length === 0) {
        return { ok: true, config: result.data };
    }
    const problems = (result.success ? [] : result.error.issues).flatMap((issue): ConfigProblem[] => {
        if (issue.code === "unrecognized_keys") {
            return issue.keys.map((k) => ({ key: keyPath(namespace, [...issue.path, k]), message: issue.message }));
        }
        const input = valueAt(raw, issue.path);
        const message =
            input === undefined ? `is required: it ${issue.message}` : `${issue.message} (got ${showValue(input)})`;
        return [{ key: keyPath(namespace, issue.path), message }];
    });
    return { ok: false, problems: firstPerKey([...problems, ...cross]) };
}

/**
 * One line per key: zod can fail a value twice (`-1.5` is neither whole nor
 * at least 0) and a cross-region check can repeat what the schema said; the
 * first problem, the schema's, is the one to fix first.
 */
function firstPerKey(problems: readonly ConfigProblem[]): ConfigProblem[] {
    const seen = new Set<string>();
    return problems.filter((p) => !seen.has(p.key) && seen.add(p.key));
}

/** The program's and the plan's message for invalid config: a count, then one problem per line. */
export function invalidConfigMessage(problems: readonly ConfigProblem[]): string {
    const count = problems.length;
    return `invalid stack configuration (${count} problem${count > 1 ? "s" : ""}):\n${formatProblems(problems)}`;
}

/** One problem per line, `key: message`, as the CLI and the program print them. */
export function formatProblems(problems: readonly ConfigProblem[]): string {
    return problems.map((p) => `${p.key}: ${p.message}`).join("\n");
}
