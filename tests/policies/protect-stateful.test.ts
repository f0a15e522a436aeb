import { runPolicyPack } from "../../tools/harness/policy/evaluate";
import { UNKNOWN, type RecordedResource } from "../../tools/harness/run-program";
import { find, inRegion, resource, topology } from "./fixtures";
import { evaluate, messagesOf, of } from "./pack";
import { evaluateWithStackConfig } from "./stack-run";

const POLICY = "protect-stateful";
const VALIDATOR = "us-east-1-validator-0-us-east-1a";

/** One region, one validator (with its data volume): `protect` on both as given. */
const oneValidator = (protect: boolean) => topology({ "us-east-1": { validators: [{ zone: "a", protect }] } });

/** The default stack plus one resource in us-east-1. */
function withResource(type: string, name: string, protect: boolean): RecordedResource[] {
    const resources = topology();
    resources.push(resource(type, name, {}, { ...inRegion(resources, "us-east-1"), protect }));
    return resources;
}

const messages = (resources: RecordedResource[], config?: unknown) => messagesOf(POLICY, resources, config);

describe("protect-stateful", () => {
    it("passes protected validators and volumes", async () => {
        expect(of(await evaluate(topology()), POLICY)).toEqual([]);
    });

    it("reports an unprotected validator and its volume, advisory by default, naming them and the fix", async () => {
        const found = of(await evaluate(oneValidator(false)), POLICY);
        expect(found.map((d) => d.enforcementLevel)).toEqual(["advisory", "advisory"]);
        expect(found.map((d) => d.message)).toEqual([
            `validator ${VALIDATOR} is not protected; set protect: true on it so that pulumi destroy or a ` +
                `replacing change cannot delete it`,
            expect.stringMatching(
                new RegExp(`^validator volume ${VALIDATOR}-data is not protected; set protect: true`),
            ),
        ]);
        expect(found.map((d) => d.urn)).toEqual([
            find(oneValidator(false), VALIDATOR).urn,
            find(oneValidator(false), `${VALIDATOR}-data`).urn,
        ]);
    });

    it("counts an untagged volume attached to a validator as the validator's, and ignores other volumes", async () => {
        const resources = topology();
        const validator = find(resources, VALIDATOR);
        const region = inRegion(resources, "us-east-1");
        const volume = resource("aws:ebs/volume:Volume", "scratch", { encrypted: true }, region);
        const spare = resource("aws:ebs/volume:Volume", "spare", { encrypted: true }, region);
        const attachment = resource(
            "aws:ec2/volumeAttachment:VolumeAttachment",
            "scratch-attachment",
            { deviceName: "/dev/sdg", instanceId: UNKNOWN, volumeId: UNKNOWN },
            { ...region, propertyDependencies: { instanceId: [validator.urn], volumeId: [volume.urn] } },
        );
        resources.push(volume, spare, attachment);
        expect(await messages(resources)).toEqual([
            expect.stringMatching(/^validator volume scratch is not protected/),
        ]);
    });

    it.each([
        ["aws:route53/zone:Zone", "hosted zone"],
        ["aws:s3/bucket:Bucket", "bucket"],
        ["aws:s3/bucketV2:BucketV2", "bucket"],
    ])("reports an unprotected %s and passes a protected one", async (type, word) => {
        expect(await messages(withResource(type, "stateful", false))).toEqual([
            `${word} stateful is not protected; set protect: true on it so that pulumi destroy or a ` +
                `replacing change cannot delete it`,
        ]);
        expect(await messages(withResource(type, "stateful", true))).toEqual([]);
    });

    it("leaves other types alone", async () => {
        expect(await messages(withResource("aws:kms/key:Key", "ebs-key", false))).toEqual([]);
    });

    describe("config", () => {
        it("protects additionalTypes too", async () => {
            const config = { [POLICY]: { additionalTypes: ["aws:kms/key:Key"] } };
            expect(await messages(withResource("aws:kms/key:Key", "ebs-key", false), config)).toEqual([
                expect.stringMatching(/^aws:kms\/key:Key ebs-key is not protected; set protect: true/),
            ]);
            expect(await messages(withResource("aws:kms/key:Key", "ebs-key", true), config)).toEqual([]);
        });

        it("is mandatory when configured so (a level raised, or all)", async () => {
            for (const config of [{ [POLICY]: "mandatory" }, { all: "mandatory" }]) {
                const found = of(await evaluate(oneValidator(false), config), POLICY);
                expect(found.map((d) => d.enforcementLevel)).toEqual(["mandatory", "mandatory"]);
            }
        });

        it("is mandatory with policies/config/production.json and advisory with staging.json", async () => {
            for (const [stack, level] of [
                ["production", "mandatory"],
                ["staging", "advisory"],
            ]) {
                const found = of(await evaluateWithStackConfig(stack, oneValidator(false)), POLICY);
                expect(found.map((d) => d.enforcementLevel)).toEqual([level, level]);
            }
        });

        it("can be disabled", async () => {
            expect(of(await evaluate(oneValidator(false), { [POLICY]: "disabled" }), POLICY)).toEqual([]);
        });

        it("rejects additionalTypes that are not type tokens", async () => {
            const bad = await runPolicyPack(topology(), {
                config: { [POLICY]: { additionalTypes: ["Key"] } },
                source: "x.json",
            });
            expect(bad.ok).toBe(false);
            if (!bad.ok) {
                expect(bad.problems).toEqual([
                    expect.stringMatching(/^x\.json: protect-stateful\.additionalTypes\.0: must match pattern/),
                ]);
            }
        });
    });
});
