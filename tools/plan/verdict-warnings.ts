/**
 * A stack whose config says another environment than its name: the stack's
 * policy config (and everything keyed by the stack name) was written for
 * the name, so its findings may not fit the file. One sentence, or undefined.
 */
export function environmentWarning(stack: string, environment: string, configFile: string): string | undefined {
    if (stack === environment) return undefined;
    return (
        `stack "${stack}" plans ${configFile}, whose virtengine:environment is ${environment}: ` +
        `the policies run with stack ${stack}'s config, so findings may not fit this file; ` +
        `to plan it as ${environment}, add --stack ${environment}`
    );
}
