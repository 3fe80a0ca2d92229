import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";

/** A port nothing listens on (yet). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A TCP proxy on 127.0.0.1:port to the target, for a database that comes and goes: closed, the
 * port refuses connections; cut() drops every connection through it and closes it again.
 */
export function tcpProxy(port: number, target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };
  return {
    async open() {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const [from, to] of [
          [client, upstream],
          [upstream, client],
        ] as const) {
          track(from);
          from.pipe(to);
          from.on("error", () => to.destroy());
          from.on("close", () => to.destroy());
        }
      });
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    },
    async cut() {
      const closed = new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      for (const socket of sockets) socket.destroy();
      await closed;
      server = undefined;
    },
  };
}
