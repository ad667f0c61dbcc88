/**
 * Test harness (plain Node): stands in for Electron's utility-process globals so the BUILT trainer
 * (out/main/trainer.js) can run under child_process.fork. `process.parentPort` and the stream's
 * MessagePortMain are EventEmitters with Electron's event shape ({ data, ports }); both are relayed
 * over the Node IPC channel as { kind: 'control' | 'stream', m }.
 */
import { EventEmitter } from 'node:events';

const parent = new EventEmitter();
parent.postMessage = (m) => process.send({ kind: 'control', m });
process.parentPort = parent;

const port = new EventEmitter();
port.start = () => {};
port.close = () => {};
port.postMessage = (m) => process.send({ kind: 'stream', m });

process.on('message', (msg) => {
  if (msg.kind === 'stream') port.emit('message', { data: msg.m, ports: [] });
  else parent.emit('message', { data: msg.m, ports: [] });
});
process.on('disconnect', () => process.exit(0));

await import(process.argv[2]);
parent.emit('message', { data: { type: 'port' }, ports: [port] });
