export declare const DEV_ORIGIN: string;
export declare function deploymentOrigin(url: string): string;
export declare function deploymentId(origin: string): string;
export declare function manifestVersion(packageVersion: string, build?: number): string;
export declare function deploymentManifest(xml: string, url: string, opts?: { version?: string }): string;
