// A program with nothing wrong: the baseline that must run.
import * as aws from "@pulumi/aws";

const provider = new aws.Provider("us-east-1", { region: "us-east-1" });
const group = new aws.cloudwatch.LogGroup("logs", { name: "app-logs" }, { provider });
new aws.cloudwatch.LogGroup("derived", { name: group.name.apply((n) => `${n}-copy`) }, { provider });
export const groupArn = group.arn;
