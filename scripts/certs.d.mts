export declare const certDir: string;
export declare function httpsOptions(): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }>;
