/** Helpers for reading recorded resources, for tools and tests alike. */
export * from "./regions";
export * from "./types";
export * from "./values";
