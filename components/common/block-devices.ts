import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/**
 * A launch template's block device: gp3, encrypted with the given KMS key,
 * deleted with the instance. Launch templates take these flags as strings.
 * Every node launch template uses it, so none can leave a volume unencrypted
 * (the pack's `encrypted-volumes` checks the same).
 */
export function encryptedGp3Device(
    deviceName: string,
    sizeGiB: pulumi.Input<number>,
    kmsKeyArn: pulumi.Input<string>,
): aws.types.input.ec2.LaunchTemplateBlockDeviceMapping {
    return {
        deviceName,
        ebs: {
            volumeType: "gp3",
            volumeSize: sizeGiB,
            encrypted: "true",
            kmsKeyId: kmsKeyArn,
            deleteOnTermination: "true",
        },
    };
}
