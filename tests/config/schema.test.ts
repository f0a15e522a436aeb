import fc from "fast-check";
import { formatProblems, validateConfig, type RawConfig } from "../../config/schema";
import { productionWith, rawStackConfig, type EditableConfig } from "../helpers/fixtures";

function problems(raw: RawConfig): string[] {
    const result = validateConfig(raw);
    if (result.ok) throw new Error("expected the config to be rejected");
    return result.problems.map((p) => `${p.key}: ${p.message}`);
}

describe("the stack files in the repository", () => {
    it.each(["production", "staging"] as const)("%s validates", (stack) => {
        const result = validateConfig(rawStackConfig(stack));
        expect(result.ok).toBe(true);
    });

    it("applies documented defaults for optional keys", () => {
        const result = validateConfig(rawStackConfig("production"));
        if (!result.ok) throw new Error(formatProblems(result.problems));
        expect(result.config.chainId).toBe("virtengine-1");
        expect(result.config.flowLogRetentionDays).toBe(90);
        expect(result.config.validatorVolumeGiB).toBe(1000);
        expect(result.config.natGateways).toBeUndefined(); // decided per environment by the region component
        expect(result.config.kubernetesVersion).toBe("1.35");
        expect(result.config.businessHoursTimeZone).toBe("UTC");
        expect(result.config.redisNodeType).toBe("cache.m7g.large");
        expect(result.config.clusterAdminRoleArn).toBeUndefined();
    });

    it("takes an unquoted YAML version (a number) as text, and says to quote one that loses its zero", () => {
        const ok = validateConfig(productionWith((c) => (c.kubernetesVersion = 1.35)));
        expect(ok.ok && ok.config.kubernetesVersion).toBe("1.35");
        expect(problems(productionWith((c) => (c.kubernetesVersion = 1.3)))).toEqual([
            'virtengine:kubernetesVersion: must be an EKS Kubernetes version such as 1.35 (major.minor; quote it in YAML: "1.30") (got 1.3)',
        ]);
    });

    it("refuses a version with no add-on builds pinned for it, listing those that have", () => {
        expect(problems(productionWith((c) => (c.kubernetesVersion = "1.34")))).toEqual([
            'virtengine:kubernetesVersion: must be a version components/kubernetes/versions.ts pins add-ons for: 1.35 (got "1.34")',
        ]);
    });
});

// Each row: a kind of malformed config, the key that must be named, and a phrase of the fix.
const malformed: [string, (c: EditableConfig) => void, string, RegExp][] = [
    ["unknown environment", (c) => (c.environment = "prod"), "virtengine:environment", /production or staging/],
    ["environment of the wrong type", (c) => (c.environment = 1), "virtengine:environment", /production or staging/],
    ["missing domain", (c) => delete c.domain, "virtengine:domain", /is required/],
    ["domain that is not a domain", (c) => (c.domain = "not a domain"), "virtengine:domain", /DNS domain/],
    ["instanceTypes not a map", (c) => (c.instanceTypes = "r6i.large"), "virtengine:instanceTypes", /map/],
    [
        "malformed instance type",
        (c) => (c.instanceTypes.validator = "r6i"),
        "virtengine:instanceTypes.validator",
        /instance type/,
    ],
    ["regions not a list", (c) => (c.regions = { name: "us-east-1" }), "virtengine:regions", /list of regions/],
    ["empty regions", (c) => (c.regions = []), "virtengine:regions", /at least one region/],
    [
        "Kubernetes version with a patch",
        (c) => (c.kubernetesVersion = "1.33.2"),
        "virtengine:kubernetesVersion",
        /such as 1\.35/,
    ],
    [
        "admin role that is a user",
        (c) => (c.clusterAdminRoleArn = "arn:aws:iam::123456789012:user/me"),
        "virtengine:clusterAdminRoleArn",
        /IAM role ARN/,
    ],
    ["alarm email that is not an address", (c) => (c.alarmEmail = "sre"), "virtengine:alarmEmail", /email address/],
    [
        "time zone that is not IANA",
        (c) => (c.businessHoursTimeZone = "Mars/Olympus"),
        "virtengine:businessHoursTimeZone",
        /IANA time zone/,
    ],
    [
        "Redis node type without cache.",
        (c) => (c.redisNodeType = "m7g.large"),
        "virtengine:redisNodeType",
        /ElastiCache node type/,
    ],
    ["unknown region code", (c) => (c.regions[1].name = "eu-west-9"), "virtengine:regions[1].name", /region code/],
    [
        "region of another partition",
        (c) => (c.regions[1].name = "cn-north-1"),
        "virtengine:regions[1].name",
        /aws partition/,
    ],
    [
        "zone from another region",
        (c) => (c.regions[0].zones = ["us-east-1a", "eu-west-1b"]),
        "virtengine:regions[0].zones[1]",
        /not an Availability Zone of us-east-1/,
    ],
    [
        "zone listed twice",
        (c) => (c.regions[0].zones = ["us-east-1a", "us-east-1a"]),
        "virtengine:regions[0].zones[1]",
        /twice/,
    ],
    ["no zones", (c) => (c.regions[0].zones = []), "virtengine:regions[0].zones", /at least one/],
    ["invalid CIDR", (c) => (c.regions[2].cidr = "10.2.0.0/33"), "virtengine:regions[2].cidr", /not an IPv4 network/],
    [
        "CIDR not on its network address",
        (c) => (c.regions[2].cidr = "10.2.3.0/16"),
        "virtengine:regions[2].cidr",
        /network address/,
    ],
    [
        "CIDR too large for a VPC",
        (c) => (c.regions[2].cidr = "10.0.0.0/8"),
        "virtengine:regions[2].cidr",
        /\/16 to \/20/,
    ],
    ["public CIDR", (c) => (c.regions[2].cidr = "8.8.0.0/16"), "virtengine:regions[2].cidr", /private range/],
    [
        "overlapping CIDRs",
        (c) => (c.regions[3].cidr = "10.0.128.0/20"),
        "virtengine:regions[3].cidr",
        /overlaps regions\[0\]\.cidr 10\.0\.0\.0\/16/,
    ],
    [
        "duplicate region",
        (c) => (c.regions[3].name = "us-east-1"),
        "virtengine:regions[3].name",
        /already listed at regions\[0\]/,
    ],
    ["negative validators", (c) => (c.regions[0].validators = -1), "virtengine:regions[0].validators", /at least 0/],
    ["fractional full nodes", (c) => (c.regions[0].fullNodes = 2.5), "virtengine:regions[0].fullNodes", /whole number/],
    [
        "count as text",
        (c) => (c.regions[0].providerDaemons = "four"),
        "virtengine:regions[0].providerDaemons",
        /\(got "four"\)$/,
    ],
    ["too many validators", (c) => (c.regions[0].validators = 101), "virtengine:regions[0].validators", /at most 100/],
    ["traffic dial over 100", (c) => (c.regions[3].trafficDial = 150), "virtengine:regions[3].trafficDial", /0 to 100/],
    ["unknown role", (c) => (c.regions[1].role = "backup"), "virtengine:regions[1].role", /primary, secondary/],
    [
        "two primaries",
        (c) => (c.regions[1].role = "primary"),
        "virtengine:regions",
        /exactly one region with role primary \(found 2\)/,
    ],
    ["missing region key", (c) => delete c.regions[1].cidr, "virtengine:regions[1].cidr", /is required/],
    ["misspelt region key", (c) => (c.regions[1].zone = ["eu-west-1a"]), "virtengine:regions[1].zone", /unknown key/],
    ["unknown top-level key", (c) => (c.regionz = []), "virtengine:regionz", /unknown key/],
    ["bad NAT mode", (c) => (c.natGateways = "two"), "virtengine:natGateways", /perZone or single/],
    ["bad log retention", (c) => (c.flowLogRetentionDays = 10), "virtengine:flowLogRetentionDays", /retention/],
    ["volume too small", (c) => (c.validatorVolumeGiB = 20), "virtengine:validatorVolumeGiB", /at least 100/],
];

describe("malformed config", () => {
    it.each(malformed)("rejects %s, naming its key", (_kind, change, key, fix) => {
        const found = problems(productionWith(change));
        const named = found.filter((line) => line.startsWith(`${key}: `));
        expect(named.length).toBeGreaterThan(0);
        expect(named.join("\n")).toMatch(fix);
    });

    it("reports every problem at once", () => {
        const found = problems(
            productionWith((c) => {
                c.environment = "qa";
                c.regions[0].cidr = "10.0.0.0/40";
                c.regions[1].zones = ["us-east-1a"];
                c.regions[2].validators = -3;
                c.regions[3].trafficDial = 101;
            }),
        );
        expect(found.map((line) => line.split(": ")[0]).sort()).toEqual(
            [
                "virtengine:environment",
                "virtengine:regions[0].cidr",
                "virtengine:regions[1].zones[0]",
                "virtengine:regions[2].validators",
                "virtengine:regions[3].trafficDial",
            ].sort(),
        );
    });

    it("accepts a region with no validators (a full-node-only region)", () => {
        expect(validateConfig(productionWith((c) => (c.regions[3].validators = 0))).ok).toBe(true);
    });

    it("does not judge topology: one zone and 3 of 7 validators in a region are for the policy pack", () => {
        const result = validateConfig(
            productionWith((c) => {
                c.regions[0].zones = ["us-east-1a"];
                c.regions[0].validators = 3;
            }),
        );
        expect(result.ok).toBe(true);
    });

    it("survives input that is not a map at all", () => {
        const result = validateConfig({ regions: "everywhere" });
        expect(result.ok).toBe(false);
    });
});

describe("state sync settings", () => {
    it("accepts explicit RPC witnesses and a snapshot interval", () => {
        const result = validateConfig(
            productionWith((c) => {
                c.stateSyncRpcServers = ["https://rpc-a.example.org:443", "https://rpc-b.example.org"];
                c.snapshotInterval = 500;
            }),
        );
        expect(result.ok && result.config.snapshotInterval).toBe(500);
    });

    it.each([
        [["https://only-one.example.org:443"], "virtengine:stateSyncRpcServers", /at least two/],
        [["ftp://a.example.org", "https://b.example.org"], "virtengine:stateSyncRpcServers[0]", /RPC URL/],
    ])("rejects %j", (servers, key, fix) => {
        const found = problems(productionWith((c) => (c.stateSyncRpcServers = servers)));
        expect(found.find((line) => line.startsWith(`${key}: `))).toMatch(fix);
    });
});

describe("disaster-recovery settings", () => {
    it("accepts backup regions that are configured regions including the primary, and defaults the double-sign check", () => {
        const result = validateConfig(
            productionWith((c) => (c.backupRegions = ["eu-west-1", "us-east-1", "us-west-2"])),
        );
        if (!result.ok) throw new Error(formatProblems(result.problems));
        expect(result.config.backupRegions).toEqual(["eu-west-1", "us-east-1", "us-west-2"]);
        expect(result.config.doubleSignCheckHeight).toBe(10);
    });

    it("leaves two backup regions to the policy pack (backups-multi-region), not config validation", () => {
        expect(validateConfig(productionWith((c) => (c.backupRegions = ["us-east-1", "eu-west-1"]))).ok).toBe(true);
    });

    it.each([
        [
            ["us-east-1", "eu-central-1"],
            "virtengine:backupRegions[1]",
            /"eu-central-1" is not one of virtengine:regions/,
        ],
        [["us-east-1", "eu-west-1", "eu-west-1"], "virtengine:backupRegions[2]", /eu-west-1 is listed twice/],
        [["eu-west-1", "ap-south-1"], "virtengine:backupRegions", /must include the primary region us-east-1/],
        [[], "virtengine:backupRegions", /at least one region/],
        ["us-east-1", "virtengine:backupRegions", /list of region codes/],
    ])("rejects backupRegions %j, naming the key", (value, key, fix) => {
        const found = problems(productionWith((c) => (c.backupRegions = value)));
        expect(found.find((line) => line.startsWith(`${key}: `))).toMatch(fix);
    });

    it.each([0, -1, 1.5, 5000])("rejects doubleSignCheckHeight %j", (value) => {
        const found = problems(productionWith((c) => (c.doubleSignCheckHeight = value)));
        expect(found.find((line) => line.startsWith("virtengine:doubleSignCheckHeight: "))).toBeDefined();
    });
});

describe("every message names the key and shows the bad value", () => {
    it.each([
        [
            "a domain",
            (c: EditableConfig) => (c.domain = "VirtEngine_Network"),
            'virtengine:domain: must be a lower-case DNS domain such as virtengine.network (got "VirtEngine_Network")',
        ],
        [
            "a chain id",
            (c: EditableConfig) => (c.chainId = "Virt Engine"),
            'virtengine:chainId: must be a chain id such as virtengine-1 (got "Virt Engine")',
        ],
        [
            "a region code",
            (c: EditableConfig) => (c.regions[1].name = "eu-west-9"),
            'virtengine:regions[1].name: must be an AWS region code of the aws partition, e.g. us-east-1 (got "eu-west-9")',
        ],
        [
            "a negative count",
            (c: EditableConfig) => (c.regions[0].validators = -2),
            "virtengine:regions[0].validators: must be at least 0 validators (got -2)",
        ],
        [
            "a negative retention",
            (c: EditableConfig) => (c.flowLogRetentionDays = -30),
            `virtengine:flowLogRetentionDays: must be a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (got -30)`,
        ],
        [
            "an infinite traffic dial",
            (c: EditableConfig) => (c.regions[0].trafficDial = Infinity),
            "virtengine:regions[0].trafficDial: must be a whole percentage from 0 to 100 (got .inf)",
        ],
        [
            "a list where a region belongs",
            (c: EditableConfig) => (c.regions[1] = ["eu-west-1"]),
            'virtengine:regions[1]: must be a region: a map with name, role, cidr, zones and counts (got ["eu-west-1"])',
        ],
        [
            "a zone that does not exist",
            (c: EditableConfig) => (c.regions[1].zones = ["eu-west-1a", "eu-west-1e"]),
            'virtengine:regions[1].zones[1]: "eu-west-1e" is not an Availability Zone of eu-west-1; it has eu-west-1a, eu-west-1b, eu-west-1c',
        ],
        [
            "another zone that does not exist",
            (c: EditableConfig) => (c.regions[2].zones = ["ap-south-1d", "ap-south-1a"]),
            'virtengine:regions[2].zones[0]: "ap-south-1d" is not an Availability Zone of ap-south-1; it has ap-south-1a, ap-south-1b, ap-south-1c',
        ],
    ])("%s", (_kind, change, line) => {
        expect(problems(productionWith(change))).toEqual([line]);
    });

    it('says "required" for a missing key', () => {
        expect(problems(productionWith((c) => delete c.instanceTypes))).toEqual([
            "virtengine:instanceTypes: is required: it must be a map with validator, fullNode and providerDaemon instance types",
        ]);
    });

    it("gives one line for one key, however many rules its value breaks", () => {
        expect(problems(productionWith((c) => (c.regions[0].validators = -1.5)))).toEqual([
            "virtengine:regions[0].validators: must be a whole number of validators, from 0 to 100 (got -1.5)",
        ]);
        // zod fails "" twice for a list of at least two: not a list, and shorter than two.
        expect(problems(productionWith((c) => (c.stateSyncRpcServers = "")))).toEqual([
            'virtengine:stateSyncRpcServers: must be a list of at least two RPC URLs (got "")',
        ]);
        // The schema and the cross-region check would both judge a zone that is also listed twice.
        expect(problems(productionWith((c) => (c.regions[0].zones = ["us-east-1a", 7, "us-east-1a"])))).toEqual([
            "virtengine:regions[0].zones[1]: must be an Availability Zone name such as us-east-1a (got 7)",
            "virtengine:regions[0].zones[2]: us-east-1a is listed twice",
        ]);
    });

    it("shows long values summarised, never a wall of text", () => {
        const [line] = problems(productionWith((c) => (c.domain = "x".repeat(500))));
        expect(line.length).toBeLessThan(160);
        expect(line).toMatch(/\(got "x+\.\.\."\)$/);
    });

    // zod's own wording ("Invalid input: expected number, received array") must never reach a user.
    const ZOD_WORDING =
        /Invalid (input|option|string|element|key)|expected .+, received|Too (small|big)|Unrecognized key/;

    it("never uses zod's wording and never repeats a key, whatever any key holds", () => {
        const keys = [
            "environment",
            "domain",
            "instanceTypes",
            "regions",
            "chainId",
            "natGateways",
            "flowLogRetentionDays",
            "validatorVolumeGiB",
            "fullNodeVolumeGiB",
            "stateSyncRpcServers",
            "snapshotInterval",
            "nodeAmiName",
            "nodeAmiOwner",
        ];
        const value = fc.oneof(fc.jsonValue(), fc.constantFrom(Infinity, -Infinity, NaN, -1, 0.5, "", [], {}));
        const regionValue = fc.dictionary(
            fc.constantFrom(
                "name",
                "role",
                "cidr",
                "zones",
                "validators",
                "fullNodes",
                "providerDaemons",
                "trafficDial",
                "zone",
            ),
            value,
        );
        fc.assert(
            fc.property(
                fc.dictionary(fc.constantFrom(...keys), value, { minKeys: 1 }),
                fc.array(regionValue, { maxLength: 3 }),
                (top, regions) => {
                    const raw = productionWith((c) => {
                        c.regions.push(...regions);
                        Object.assign(c, top);
                    });
                    const result = validateConfig(raw);
                    if (result.ok) return;
                    const lines = result.problems.map((p) => `${p.key}: ${p.message}`);
                    expect(lines.filter((l) => ZOD_WORDING.test(l))).toEqual([]);
                    const found = result.problems.map((p) => p.key);
                    expect(new Set(found).size).toBe(found.length);
                    for (const p of result.problems) expect(p.key).toMatch(/^virtengine:/);
                },
            ),
            { numRuns: 300 },
        );
    });
});
