import type { MessagePortMain, ParentPort } from 'electron';
import { createInbox, type StreamEvent, type TrainerTransport } from '../../src-shared/supervision/transport';
import { isPortMessage } from './port-message';

/** Events kept while no renderer port is attached (the oldest are dropped beyond this). */
const MAX_BUFFERED = 256;

/**
 * Electron utility-process transport: supervision on `process.parentPort`; the training stream on the
 * MessagePort main transfers with a `{ type: 'port' }` message. A later port replaces the earlier one
 * (the renderer reloaded or asked for a fresh stream), so main never relays stream traffic.
 */
export function createParentPortTransport(parentPort: ParentPort): TrainerTransport {
  const control = createInbox();
  const stream = createInbox();
  let port: MessagePortMain | null = null;
  const buffered: StreamEvent[] = [];

  const attach = (next: MessagePortMain): void => {
    port?.close();
    port = next;
    next.on('message', (event) => stream.deliver(event.data));
    next.on('close', () => {
      if (port === next) port = null;
    });
    next.start();
    for (const event of buffered.splice(0)) next.postMessage(event);
  };

  parentPort.on('message', (event) => {
    const next = event.ports[0];
    if (isPortMessage(event.data) && next) attach(next);
    else control.deliver(event.data);
  });

  return {
    onControl: (listener) => control.listen(listener),
    sendControl: (event) => parentPort.postMessage(event),
    onStream: (listener) => stream.listen(listener),
    postStream(event) {
      if (port) {
        port.postMessage(event);
        return;
      }
      buffered.push(event);
      if (buffered.length > MAX_BUFFERED) buffered.shift();
    },
  };
}
