import { ChannelTransport, chooseTransport, TransportKind } from './channelTransport';
import { LoopbackTcpTransport } from './loopbackTcpTransport';
import { UnixSocketTransport } from './unixSocketTransport';

export function createTransport(kind: TransportKind = chooseTransport(process.platform, process.env)): ChannelTransport {
  return kind === 'tcp' ? new LoopbackTcpTransport() : new UnixSocketTransport();
}
