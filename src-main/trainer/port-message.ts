/** Main → trainer: "the MessagePort for the training stream rides along with this message". */
export const PORT_MESSAGE = { type: 'port' } as const;

export function isPortMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === PORT_MESSAGE.type;
}
