// Types of scripts/start-messages.mjs for the tests.
export function startMessagesScript(files: { en: string; it: string }): string;
