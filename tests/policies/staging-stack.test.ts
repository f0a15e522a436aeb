import type { RecordedResource } from "../../tools/harness/run-program";
import { evaluateWithStackConfig, stackResources } from "./stack-run";

let resources: RecordedResource[];
beforeAll(async () => {
    resources = await stackResources("staging");
});

describe("the staging stack against the pack", () => {
    it("passes every mandatory policy with staging's config", async () => {
        const found = await evaluateWithStackConfig("staging", resources);
        expect(found.filter((d) => d.enforcementLevel === "mandatory")).toEqual([]);
    });

    it("is told, as advisory only, that its validators, volumes, buckets and zone are not protected", async () => {
        // Staging is meant to be torn down and rebuilt; protect-stateful stays advisory there.
        const found = await evaluateWithStackConfig("staging", resources);
        expect(new Set(found.map((d) => `${d.policy}:${d.enforcementLevel}`))).toEqual(
            new Set(["protect-stateful:advisory"]),
        );
        // 4 validators, their 4 data volumes, 3 chain-state backup buckets, 4 access-log buckets and the hosted zone.
        expect(found.length).toBe(16);
    });
});
