export function buildIsStale(root?: string): boolean;
export default function globalSetup(): void;
