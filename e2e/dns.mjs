// A DNS server on loopback for the browser tests: it answers every query "no such domain"
// (NXDOMAIN), so the fault checks (promise-desk.fault.dns-server) never ask a real resolver and
// their result is the same on every machine. Usage: node e2e/dns.mjs PORT
import { createSocket } from 'node:dgram';

const port = Number(process.argv[2]);
const server = createSocket('udp4');
server.on('message', (query, peer) => {
  if (query.length < 12) return;
  const answer = Buffer.from(query);
  answer[2] = 0x80 | (query[2] & 0x79); // QR=1, keep opcode and RD
  answer[3] = 0x80 | 3; // RA=1, RCODE=3 (NXDOMAIN)
  answer.writeUInt16BE(0, 6); // no answers
  answer.writeUInt16BE(0, 8); // no authority
  answer.writeUInt16BE(0, 10); // no additional records
  const question = questionEnd(query);
  server.send(answer.subarray(0, question), peer.port, peer.address);
});
server.bind(port, '127.0.0.1');

/** Where the first question ends: the query's name, type and class, after the 12-byte header. */
function questionEnd(packet) {
  let i = 12;
  while (i < packet.length && packet[i] !== 0) i += packet[i] + 1;
  return Math.min(i + 5, packet.length);
}
