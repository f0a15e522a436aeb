import * as path from "node:path";
import { runProgram } from "../../tools/harness/run-program";
import { Inventory, T, tag } from "../helpers/stack-run";

let inv: Inventory;
beforeAll(async () => {
    inv = new Inventory(
        await runProgram({
            project: "virtengine",
            stack: "test",
            config: {},
            program: path.join(__dirname, "programs/five-over-three-zones.ts"),
        }),
    );
});

describe("a validator fleet with more validators than zones", () => {
    it("places validators round-robin over the zones, starting again at the first (a b c a b)", () => {
        const validators = inv.ofType(T.instance);
        expect(validators.map((v) => [v.name, v.inputs.availabilityZone])).toEqual([
            ["eu-west-1-validator-0-eu-west-1a", "eu-west-1a"],
            ["eu-west-1-validator-1-eu-west-1b", "eu-west-1b"],
            ["eu-west-1-validator-2-eu-west-1c", "eu-west-1c"],
            ["eu-west-1-validator-3-eu-west-1a", "eu-west-1a"],
            ["eu-west-1-validator-4-eu-west-1b", "eu-west-1b"],
        ]);
    });

    it("puts each validator's data volume and subnet in its own zone", () => {
        for (const v of inv.ofType(T.instance)) {
            const [volume] = inv.ofType(T.volume).filter((d) => d.name === `${v.name}-data`);
            expect(volume.inputs.availabilityZone).toBe(v.inputs.availabilityZone);
            expect(v.inputs.subnetId).toBe(`subnet-${v.inputs.availabilityZone}`);
            expect(tag(v, "virtengine:zone")).toBe(v.inputs.availabilityZone);
        }
    });
});
