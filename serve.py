#!/usr/bin/env python3
"""Serves the Duebook web build on 127.0.0.1 with correct MIME types and no caching.

A file with a precompressed copy beside it (FILE.br, FILE.gz, written by the build: web/precompress.py) is sent
as that copy, with its Content-Encoding, to a browser whose Accept-Encoding allows it (brotli first), as a static
host would; every answer for such a file says Vary: Accept-Encoding. A copy older than its file is not used.

Usage: python3 serve.py [--port 8080] [--dir build/web/site]
"""
import argparse
import functools
import http.server
import os
import sys

# Precompressed copies, in order of preference: (Content-Encoding, suffix of the copy).
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".css": "text/css",
    ".png": "image/png",
    ".ttf": "font/ttf",
    ".data": "application/octet-stream",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
}


def accepts(header, coding):
    """Whether an Accept-Encoding header allows `coding` (named, or by "*"), with a q-value above 0."""
    allowed = {}
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if name:
            allowed[name.strip().lower()] = q
    return allowed.get(coding, allowed.get("*", 0.0)) > 0


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def send_head(self):
        self.vary = False
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return super().send_head()
        # A copy older than its file is stale (the file was changed after the build) and is not sent.
        copies = [(coding, path + suffix) for coding, suffix in ENCODINGS
                  if os.path.isfile(path + suffix) and os.path.getmtime(path + suffix) >= os.path.getmtime(path)]
        if os.environ.get("DUEBOOK_SERVE_PLAIN") == "1":  # the files as they are (a test's choice)
            copies = []
        self.vary = bool(copies)
        for coding, copy in copies:
            if accepts(self.headers.get("Accept-Encoding", ""), coding):
                f = open(copy, "rb")
                size = os.fstat(f.fileno()).st_size
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Encoding", coding)
                self.send_header("Content-Length", str(size))
                self.send_header("Last-Modified", self.date_time_string(os.path.getmtime(path)))
                self.end_headers()
                return f
        return super().send_head()

    def end_headers(self):
        if getattr(self, "vary", False):
            self.send_header("Vary", "Accept-Encoding")
        # Every reload gets the newest build: nothing is cached.
        self.send_header("Cache-Control", "no-store, must-revalidate")
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("DUEBOOK_SERVE_QUIET") != "1":
            super().log_message(fmt, *args)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument("--dir", default=os.path.join(here, "build", "web", "site"), help="folder to serve")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.dir, "index.html")):
        sys.exit(f"serve.py: {args.dir} has no index.html; build the web preset first")
    handler = functools.partial(Handler, directory=args.dir)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"Duebook is served at http://127.0.0.1:{server.server_address[1]}/", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
