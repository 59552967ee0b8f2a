/**
 * The machine's floor for the HTTP benchmark: node:http answering every request with one constant body of the
 * same size as a real nearest-10 answer — no lookup, no JSON building, no framework. Whatever latency this
 * server shows under autocannon is the least any server can show on this machine (autocannon shares its CPUs).
 * Usage: node --import tsx bench/servers/floor.ts BODY_FILE PORT
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [bodyFile, portArg] = process.argv.slice(2);
const body = readFileSync(bodyFile);

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.listen(Number(portArg), '127.0.0.1', () => process.stdout.write('ready\n'));
