#!/usr/bin/env python3
"""Writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9) beside each of the web build's files, as a static
host serves them to a browser that accepts them (serve.py does). Only a file newer than its copies is compressed
again. Brotli is Debian's `brotli` program; without it only the .gz copies are written.

Usage: precompress.py SITE_DIR FILE...
"""
import gzip
import os
import shutil
import subprocess
import sys


def stale(source, copy):
    return not os.path.exists(copy) or os.path.getmtime(copy) < os.path.getmtime(source)


def main():
    site, names = sys.argv[1], sys.argv[2:]
    brotli = shutil.which("brotli")
    if not brotli:
        print("precompress: no brotli program (Debian package brotli); writing .gz only", file=sys.stderr)
    for name in names:
        source = os.path.join(site, name)
        if stale(source, source + ".gz"):
            with open(source, "rb") as f:
                data = f.read()
            with open(source + ".gz.tmp", "wb") as out:
                out.write(gzip.compress(data, compresslevel=9, mtime=0))
            os.replace(source + ".gz.tmp", source + ".gz")
        if brotli and stale(source, source + ".br"):
            subprocess.run([brotli, "-q", "11", "-f", "-o", source + ".br.tmp", source], check=True)
            os.replace(source + ".br.tmp", source + ".br")
            os.utime(source + ".br")  # brotli gives the copy its file's time, cut to seconds: older than the file


if __name__ == "__main__":
    main()
