import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions, invokeOptions } from "../common/child-options";
import { BACKUP_CLASS_VALIDATOR_VOLUME, mergeTags, TAG_BACKUP, type Tags } from "../common/tags";
import { notifies } from "../monitoring/alarm-topic";

/** One region's vault, with the provider of its region. */
export interface VaultMember {
    region: string;
    provider: aws.Provider;
    vaultName: pulumi.Input<string>;
    vaultArn: pulumi.Input<string>;
    /** The region's alarm topic: its backup, copy and restore-test alarms notify it. */
    alarmTopicArn: pulumi.Input<string>;
}

export interface ValidatorVolumeBackupsArgs {
    /** Every region's vault, in config order. */
    members: readonly VaultMember[];
    /** Destination regions per source region (see components/backup/placement.ts `copyDestinations`). */
    copyTo: Record<string, readonly string[]>;
    /** Environment name, for plan and role names. */
    environment: string;
    /** AWS Backup schedule (cron in UTC). Default every 6 hours. */
    schedule?: string;
    /** Days recovery points and their copies are kept. Default 90. */
    retentionDays?: number;
    /** Restore-test schedule (cron in UTC). Default weekly, Saturday 06:00. */
    restoreTestSchedule?: string;
    /** Tags for every child. */
    tags?: Tags;
}

/** Selecting by this resource pattern is what keeps instances out: only EBS volumes can match. */
export const VOLUME_RESOURCE_PATTERN = "arn:aws:ec2:*:*:volume/*";

/**
 * AWS Backup for validator data volumes: per region a plan whose rule copies
 * every recovery point to two other regions' vaults, a selection of volumes
 * tagged `virtengine:backup = validator-volume` (never instances: restoring
 * an instance would boot a second signer), a restore-testing plan that
 * restores the newest recovery point as a detached volume each week so the
 * restore time is measured, and alarms on failed backup, copy and restore
 * jobs. Built from every region's vault, hence cross-region.
 */
export class ValidatorVolumeBackups extends pulumi.ComponentResource {
    /** Plan id by region. */
    public readonly planIds: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: ValidatorVolumeBackupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:cross-region:ValidatorVolumeBackups", name, {}, opts);
        const retentionDays = args.retentionDays ?? 90;
        const byRegion = new Map(args.members.map((m) => [m.region, m]));
        const [first] = args.members;
        if (first === undefined) throw new pulumi.ResourceError(`${name}: no regions`, this);

        // IAM is global: one service role, created through the first region's provider.
        const partition = aws.getPartitionOutput({}, invokeOptions(this, first.provider));
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                description: "AWS Backup: back up, copy and restore-test VirtEngine validator data volumes",
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" },
                    ],
                }),
                tags: mergeTags(`${name}-role`, args.tags),
            },
            childOptions(this, first.provider),
        );
        for (const [suffix, policy] of [
            ["backup", "AWSBackupServiceRolePolicyForBackup"],
            ["restore", "AWSBackupServiceRolePolicyForRestores"],
        ] as const) {
            new aws.iam.RolePolicyAttachment(
                `${name}-${suffix}`,
                {
                    role: role.name,
                    policyArn: pulumi.interpolate`arn:${partition.partition}:iam::aws:policy/service-role/${policy}`,
                },
                childOptions(this, first.provider),
            );
        }

        this.planIds = {};
        for (const m of args.members) {
            const child = childOptions(this, m.provider);
            const destinations = (args.copyTo[m.region] ?? []).map((region) => {
                const d = byRegion.get(region);
                if (d === undefined || region === m.region) {
                    throw new pulumi.ResourceError(`${name}: ${m.region} cannot copy to ${region}`, this);
                }
                return d;
            });
            const plan = new aws.backup.Plan(
                `${name}-${m.region}-plan`,
                {
                    name: `virtengine-${args.environment}-validator-volumes`,
                    rules: [
                        {
                            ruleName: "validator-volumes",
                            targetVaultName: m.vaultName,
                            schedule: args.schedule ?? "cron(0 0/6 * * ? *)",
                            startWindow: 60,
                            completionWindow: 360,
                            lifecycle: { deleteAfter: retentionDays },
                            copyActions: destinations.map((d) => ({
                                destinationVaultArn: d.vaultArn,
                                lifecycle: { deleteAfter: retentionDays },
                            })),
                            recoveryPointTags: { [TAG_BACKUP]: BACKUP_CLASS_VALIDATOR_VOLUME },
                        },
                    ],
                    tags: mergeTags(`${name}-${m.region}-plan`, args.tags),
                },
                child,
            );
            new aws.backup.Selection(
                `${name}-${m.region}-volumes`,
                {
                    name: "validator-data-volumes",
                    planId: plan.id,
                    iamRoleArn: role.arn,
                    resources: [VOLUME_RESOURCE_PATTERN],
                    selectionTags: [{ type: "STRINGEQUALS", key: TAG_BACKUP, value: BACKUP_CLASS_VALIDATOR_VOLUME }],
                },
                child,
            );

            const testPlanName = `virtengine_${args.environment}_validator_volumes`;
            const testPlan = new aws.backup.RestoreTestingPlan(
                `${name}-${m.region}-restore-test`,
                {
                    name: testPlanName,
                    scheduleExpression: args.restoreTestSchedule ?? "cron(0 6 ? * SAT *)",
                    startWindowHours: 4,
                    recoveryPointSelection: {
                        algorithm: "LATEST_WITHIN_WINDOW",
                        includeVaults: [m.vaultArn],
                        recoveryPointTypes: ["SNAPSHOT"],
                        selectionWindowDays: 7,
                    },
                    tags: mergeTags(`${name}-${m.region}-restore-test`, args.tags),
                },
                child,
            );
            new aws.backup.RestoreTestingSelection(
                `${name}-${m.region}-restore-test-volumes`,
                {
                    name: "validator_data_volumes",
                    restoreTestingPlanName: testPlan.name,
                    protectedResourceType: "EBS",
                    iamRoleArn: role.arn,
                    protectedResourceConditions: {
                        stringEquals: [{ key: `aws:ResourceTag/${TAG_BACKUP}`, value: BACKUP_CLASS_VALIDATOR_VOLUME }],
                    },
                    // Restored as a detached volume, checked, then deleted: nothing boots from it.
                    validationWindowHours: 1,
                },
                child,
            );

            for (const [suffix, metric, what] of [
                ["backup-failed", "NumberOfBackupJobsFailed", "backups"],
                ["copy-failed", "NumberOfCopyJobsFailed", "cross-region copies"],
                ["restore-test-failed", "NumberOfRestoreJobsFailed", "restore tests"],
            ] as const) {
                new aws.cloudwatch.MetricAlarm(
                    `${name}-${m.region}-${suffix}`,
                    {
                        alarmDescription: `AWS Backup ${what} of validator volumes failed in ${m.region}.`,
                        namespace: "AWS/Backup",
                        metricName: metric,
                        dimensions: { ResourceType: "EBS" },
                        statistic: "Sum",
                        period: 3600,
                        evaluationPeriods: 1,
                        comparisonOperator: "GreaterThanThreshold",
                        threshold: 0,
                        treatMissingData: "notBreaching",
                        ...notifies(m.alarmTopicArn),
                        tags: mergeTags(`${name}-${m.region}-${suffix}`, args.tags),
                    },
                    child,
                );
            }
            this.planIds[m.region] = plan.id;
        }
        this.registerOutputs({ planIds: this.planIds });
    }
}
