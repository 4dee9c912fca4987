/**
 * Rate limits count per client address (the socket's, scripts/serve.ts), and
 * every spec file talks to one server. A spec whose instructors create many
 * scenarios runs from a loopback address of its own (all of 127.0.0.0/8
 * reaches the server), as another school would, so that the files together
 * stay within the 20-an-hour limit each address has and the tests of that
 * limit still see it.
 */
export function fromOwnAddress(lastOctet: number): { baseURL: string } {
  if (!Number.isInteger(lastOctet) || lastOctet < 2 || lastOctet > 254) throw new Error(`pick a loopback address 127.0.0.2–254, not ${lastOctet}`);
  return { baseURL: `http://127.0.0.${lastOctet}:${process.env.E2E_PORT}` };
}
