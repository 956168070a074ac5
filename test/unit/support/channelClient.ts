import { connect, Socket } from 'node:net';
import { FrameDecoder } from '../../../src/core/runner/framing';

/** A raw client of a run channel address (`unix:/path` or `tcp:127.0.0.1:PORT`), as a stranger or Python would be. */
export function connectToChannel(address: string): Promise<Socket> {
  const tcp = /^tcp:([\d.]+):(\d+)$/.exec(address);
  const socket = tcp ? connect(Number(tcp[2]), tcp[1]) : connect(address.replace(/^unix:/, ''));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Every frame the peer sent until it closed the connection. */
export function framesUntilClose(socket: Socket): Promise<unknown[]> {
  const decoder = new FrameDecoder();
  const frames: unknown[] = [];
  socket.on('data', (data) => frames.push(...decoder.push(data)));
  socket.on('error', () => undefined);
  return new Promise((resolve) => socket.once('close', () => resolve(frames)));
}

/** The next frame from the peer. */
export function nextFrame(socket: Socket): Promise<unknown> {
  const decoder = new FrameDecoder();
  return new Promise((resolve, reject) => {
    const onClose = (): void => reject(new Error('the channel closed before a reply'));
    const onData = (data: Buffer): void => {
      const [frame] = decoder.push(data);
      if (frame === undefined) return;
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve(frame);
    };
    socket.on('data', onData);
    socket.once('close', onClose);
  });
}
