import type { RecordedResource } from "../../tools/harness/run-program";
import { find, withBackups } from "./backup-fixtures";
import { topology } from "./fixtures";
import { evaluate, messagesOf, of } from "./pack";

const POLICY = "backups-multi-region";
const messages = (resources: RecordedResource[], config?: unknown) => messagesOf(POLICY, resources, config);

describe("backups-multi-region", () => {
    it("passes chain-state backups in three regions and validator volumes copied to two others", async () => {
        expect(of(await evaluate(withBackups(topology())), POLICY)).toEqual([]);
    });

    it("refuses backups in two regions, mandatory, and names each region whose loss leaves one", async () => {
        const found = of(
            await evaluate(withBackups(topology(), { bucketRegions: ["us-east-1", "eu-west-1"] })),
            POLICY,
        );
        expect(found.map((d) => d.enforcementLevel)).toEqual(["mandatory", "mandatory", "mandatory"]);
        expect(found.map((d) => d.message)).toEqual([
            "chain-state backups are in 2 regions (eu-west-1, us-east-1); at least 3 are needed. Add regions to virtengine:backupRegions.",
            "losing us-east-1 would leave chain-state backups in 1 region (eu-west-1); at least 2 must remain",
            "losing eu-west-1 would leave chain-state backups in 1 region (us-east-1); at least 2 must remain",
        ]);
    });

    it("takes minRegions from config: two regions pass at minRegions 2", async () => {
        const two = withBackups(topology(), { bucketRegions: ["us-east-1", "eu-west-1"] });
        expect(await messages(two, { [POLICY]: { minRegions: 2, minRegionsAfterLoss: 1 } })).toEqual([]);
    });

    it("does not count an unversioned bucket, and says why", async () => {
        const resources = withBackups(topology());
        find(resources, "ap-south-1-versioning").inputs.versioningConfiguration = { status: "Suspended" };
        const found = await messages(resources);
        expect(found[0]).toMatch(/^backup bucket ap-south-1-chain-state is not versioned/);
        expect(found).toContain(
            "chain-state backups are in 2 regions (eu-west-1, us-east-1); at least 3 are needed. Add regions to virtengine:backupRegions.",
        );
    });

    it("refuses a bucket encrypted with another region's key", async () => {
        const resources = withBackups(topology());
        find(resources, "eu-west-1-encryption").propertyDependencies.rules = [
            find(resources, "us-east-1-backup-key").urn,
        ];
        expect((await messages(resources))[0]).toMatch(
            /^backup bucket eu-west-1-chain-state is encrypted with a key in us-east-1; use a key in eu-west-1/,
        );
    });

    it("refuses SSE-S3 and a bucket open to the public", async () => {
        const resources = withBackups(topology());
        const enc = find(resources, "us-east-1-encryption");
        enc.inputs.rules = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }];
        find(resources, "eu-west-1-public-access-block").inputs.restrictPublicBuckets = false;
        const found = await messages(resources);
        expect(found).toEqual(
            expect.arrayContaining([
                expect.stringMatching(/^backup bucket us-east-1-chain-state is not encrypted with SSE-KMS/),
                expect.stringMatching(/^backup bucket eu-west-1-chain-state does not block public access/),
            ]),
        );
    });

    it("refuses replication that carries delete markers or misses a bucket", async () => {
        const resources = withBackups(topology());
        const replication = find(resources, "replication");
        const rules = replication.inputs.rules as Record<string, unknown>[];
        rules[0].deleteMarkerReplication = { status: "Enabled" };
        replication.propertyDependencies.rules = replication.propertyDependencies.rules.filter(
            (u) => u !== find(resources, "ap-south-1-chain-state").urn,
        );
        const found = await messages(resources);
        expect(found).toEqual([
            expect.stringMatching(/^replication rule to-eu-west-1 of replication replicates delete markers/),
            "backup bucket ap-south-1-chain-state (ap-south-1) is reached by no replication rule",
        ]);
    });

    it("refuses validator volume recovery points copied to one other region only", async () => {
        const resources = withBackups(topology(), { copyTo: { "us-west-2": ["us-east-1"] } });
        expect(await messages(resources)).toEqual([
            "validator volume recovery points of us-west-2 are kept in 2 regions (us-east-1, us-west-2); at least 3 are needed: copy them to other regions",
            "losing us-east-1 would leave validator volume recovery points of us-west-2 in 1 region (us-west-2); at least 2 must remain",
            "losing us-west-2 would leave validator volume recovery points of us-west-2 in 1 region (us-east-1); at least 2 must remain",
        ]);
    });

    it("refuses validators whose region has no backup plan with a selection", async () => {
        const resources = withBackups(topology()).filter((r) => r.name !== "eu-west-1-volumes");
        expect(await messages(resources)).toContain(
            "validators in eu-west-1 have no AWS Backup plan with a selection in eu-west-1",
        );
    });

    it("refuses a vault encrypted with another region's key, or with none named", async () => {
        const resources = withBackups(topology());
        find(resources, "eu-west-1-vault").propertyDependencies.kmsKeyArn = [
            find(resources, "us-east-1-backup-key").urn,
        ];
        const plain = find(resources, "ap-south-1-vault");
        delete plain.inputs.kmsKeyArn;
        plain.propertyDependencies = {};
        expect(await messages(resources)).toEqual([
            "backup vault eu-west-1-vault is encrypted with a key in us-east-1; use a key in eu-west-1",
            "backup vault ap-south-1-vault names no kmsKeyArn; encrypt it with a customer key in ap-south-1",
        ]);
    });
});
