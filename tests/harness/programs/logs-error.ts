// A program that reports an error through Pulumi's log instead of throwing.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const provider = new aws.Provider("us-east-1", { region: "us-east-1" });
new aws.cloudwatch.LogGroup("logs", {}, { provider });
void pulumi.log.error("the chain id is not registered");
