import * as pulumi from "@pulumi/pulumi";
import { productionWith } from "../helpers/fixtures";
import { runStack } from "../helpers/stack-run";

describe("the program on invalid config", () => {
    it("fails with a RunError (printed without a stack trace) that names every problem", async () => {
        const raw = productionWith((c) => {
            c.regions[0].cidr = "10.0.0.0/33";
            c.regions[1].zones = ["us-east-1a"];
        });
        const error = await runStack("production", { raw }).then(
            () => undefined,
            (e: unknown) => e,
        );
        expect(pulumi.RunError.isInstance(error)).toBe(true);
        const message = (error as Error).message;
        expect(message).toContain("virtengine:regions[0].cidr");
        expect(message).toContain("virtengine:regions[1].zones[0]");
        expect(message).toMatch(/^invalid stack configuration \(2 problems\):/);
    });
});
