import type { ParentPort } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { createParentPortTransport } from './parent-port-transport';
import { PORT_MESSAGE } from './port-message';

/** Fakes with the same event shapes as Electron's ParentPort and MessagePortMain. */
class FakePort extends EventEmitter {
  posted: unknown[] = [];
  started = false;
  closed = false;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  start() {
    this.started = true;
  }
  close() {
    this.closed = true;
    this.emit('close');
  }
}
class FakeParent extends EventEmitter {
  posted: unknown[] = [];
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  deliver(data: unknown, ports: FakePort[] = []) {
    this.emit('message', { data, ports });
  }
}

const ready: TrainerEvent = { type: 'ready', protocolVersion: 1 };

describe('createParentPortTransport(parentPort)', () => {
  it('keeps stream events until a port arrives, then flushes them to it', () => {
    const parent = new FakeParent();
    const transport = createParentPortTransport(parent as unknown as ParentPort);
    transport.postStream(ready);
    const port = new FakePort();
    parent.deliver(PORT_MESSAGE, [port]);
    expect(port.started).toBe(true);
    expect(port.posted).toEqual([ready]);
  });

  it('routes port messages to the stream and everything else to control, including early arrivals', () => {
    const parent = new FakeParent();
    const transport = createParentPortTransport(parent as unknown as ParentPort);
    parent.deliver({ type: 'ping', id: 1 }); // before the host subscribed
    const control: unknown[] = [];
    const stream: unknown[] = [];
    transport.onControl((raw) => control.push(raw));
    transport.onStream((raw) => stream.push(raw));
    const port = new FakePort();
    parent.deliver(PORT_MESSAGE, [port]);
    port.emit('message', { data: { type: 'start' }, ports: [] });
    transport.sendControl({ type: 'heartbeat', at: 1 });
    expect(control).toEqual([{ type: 'ping', id: 1 }]);
    expect(stream).toEqual([{ type: 'start' }]);
    expect(parent.posted).toEqual([{ type: 'heartbeat', at: 1 }]);
  });

  it('replaces an earlier port with a newer one and closes the old one', () => {
    const parent = new FakeParent();
    const transport = createParentPortTransport(parent as unknown as ParentPort);
    const [a, b] = [new FakePort(), new FakePort()];
    parent.deliver(PORT_MESSAGE, [a]);
    parent.deliver(PORT_MESSAGE, [b]);
    transport.postStream(ready);
    expect(a.closed).toBe(true);
    expect(a.posted).toEqual([]);
    expect(b.posted).toEqual([ready]);
  });
});
