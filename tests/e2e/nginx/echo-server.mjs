// A test upstream that answers every request with what it received, as JSON: method, url
// and headers (as nginx forwarded them), and a Set-Cookie, caching and framing headers of
// its own that nginx must not pass on (it sends no-store and the console's policy instead).
// Binds 127.0.0.1 only.   node echo-server.mjs --port 18445
import http from "node:http";

const i = process.argv.indexOf("--port");
const port = Number(i > 0 ? process.argv[i + 1] : NaN);
if (!Number.isInteger(port)) {
  console.error("usage: node echo-server.mjs --port PORT");
  process.exit(2);
}

http
  .createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.stringify({
        method: req.method,
        url: req.url,
        httpVersion: req.httpVersion,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(200, {
        "content-type": "application/json",
        "set-cookie": "upstream=1; Path=/",
        "x-subject-token": "echo-subject-token",
        "cache-control": "public, max-age=3600",
        expires: "Thu, 01 Jan 2099 00:00:00 GMT",
        "x-frame-options": "SAMEORIGIN",
      });
      res.end(body);
    });
  })
  .listen(port, "127.0.0.1", () => console.log(`echo server on http://127.0.0.1:${port}`));
