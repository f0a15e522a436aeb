/**
 * @jest-environment ./tests/harness/host-process-environment.ts
 */
import { execFileSync } from "node:child_process";
import type { RecordedResource } from "../../tools/harness/run-program";
import { runIsolated } from "../harness/run-isolated";
import * as path from "node:path";

/*
 * The DR components alone (tests/dr/programs/dr-components.ts), under the
 * mocks in update mode, so computed ARNs and rendered policies are there to
 * read; checked for what they made.
 */

let resources: RecordedResource[];
beforeAll(async () => {
    const run = await runIsolated({
        project: "virtengine",
        stack: "test",
        config: {},
        preview: false,
        program: path.resolve(__dirname, "programs/dr-components.ts"),
    });
    resources = run.resources;
});

const ofType = (type: string) => resources.filter((r) => r.type === type);
const named = (name: string) => {
    const r = resources.find((x) => x.name === name);
    if (!r) throw new Error(`no resource ${name}`);
    return r;
};
const byUrn = (urn: string) => resources.find((r) => r.urn === urn)!;
const json = (r: RecordedResource, key: string) => JSON.parse(r.inputs[key] as string);

describe("backup buckets", () => {
    it("are protected, Object Lock enabled, tagged as chain-state backups, one per region", () => {
        const buckets = ofType("aws:s3/bucket:Bucket");
        expect(buckets.map((b) => b.providerRegion).sort()).toEqual(["ap-south-1", "eu-west-1", "us-east-1"]);
        for (const b of buckets) {
            expect(b.protect).toBe(true);
            expect(b.inputs).toMatchObject({ objectLockEnabled: true, forceDestroy: false });
            expect((b.inputs.tags as Record<string, string>)["virtengine:backup"]).toBe("chain-state");
        }
    });

    it("are versioned, block public access and encrypt with a KMS key of their own region", () => {
        for (const b of ofType("aws:s3/bucket:Bucket")) {
            const on = (type: string) =>
                resources.filter((r) => r.type === type && r.propertyDependencies.bucket?.includes(b.urn));
            expect(on("aws:s3/bucketVersioning:BucketVersioning")[0].inputs.versioningConfiguration).toEqual({
                status: "Enabled",
            });
            expect(on("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")[0].inputs).toMatchObject({
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            });
            const [enc] = on("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
            const rule = (enc.inputs.rules as Record<string, Record<string, string>>[])[0];
            expect(rule.applyServerSideEncryptionByDefault.sseAlgorithm).toBe("aws:kms");
            expect(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId).toMatch(
                new RegExp(`^arn:aws:kms:${b.providerRegion}:`),
            );
        }
    });

    it("expire 4-hourly archives after 2 days and dailies after 90, clean old versions and failed uploads, lock for 2 days", () => {
        const lifecycle = named("us-east-1-backups-chain-state-lifecycle").inputs.rules as Record<string, unknown>[];
        expect(lifecycle).toEqual([
            expect.objectContaining({ filter: { prefix: "chain-state/4h/" }, expiration: { days: 2 } }),
            expect.objectContaining({ filter: { prefix: "chain-state/daily/" }, expiration: { days: 90 } }),
            expect.objectContaining({
                noncurrentVersionExpiration: { noncurrentDays: 7 },
                abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
            }),
        ]);
        expect(named("us-east-1-backups-chain-state-object-lock").inputs.rule).toEqual({
            defaultRetention: { mode: "GOVERNANCE", days: 2 },
        });
    });
});

describe("replication", () => {
    const config = () => ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig");

    it("is one configuration on the primary with a rule per destination, each re-encrypting with the destination's key", () => {
        expect(config()).toHaveLength(1);
        const [c] = config();
        expect(c.providerRegion).toBe("us-east-1");
        const rules = c.inputs.rules as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
        expect(rules.map((r) => [r.id, r.priority])).toEqual([
            ["to-eu-west-1", 1],
            ["to-ap-south-1", 2],
        ]);
        for (const r of rules) {
            const region = r.id.slice(3);
            expect(r.deleteMarkerReplication).toEqual({ status: "Disabled" });
            expect(r.sourceSelectionCriteria).toEqual({ sseKmsEncryptedObjects: { status: "Enabled" } });
            expect(r.destination.bucket).toBe(`arn:aws:s3:::virtengine-production-backups-${region}-123456789012`);
            expect(r.destination.encryptionConfiguration.replicaKmsKeyId).toMatch(
                new RegExp(`^arn:aws:kms:${region}:`),
            );
            expect(r.destination.replicationTime).toEqual({ status: "Enabled", time: { minutes: 15 } });
            expect(r.destination.metrics).toEqual({ status: "Enabled", eventThreshold: { minutes: 15 } });
        }
        // Waits for versioning on every bucket.
        const versioning = ofType("aws:s3/bucketVersioning:BucketVersioning").map((v) => v.urn);
        expect(c.dependencies).toEqual(expect.arrayContaining(versioning));
    });

    it("has a role that may replicate objects but never deletes, and use each key only through its region's S3", () => {
        const doc = json(named("replication-policy"), "policy");
        const actions = doc.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat());
        expect(actions).not.toContain("s3:ReplicateDelete");
        expect(actions.filter((a: string) => a.endsWith("*"))).toEqual([]);
        for (const s of doc.Statement.filter((x: { Action: string | string[] }) =>
            [x.Action].flat()[0].startsWith("kms:"),
        )) {
            const region = (s.Resource as string).split(":")[3];
            expect(s.Condition).toEqual({ StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } });
        }
    });

    it("alarms on failed and late replication per destination", () => {
        const alarms = ofType("aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) =>
            a.name.startsWith("replication-"),
        );
        expect(
            alarms.map((a) => [a.inputs.metricName, (a.inputs.dimensions as Record<string, string>).RuleId]).sort(),
        ).toEqual([
            ["OperationsFailedReplication", "to-ap-south-1"],
            ["OperationsFailedReplication", "to-eu-west-1"],
            ["ReplicationLatency", "to-ap-south-1"],
            ["ReplicationLatency", "to-eu-west-1"],
        ]);
    });
});

describe("validator volume backups", () => {
    it("select volumes by tag and never instances", () => {
        for (const s of ofType("aws:backup/selection:Selection")) {
            expect(s.inputs.resources).toEqual(["arn:aws:ec2:*:*:volume/*"]);
            expect(s.inputs.selectionTags).toEqual([
                { type: "STRINGEQUALS", key: "virtengine:backup", value: "validator-volume" },
            ]);
        }
    });

    it("copy every recovery point to two other regions' vaults, kept 90 days", () => {
        for (const plan of ofType("aws:backup/plan:Plan")) {
            const [rule] = plan.inputs.rules as {
                copyActions: { destinationVaultArn: string; lifecycle: object }[];
                lifecycle: object;
            }[];
            expect(rule.lifecycle).toEqual({ deleteAfter: 90 });
            const regions = rule.copyActions.map((c) => c.destinationVaultArn.split(":")[3]);
            expect(regions).toHaveLength(2);
            expect(regions).not.toContain(plan.providerRegion);
            for (const c of rule.copyActions) expect(c.lifecycle).toEqual({ deleteAfter: 90 });
        }
    });

    it("restore-test the newest volume recovery point of each region's vault", () => {
        for (const t of ofType("aws:backup/restoreTestingSelection:RestoreTestingSelection")) {
            expect(t.inputs.protectedResourceType).toBe("EBS");
            expect(t.inputs.protectedResourceConditions).toEqual({
                stringEquals: [{ key: "aws:ResourceTag/virtengine:backup", value: "validator-volume" }],
            });
        }
        for (const p of ofType("aws:backup/restoreTestingPlan:RestoreTestingPlan")) {
            const selection = p.inputs.recoveryPointSelection as { includeVaults: string[]; algorithm: string };
            expect(selection.algorithm).toBe("LATEST_WITHIN_WINDOW");
            expect(selection.includeVaults[0]).toMatch(new RegExp(`^arn:aws:backup:${p.providerRegion}:`));
        }
    });

    it("keep vaults encrypted and locked", () => {
        for (const v of ofType("aws:backup/vault:Vault")) {
            expect(v.inputs.kmsKeyArn).toMatch(new RegExp(`^arn:aws:kms:${v.providerRegion}:`));
            expect(v.protect).toBe(true);
        }
        expect(ofType("aws:backup/vaultLockConfiguration:VaultLockConfiguration")).toHaveLength(3);
    });
});

describe("the snapshotter", () => {
    const group = () => named("us-east-1-snapshotter-asg");
    const userData = () =>
        Buffer.from(named("us-east-1-snapshotter-launch-template").inputs.userData as string, "base64").toString(
            "utf8",
        );

    it("is an Auto Scaling group of exactly one, in no target group, with its own role tag, in private subnets", () => {
        expect(group().inputs).toMatchObject({ minSize: 1, maxSize: 1, desiredCapacity: 1, targetGroupArns: [] });
        expect(group().inputs.vpcZoneIdentifiers).toEqual(["subnet-private-a", "subnet-private-b"]);
        expect(group().inputs.tags).toContainEqual({
            key: "virtengine:role",
            value: "snapshotter",
            propagateAtLaunch: true,
        });
    });

    it("boots as a full node by state sync, then installs the job with a 4-hourly randomised timer; no secrets", () => {
        const text = userData();
        expect(() => execFileSync("bash", ["-n"], { input: text })).not.toThrow();
        expect(text).toContain("VIRTENGINE_STATESYNC_ENABLE=true");
        expect(text).toContain("OnCalendar=*-*-* 00/4:00:00");
        expect(text).toContain("RandomizedDelaySec=30min");
        expect(text).toContain("BACKUP_BUCKET=virtengine-production-backups-us-east-1-123456789012");
        expect(text).toContain("SIGNING_KEY_ID=alias/virtengine-production-us-east-1-backup-signing");
        expect(text).toContain("systemctl enable --now virtengine-snapshot.timer");
        expect(text).not.toMatch(/mnemonic|BEGIN .*PRIVATE|priv_key/i);
    });

    it("may only write archive keys, sign with its own key and put its own metrics", () => {
        const doc = json(named("us-east-1-snapshotter-backup-writer"), "policy");
        const byAction = Object.fromEntries(
            doc.Statement.map((s: { Action: string | string[]; Resource: unknown }) => [
                [s.Action].flat().join(","),
                s.Resource,
            ]),
        );
        expect(byAction["s3:PutObject"]).toEqual([
            "arn:aws:s3:::virtengine-production-backups-us-east-1-123456789012/chain-state/4h/*",
            "arn:aws:s3:::virtengine-production-backups-us-east-1-123456789012/chain-state/daily/*",
        ]);
        expect(byAction["kms:Sign,kms:GetPublicKey"]).toMatch(/^arn:aws:kms:us-east-1:/);
        const actions = doc.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat());
        expect(actions).not.toEqual(expect.arrayContaining([expect.stringMatching(/Delete|\*$/)]));
    });

    it("signs with an asymmetric ECC key, and its SSM document starts the same service", () => {
        expect(named("us-east-1-snapshotter-signing-key").inputs).toMatchObject({
            keyUsage: "SIGN_VERIFY",
            customerMasterKeySpec: "ECC_NIST_P256",
        });
        const doc = json(named("us-east-1-snapshotter-run-backup"), "content");
        expect(doc.mainSteps[0].inputs.runCommand[0]).toBe("systemctl start --wait virtengine-snapshot.service");
    });

    it("alarms when no backup succeeded for two runs, and when the job stops reporting", () => {
        expect(named("us-east-1-snapshotter-backup-stale").inputs).toMatchObject({
            namespace: "VirtEngine/ChainStateBackup",
            metricName: "SecondsSinceLastSuccess",
            threshold: 2 * 4 * 3600 + 3600,
            treatMissingData: "breaching",
        });
    });
});

describe("alarm notifications", () => {
    it("has every DR alarm notify, and clear to, the alarm topic of the region it lives in", () => {
        const alarms = ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        // replication (2 x 2), the stale snapshotter backup, validator-volume jobs (3 x 3)
        expect(alarms).toHaveLength(14);
        for (const alarm of alarms) {
            const topic = `arn:aws:sns:${alarm.providerRegion}:123456789012:virtengine-production-${alarm.providerRegion}-alarms`;
            expect({ name: alarm.name, actions: alarm.inputs.alarmActions, ok: alarm.inputs.okActions }).toEqual({
                name: alarm.name,
                actions: [topic],
                ok: [topic],
            });
        }
    });
});

describe("validators", () => {
    it("write double_sign_check_height at boot, never start the node, and are never replaced by a changed image or script", () => {
        const v = named("us-east-1-validator-0-us-east-1a");
        const text = v.inputs.userData as string;
        expect(text).toContain("\nVIRTENGINE_CONSENSUS_DOUBLE_SIGN_CHECK_HEIGHT=20\n");
        expect(text).not.toMatch(/systemctl (enable|start)/);
        expect(v.ignoreChanges).toEqual(expect.arrayContaining(["ami", "userData"]));
        expect(v.deleteBeforeReplace).toBe(true);
        const volume = byUrn(resources.find((r) => r.name === "us-east-1-validator-0-us-east-1a-data")!.urn);
        expect((volume.inputs.tags as Record<string, string>)["virtengine:backup"]).toBe("validator-volume");
    });
});
