// A program that registers two resources with the same type and name: the engine refuses the second.
import * as aws from "@pulumi/aws";

const provider = new aws.Provider("us-east-1", { region: "us-east-1" });
new aws.cloudwatch.LogGroup("twice", {}, { provider });
new aws.cloudwatch.LogGroup("twice", {}, { provider });
