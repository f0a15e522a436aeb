// The disaster-recovery components alone, in three regions, as the network composes them.
import * as aws from "@pulumi/aws";
import { RegionBackups } from "../../../components/backup/region-backups";
import { BackupReplication } from "../../../components/cross-region/backup-replication";
import { ValidatorVolumeBackups } from "../../../components/cross-region/validator-volume-backups";
import { SnapshotterNode } from "../../../components/snapshotter/snapshotter-node";
import { ValidatorFleet } from "../../../components/validators/validator-fleet";
import { renderValidatorUserData } from "../../../components/validators/bootstrap";

const REGIONS = ["us-east-1", "eu-west-1", "ap-south-1"] as const;
const providers = Object.fromEntries(REGIONS.map((r) => [r, new aws.Provider(r, { region: r })]));
const backups = Object.fromEntries(
    REGIONS.map((r) => [
        r,
        new RegionBackups(`${r}-backups`, {
            provider: providers[r],
            region: r,
            environment: "production",
            bucketName: `virtengine-production-backups-${r}-123456789012`,
            protect: true,
        }),
    ]),
);
// Each region's alarm topic, as the region component makes it.
const topic = (r: string) => `arn:aws:sns:${r}:123456789012:virtengine-production-${r}-alarms`;
const member = (r: (typeof REGIONS)[number]) => ({
    region: r,
    provider: providers[r],
    bucket: backups[r].bucket!,
    alarmTopicArn: topic(r),
});
new BackupReplication("replication", {
    source: member("us-east-1"),
    destinations: [member("eu-west-1"), member("ap-south-1")],
});
new ValidatorVolumeBackups("volume-backups", {
    members: REGIONS.map((r) => ({
        region: r,
        provider: providers[r],
        vaultName: backups[r].vault.vaultName,
        vaultArn: backups[r].vault.vaultArn,
        alarmTopicArn: topic(r),
    })),
    copyTo: {
        "us-east-1": ["eu-west-1", "ap-south-1"],
        "eu-west-1": ["us-east-1", "ap-south-1"],
        "ap-south-1": ["us-east-1", "eu-west-1"],
    },
    environment: "production",
});
new SnapshotterNode("us-east-1-snapshotter", {
    provider: providers["us-east-1"],
    region: "us-east-1",
    vpcId: "vpc-0123",
    zones: ["us-east-1a", "us-east-1b"],
    subnetIds: { "us-east-1a": "subnet-private-a", "us-east-1b": "subnet-private-b" },
    instanceType: "r6i.xlarge",
    amiId: "ami-0123456789abcdef0",
    ebsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/ebs",
    volumeGiB: 1000,
    node: {
        chainId: "virtengine-1",
        rpcServers: ["https://eu-west-1.rpc.example.org:443", "https://ap-south-1.rpc.example.org:443"],
    },
    peerRpcs: ["https://eu-west-1.rpc.example.org:443", "https://ap-south-1.rpc.example.org:443"],
    bucket: {
        name: "virtengine-production-backups-us-east-1-123456789012",
        arn: "arn:aws:s3:::virtengine-production-backups-us-east-1-123456789012",
        region: "us-east-1",
    },
    signingKeyAlias: "virtengine-production-us-east-1-backup-signing",
    alarmTopicArn: topic("us-east-1"),
    protect: true,
});
new ValidatorFleet("us-east-1-validator", {
    provider: providers["us-east-1"],
    zones: ["us-east-1a"],
    count: 1,
    instanceType: "r6i.2xlarge",
    amiId: "ami-0123456789abcdef0",
    subnetIds: { "us-east-1a": "subnet-private-a" },
    securityGroupId: "sg-validator",
    instanceProfileName: "validator",
    kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/ebs",
    protect: true,
    userData: renderValidatorUserData({ chainId: "virtengine-1", doubleSignCheckHeight: 20 }),
});
