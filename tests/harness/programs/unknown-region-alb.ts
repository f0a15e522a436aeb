// An ALB in a region the mocks have no canonical zone id for: the mock refuses to make one up.
import * as aws from "@pulumi/aws";

const provider = new aws.Provider("xx-nowhere-1", { region: "xx-nowhere-1" });
new aws.lb.LoadBalancer("edge", { loadBalancerType: "application", subnets: ["subnet-1", "subnet-2"] }, { provider });
