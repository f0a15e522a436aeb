import { runPolicyPack } from "../../tools/harness/policy/evaluate";
import { UNKNOWN, type RecordedResource } from "../../tools/harness/run-program";
import { find, inRegion, resource, topology } from "./fixtures";
import { evaluate, messagesOf, of } from "./pack";

const POLICY = "encrypted-volumes";
const VALIDATOR = "us-east-1-validator-0-us-east-1a";
const VOLUME = `${VALIDATOR}-data`;
const TEMPLATE = "us-east-1-full-node";

/** The default stack with `change` applied to the inputs of the named resource. */
function changed(name: string, change: (inputs: Record<string, unknown>) => void): RecordedResource[] {
    const resources = topology();
    change(find(resources, name).inputs);
    return resources;
}

const messages = (resources: RecordedResource[], config?: unknown) => messagesOf(POLICY, resources, config);

describe("encrypted-volumes", () => {
    it("passes encrypted volumes, root devices and launch template mappings", async () => {
        expect(of(await evaluate(topology()), POLICY)).toEqual([]);
    });

    describe("EBS volumes", () => {
        it("fails an unencrypted volume, naming it and the fix", async () => {
            const found = of(await evaluate(changed(VOLUME, (i) => (i.encrypted = false))), POLICY);
            expect(found).toHaveLength(1);
            expect(found[0].enforcementLevel).toBe("mandatory");
            expect(found[0].urn).toContain(VOLUME);
            expect(found[0].message).toBe(
                `volume ${VOLUME}: encrypted is false, so the volume is unencrypted; set it to true`,
            );
        });

        it("fails a volume that does not say (the account default is invisible to a preview)", async () => {
            expect(await messages(changed(VOLUME, (i) => delete i.encrypted))).toEqual([
                `volume ${VOLUME}: encrypted is not set, so the volume is unencrypted; set it to true`,
            ]);
        });

        it("says an encrypted flag unknown in the preview cannot be verified", async () => {
            expect(await messages(changed(VOLUME, (i) => (i.encrypted = UNKNOWN)))).toEqual([
                expect.stringContaining("encryption cannot be verified during preview: encrypted is not known"),
            ]);
        });
    });

    describe("instances", () => {
        it("fails an unencrypted root device", async () => {
            const resources = topology({ "us-east-1": { validators: [{ zone: "a", rootEncrypted: false }] } });
            expect(await messages(resources)).toEqual([
                `instance ${VALIDATOR}: rootBlockDevice.encrypted is false, so the volume is unencrypted; set it to true`,
            ]);
        });

        it("fails an instance without rootBlockDevice, saying to set it", async () => {
            expect(await messages(changed(VALIDATOR, (i) => delete i.rootBlockDevice))).toEqual([
                expect.stringMatching(/sets no rootBlockDevice, .*set rootBlockDevice: \{ encrypted: true \}$/),
            ]);
        });

        it("checks every EBS block device, naming the unencrypted one", async () => {
            const resources = changed(VALIDATOR, (i) => {
                i.ebsBlockDevices = [
                    { deviceName: "/dev/sdf", encrypted: true },
                    { deviceName: "/dev/sdg", volumeSize: 100 },
                ];
            });
            expect(await messages(resources)).toEqual([
                `instance ${VALIDATOR}: ebsBlockDevices[/dev/sdg].encrypted is not set, so the volume is unencrypted; ` +
                    `set it to true`,
            ]);
        });
    });

    describe("launch templates", () => {
        it('fails a mapping with encrypted "false" (launch templates use strings)', async () => {
            const resources = changed(TEMPLATE, (i) => {
                i.blockDeviceMappings = [
                    { deviceName: "/dev/sda1", ebs: { encrypted: "true" } },
                    { deviceName: "/dev/sdf", ebs: { encrypted: "false", volumeSize: 500 } },
                ];
            });
            expect(await messages(resources)).toEqual([
                `launch template ${TEMPLATE}: blockDeviceMappings[/dev/sdf].ebs.encrypted is false, ` +
                    `so the volume is unencrypted; set it to "true"`,
            ]);
        });

        it("fails a template without EBS mappings (the AMI's defaults would apply)", async () => {
            const none = changed(TEMPLATE, (i) => delete i.blockDeviceMappings);
            expect(await messages(none)).toEqual([expect.stringContaining("has no EBS blockDeviceMappings")]);
            // An instance-store mapping encrypts nothing on EBS.
            const ephemeral = changed(TEMPLATE, (i) => {
                i.blockDeviceMappings = [{ deviceName: "/dev/sdb", virtualName: "ephemeral0" }];
            });
            expect(await messages(ephemeral)).toEqual([expect.stringContaining("has no EBS blockDeviceMappings")]);
        });

        it("says mappings unknown in the preview cannot be verified", async () => {
            expect(await messages(changed(TEMPLATE, (i) => (i.blockDeviceMappings = UNKNOWN)))).toEqual([
                expect.stringContaining("cannot be verified during preview: blockDeviceMappings is not known"),
            ]);
        });
    });

    it("looks at nothing else", async () => {
        const resources = topology();
        resources.push(
            resource("aws:s3/bucket:Bucket", "plain", { encrypted: false }, inRegion(resources, "us-east-1")),
        );
        expect(await messages(resources)).toEqual([]);
    });

    describe("requireCustomerManagedKey", () => {
        const cmk = { [POLICY]: { requireCustomerManagedKey: true } };

        it("is off by default: the root devices and mappings without kmsKeyId pass", async () => {
            expect(await messages(topology({ "us-east-1": { validators: ["a"] } }))).toEqual([]);
        });

        it("when on, fails devices without kmsKeyId and counts an unknown (computed) key ARN as set", async () => {
            const found = await messages(topology({ "us-east-1": { validators: ["a"] } }), cmk);
            // The data volume's kmsKeyId is unknown (from a key in the stack): set.
            expect(found.sort()).toEqual([
                `instance ${VALIDATOR}: rootBlockDevice.kmsKeyId is not set; this stack requires a customer-managed ` +
                    `key (requireCustomerManagedKey), so set it to the region's EBS KMS key ARN`,
                expect.stringContaining(
                    `launch template ${TEMPLATE}: blockDeviceMappings[/dev/sda1].ebs.kmsKeyId is not set`,
                ),
            ]);
        });

        it("when on, passes every device with a key", async () => {
            const resources = topology({ "us-east-1": { validators: ["a"] } });
            (find(resources, VALIDATOR).inputs.rootBlockDevice as Record<string, unknown>).kmsKeyId = UNKNOWN;
            const [mapping] = find(resources, TEMPLATE).inputs.blockDeviceMappings as {
                ebs: Record<string, unknown>;
            }[];
            mapping.ebs.kmsKeyId = "arn:aws:kms:us-east-1:111122223333:key/abc";
            expect(await messages(resources, cmk)).toEqual([]);
            find(resources, VOLUME).inputs.kmsKeyId = "";
            expect(await messages(resources, cmk)).toEqual([
                expect.stringContaining(`volume ${VOLUME}: kmsKeyId is not set`),
            ]);
        });
    });

    describe("config", () => {
        it("can be disabled or lowered to advisory", async () => {
            const plain = changed(VOLUME, (i) => (i.encrypted = false));
            expect(of(await evaluate(plain, { [POLICY]: "disabled" }), POLICY)).toEqual([]);
            const advisory = of(await evaluate(plain, { [POLICY]: { enforcementLevel: "advisory" } }), POLICY);
            expect(advisory.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
        });

        it("rejects a setting that is not a boolean and one it does not have", async () => {
            const bad = await runPolicyPack(topology(), {
                config: { [POLICY]: { requireCustomerManagedKey: "yes", kmsKey: "x" } },
                source: "x.json",
            });
            expect(bad.ok).toBe(false);
            if (bad.ok) return;
            expect(bad.problems).toEqual(
                expect.arrayContaining([
                    expect.stringMatching(/^x\.json: encrypted-volumes\.requireCustomerManagedKey: must be boolean/),
                    expect.stringMatching(/^x\.json: encrypted-volumes\.kmsKey: not a setting of encrypted-volumes/),
                ]),
            );
        });
    });
});
