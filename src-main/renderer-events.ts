import type { MessagePortMain, WebContents } from 'electron';
import { EVENT_CHANNELS, type MainEventContract } from '../src-shared/protocol/ipc-contract';

/** Push one contract event to the renderer (dropped if the window is gone). The only way main sends events. */
export function sendEvent<K extends keyof MainEventContract>(
  contents: WebContents | null | undefined,
  key: K,
  payload: MainEventContract[K],
  ports?: MessagePortMain[],
): boolean {
  if (!contents || contents.isDestroyed()) return false;
  if (ports) contents.postMessage(EVENT_CHANNELS[key], payload, ports);
  else contents.send(EVENT_CHANNELS[key], payload);
  return true;
}
