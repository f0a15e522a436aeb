import * as aws from "@pulumi/aws";
import { ValidatorFleet } from "../../../components/validators/validator-fleet";

/*
 * A program that builds one ValidatorFleet alone: five validators over
 * three zones, more validators than zones.
 */
const zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];
const provider = new aws.Provider("eu-west-1", { region: "eu-west-1" });
new ValidatorFleet(
    "eu-west-1-validator",
    {
        provider,
        zones,
        count: 5,
        instanceType: "r6i.2xlarge",
        amiId: "ami-0123456789abcdef0",
        subnetIds: Object.fromEntries(zones.map((z) => [z, `subnet-${z}`])),
        securityGroupId: "sg-validator",
        instanceProfileName: "validator-profile",
        kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/validator",
        protect: false,
    },
    { provider },
);
