import * as path from "node:path";
import { runProgram } from "../../tools/harness/run-program";
import { engineConfig, rawStackConfig } from "../helpers/fixtures";
import { Inventory, T } from "../helpers/stack-run";

/*
 * The optional config keys a region reads, each set away from its default
 * (so a component that ignores one falls back to the default and fails
 * here), and the staging defaults left unset.
 */

const raw = rawStackConfig("staging");
// Staging's own file names its NAT layout; unset, the environment's default must apply.
delete raw.natGateways;
Object.assign(raw, {
    validatorVolumeGiB: 777,
    fullNodeVolumeGiB: 333,
    nodeAmiOwner: "111122223333",
    flowLogRetentionDays: 30,
});
const region = (raw.regions as { name: string; zones: string[] }[])[0];

let inv: Inventory;
beforeAll(async () => {
    inv = new Inventory(
        await runProgram({
            project: "virtengine",
            stack: "staging",
            config: engineConfig(raw),
            program: path.join(__dirname, "programs/first-region.ts"),
        }),
    );
});

describe("a staging region's config keys", () => {
    it("gives each validator a data volume of validatorVolumeGiB", () => {
        const volumes = inv.ofType(T.volume);
        expect(volumes.length).toBeGreaterThan(0);
        for (const v of volumes) expect(v.inputs.size).toBe(777);
    });

    it("gives full nodes a data device of fullNodeVolumeGiB", () => {
        const [template] = inv.ofType(T.launchTemplate);
        const devices = template.inputs.blockDeviceMappings as { deviceName: string; ebs: { volumeSize: number } }[];
        expect(devices.find((d) => d.deviceName === "/dev/sdf")?.ebs.volumeSize).toBe(333);
    });

    it("looks the node image up from nodeAmiOwner's account", () => {
        const lookups = inv.run.invokes.filter((i) => i.token === "aws:ec2/getAmi:getAmi");
        expect(lookups.length).toBeGreaterThan(0);
        for (const l of lookups) expect(l.args.owners).toEqual(["111122223333"]);
    });

    it("keeps VPC flow logs for flowLogRetentionDays", () => {
        // The edge's WAF log group is the region's other log group.
        const groups = inv
            .ofType("aws:cloudwatch/logGroup:LogGroup")
            .filter((g) => !String(g.inputs.name).startsWith("aws-waf-logs-"));
        expect(groups.map((g) => g.inputs.retentionInDays)).toEqual([30]);
    });

    it("builds one NAT gateway for the region when natGateways is unset in staging", () => {
        expect(region.zones.length).toBeGreaterThan(1);
        expect(inv.ofType(T.nat)).toHaveLength(1);
    });
});
