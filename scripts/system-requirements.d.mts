export declare function chromiumPath(): string;
export declare function sofficePath(): string;
export declare function pgBinDir(): string;
export declare function systemRequirements(): { what: string; present: boolean; install: string }[];
