import { Inventory, runStack, T, tag } from "../helpers/stack-run";

let inv: Inventory;
beforeAll(async () => {
    inv = new Inventory(await runStack("staging"));
});

const REGIONS = ["us-east-1", "eu-west-1", "ap-south-1", "us-west-2"];

describe("staging", () => {
    it("runs one validator, two full nodes and two zones in each of four regions", () => {
        for (const region of REGIONS) {
            const validators = inv
                .inRegion(T.instance, region)
                .filter((i) => tag(i, "virtengine:role") === "validator");
            expect(validators.map((v) => v.inputs.availabilityZone)).toEqual([`${region}a`]);
            expect(validators[0].inputs.instanceType).toBe("r6i.large");
            const [group] = inv.inRegion(T.asg, region);
            expect(group.inputs.minSize).toBe(2);
            expect(inv.dependencyOf(group, "vpcZoneIdentifiers").map((s) => s.inputs.availabilityZone)).toEqual([
                `${region}a`,
                `${region}b`,
            ]);
            expect(inv.inRegion(T.subnet, region)).toHaveLength(4);
        }
    });

    it("uses one NAT gateway per region, as configured", () => {
        for (const region of REGIONS) expect(inv.inRegion(T.nat, region)).toHaveLength(1);
    });

    it("uses the 10.100-10.103 ranges", () => {
        expect(inv.ofType("aws:ec2/vpc:Vpc").map((v) => v.inputs.cidrBlock)).toEqual([
            "10.100.0.0/16",
            "10.101.0.0/16",
            "10.102.0.0/16",
            "10.103.0.0/16",
        ]);
    });

    it("leaves stateful resources unprotected so the environment can be torn down", () => {
        for (const r of [...inv.ofType(T.instance), ...inv.ofType(T.volume), ...inv.ofType(T.kmsKey)]) {
            expect(r.protect).toBe(false);
        }
        for (const v of inv.ofType(T.instance)) expect(v.inputs.disableApiTermination).toBe(false);
    });

    it("points full nodes at the staging chain and domain", () => {
        const [template] = inv
            .inRegion(T.launchTemplate, "eu-west-1")
            .filter((t) => tag(t, "virtengine:role") === "full-node");
        const script = Buffer.from(template.inputs.userData as string, "base64").toString("utf8");
        expect(script).toContain("VIRTENGINE_CHAIN_ID=virtengine-staging-1");
        expect(script).toContain("https://us-east-1.rpc.staging.virtengine.network:443");
        expect(script).not.toContain("https://eu-west-1.rpc.");
    });
});

describe("staging with explicit state-sync witnesses", () => {
    it("renders the configured witnesses into every full node", async () => {
        jest.resetModules();
        const { runStack: run } = await import("../helpers/stack-run");
        const { rawStackConfig } = await import("../helpers/fixtures");
        const raw = {
            ...rawStackConfig("staging"),
            stateSyncRpcServers: ["https://a.example.org:443", "https://b.example.org:443"],
            snapshotInterval: 2000,
        };
        const rerun = new Inventory(await run("staging", { raw }));
        const fullNodeTemplates = rerun
            .ofType(T.launchTemplate)
            .filter((t) => tag(t, "virtengine:role") === "full-node");
        expect(fullNodeTemplates).toHaveLength(4);
        for (const template of fullNodeTemplates) {
            const script = Buffer.from(template.inputs.userData as string, "base64").toString("utf8");
            expect(script).toContain(
                "VIRTENGINE_STATESYNC_RPC_SERVERS=https://a.example.org:443,https://b.example.org:443\n",
            );
            expect(script).toContain("VIRTENGINE_STATE_SYNC_SNAPSHOT_INTERVAL=2000\n");
        }
    });
});
