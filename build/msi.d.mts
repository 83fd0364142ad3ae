// Types for the MSI builder (plain .mjs so scripts/dist-msi.mjs runs it without a build); used by the tests.
export declare const UPGRADE_CODE: string;
export declare const REMEMBERED_KEY: string;
export declare const REMEMBERED_VALUE: string;
export declare const EXE: string;
export declare const SEQUENCE: Record<'rememberedAccount' | 'userArgument' | 'keptNote' | 'removeExistingProducts' | 'removeTasks' | 'prepareFolders' | 'registerTasks', number>;
export declare function accountCondition(): string;
export declare function productWxs(options: { version: string; manufacturer?: string }): string;
export declare function msiInputProblems(unpacked: string): string[];
export declare function buildMsi(options: { unpacked: string; version: string; out: string; manufacturer?: string }): string;
