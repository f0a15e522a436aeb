import { spawn } from "node:child_process";

/** What a child process printed, and how it exited. */
export interface Result {
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Runs `command args` in `cwd` with `env`, and collects its output and exit code. */
export function collect(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Result> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}
