import { engineConfig, rawStackConfig } from "../helpers/fixtures";
import { sharedRun } from "../helpers/shared-run";

// `pulumi preview` and `pulumi up` must plan the same resources: nothing may
// be created only when outputs are known (or only when they are not).
describe.each(["production", "staging"] as const)("the %s stack", (stack) => {
    it("registers the same resources (URNs) in preview and update mode", async () => {
        const run = (preview: boolean) =>
            sharedRun({ project: "virtengine", stack, config: engineConfig(rawStackConfig(stack)), preview });
        const preview = await run(true);
        const update = await run(false);
        const urns = (r: typeof preview) => r.resources.map((x) => x.urn).sort();
        expect(preview.resources.length).toBeGreaterThan(50);
        expect(urns(update)).toEqual(urns(preview));
    });
});
