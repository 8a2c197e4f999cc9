export function findChromium(): string;
export function findFirefox(): string;
export const CHROMIUM_FLAGS: string[];
export function extensionFlags(dir: string): string[];
