import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type BridgeApi,
  type InvokeContract,
  type MainEventContract,
} from '../src-shared/protocol/ipc-contract';

/**
 * Builds `window.rnnLab` from the contract: one function per invoke channel, one `on.<event>` per event
 * channel. The page never sees ipcRenderer, a channel name, or an IPC event object: listeners get the
 * payload only.
 *
 * The training MessagePort (trainerPort event)
 * --------------------------------------------
 * contextBridge cannot transfer a MessagePort into the page, so, as in Electron's message-ports guide,
 * the preload re-posts it on the window:
 *
 *     window.postMessage({ rnnLabTrainerPort: reason }, '*', [port])     // reason: 'initial' | 'restarted'
 *
 * The renderer's Electron backend listens with
 *     window.addEventListener('message', (e) => { if (e.source === window && e.data?.rnnLabTrainerPort) use(e.ports[0]) })
 * and then talks to the trainer directly (TrainerCommand out, TrainerEvent in). `on.trainerPort(listener)`
 * fires too, with the reason only: a notification, not the port. Ask for a port with `requestTrainerPort(null)`
 * once that listener is installed; after a trainer restart a new port arrives by itself with reason 'restarted'.
 * '*' is safe here: the message goes to this same window, which cannot navigate away (main refuses it).
 */
export type IpcListener = (event: { ports?: readonly MessagePort[] }, ...args: unknown[]) => void;

/** The slice of ipcRenderer the bridge uses (a fake in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export type PostPortToPage = (message: { rnnLabTrainerPort: MainEventContract['trainerPort']['reason'] }, port: MessagePort) => void;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Listener<K extends keyof MainEventContract> = (payload: MainEventContract[K]) => void;

export function buildBridge(ipc: IpcRendererLike, postPortToPage: PostPortToPage): BridgeApi {
  const invokers = {} as Mutable<Omit<BridgeApi, 'on'>>;
  for (const key of Object.keys(INVOKE_CHANNELS) as (keyof InvokeContract)[]) {
    const channel = INVOKE_CHANNELS[key];
    invokers[key] = ((req: unknown) => ipc.invoke(channel, req)) as never;
  }

  const on = {} as Mutable<BridgeApi['on']>;
  for (const key of Object.keys(EVENT_CHANNELS) as (keyof MainEventContract)[]) {
    on[key] = (key === 'trainerPort' ? trainerPortSubscriber() : subscriber(key)) as never;
  }

  return Object.freeze({ ...invokers, on: Object.freeze(on) });

  function subscriber<K extends Exclude<keyof MainEventContract, 'trainerPort'>>(key: K) {
    return (listener: Listener<K>) => {
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as MainEventContract[K]);
      ipc.on(EVENT_CHANNELS[key], wrapped);
      return () => void ipc.removeListener(EVENT_CHANNELS[key], wrapped);
    };
  }

  /** One IPC listener for ports, installed now, so a port is forwarded even before anyone subscribes. */
  function trainerPortSubscriber() {
    const listeners = new Set<Listener<'trainerPort'>>();
    ipc.on(EVENT_CHANNELS.trainerPort, (event, payload) => {
      const reason = (payload as { reason?: unknown } | null)?.reason;
      const port = event.ports?.[0];
      if ((reason !== 'initial' && reason !== 'restarted') || !port) return;
      postPortToPage({ rnnLabTrainerPort: reason }, port);
      for (const listener of listeners) listener({ reason });
    });
    return (listener: Listener<'trainerPort'>) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    };
  }
}
