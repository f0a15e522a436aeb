import type { RecordedResource } from "../../tools/harness/run-program";
import { UNKNOWN } from "../../tools/harness/run-program";
import { find, safeValidators, withBackups } from "./backup-fixtures";
import { inRegion, resource, topology } from "./fixtures";
import { evaluate, messagesOf, of } from "./pack";

const POLICY = "validator-safe-replacement";
const VALIDATOR = "us-east-1-validator-0-us-east-1a";
const healthy = () => safeValidators(withBackups(topology()));
const messages = (resources: RecordedResource[]) => messagesOf(POLICY, resources);

describe("validator-safe-replacement", () => {
    it("passes protected, delete-before-replace validators that ignore ami and userData, and volume selections", async () => {
        expect(of(await evaluate(healthy()), POLICY)).toEqual([]);
    });

    it("passes a validator that is only protected, and one that is only delete-before-replace", async () => {
        const resources = healthy();
        find(resources, VALIDATOR).deleteBeforeReplace = undefined;
        find(resources, "eu-west-1-validator-0-eu-west-1a").protect = false;
        expect(await messages(resources)).toEqual([]);
    });

    it("refuses a validator neither protected nor delete-before-replace, mandatory", async () => {
        const resources = healthy();
        const v = find(resources, VALIDATOR);
        v.protect = false;
        v.deleteBeforeReplace = undefined;
        const found = of(await evaluate(resources), POLICY);
        expect(found.map((d) => [d.enforcementLevel, d.urn])).toEqual([["mandatory", v.urn]]);
        expect(found[0].message).toMatch(
            /^validator us-east-1-validator-0-us-east-1a is neither protected nor deleteBeforeReplace/,
        );
    });

    it("refuses a validator that does not ignore userData", async () => {
        const resources = healthy();
        find(resources, VALIDATOR).ignoreChanges = ["ami"];
        expect(await messages(resources)).toEqual([
            expect.stringMatching(/^validator us-east-1-validator-0-us-east-1a does not ignore changes to userData:/),
        ]);
    });

    it("refuses a validator in an Auto Scaling group (by its tags or by its launch template)", async () => {
        const resources = healthy();
        const template = find(resources, "us-east-1-full-node");
        template.inputs.tags = { "virtengine:role": "validator" };
        const found = await messages(resources);
        expect(found).toEqual([
            expect.stringMatching(/^launch template us-east-1-full-node launches validators/),
            "Auto Scaling group us-east-1-full-node-asg launches from validator template us-east-1-full-node",
        ]);
    });

    it("refuses a backup selection of validator instances, by tag over all EC2 resources", async () => {
        const resources = healthy();
        const selection = find(resources, "us-east-1-volumes");
        selection.inputs.resources = ["arn:aws:ec2:*:*:instance/*"];
        selection.inputs.selectionTags = [{ type: "STRINGEQUALS", key: "virtengine:role", value: "validator" }];
        expect(await messages(resources)).toEqual([
            expect.stringMatching(
                /^backup selection us-east-1-volumes can select validator instances us-east-1-validator-0-us-east-1a, .*restoring an instance boots a second signer/,
            ),
        ]);
    });

    it("refuses a selection naming a validator instance, and one with no resource pattern", async () => {
        const resources = healthy();
        const where = inRegion(resources, "us-east-1");
        resources.push(
            resource(
                "aws:backup/selection:Selection",
                "named",
                { planId: UNKNOWN, iamRoleArn: UNKNOWN, resources: [UNKNOWN] },
                { ...where, propertyDependencies: { resources: [find(resources, VALIDATOR).urn] } },
            ),
            resource(
                "aws:backup/selection:Selection",
                "everything-tagged",
                {
                    planId: UNKNOWN,
                    iamRoleArn: UNKNOWN,
                    selectionTags: [{ type: "STRINGEQUALS", key: "virtengine:role", value: "validator" }],
                },
                where,
            ),
        );
        const found = await messages(resources);
        expect(found).toEqual([
            expect.stringMatching(
                /^backup selection named can select validator instance us-east-1-validator-0-us-east-1a:/,
            ),
            expect.stringMatching(/^backup selection everything-tagged can select validator instances/),
        ]);
    });

    it("passes a validator-tagged selection restricted to volumes", async () => {
        const resources = healthy();
        find(resources, "us-east-1-volumes").inputs.selectionTags = [
            { type: "STRINGEQUALS", key: "virtengine:role", value: "validator" },
        ];
        expect(await messages(resources)).toEqual([]);
    });
});
