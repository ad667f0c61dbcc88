import type { Socket } from 'node:net';
import { deserialize, serialize } from 'node:v8';

/**
 * A message channel over a byte socket: each message is a 4-byte big-endian length and a V8 structured-clone
 * payload (what Electron's MessagePorts carry). The Node tests give the trainer's stream a socket of its own this
 * way, as the app gives it a MessagePort of its own: stream traffic never queues behind a checkpoint on the
 * supervision channel.
 */
export interface FramedChannel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

export function framedChannel(socket: Socket): FramedChannel {
  const listeners: ((message: unknown) => void)[] = [];
  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const size = pending.readUInt32BE(0);
      if (pending.length < 4 + size) break;
      const message: unknown = deserialize(pending.subarray(4, 4 + size));
      pending = pending.subarray(4 + size);
      for (const listener of listeners) listener(message);
    }
  });
  // A closed peer is the process's exit, which the supervision channel reports.
  socket.on('error', () => {});
  return {
    send(message) {
      if (socket.destroyed || !socket.writable) return;
      const body = serialize(message);
      const head = Buffer.alloc(4);
      head.writeUInt32BE(body.length, 0);
      socket.write(Buffer.concat([head, body]));
    },
    onMessage: (listener) => void listeners.push(listener),
  };
}

/** The file descriptor the trainer child finds its stream socket on (see node-spawn.ts). */
export const STREAM_FD = 4;
