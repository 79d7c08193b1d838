#!/usr/bin/env python3
"""Draws the app's icons (a ledger page on a green tile) as PNG files, with the standard library only.

Usage: make_icons.py OUT_DIR   (writes icon-192.png and icon-512.png)
"""
import os
import struct
import sys
import zlib

TILE = (45, 106, 79)      # the theme colour (manifest.webmanifest)
PAGE = (250, 250, 247)
LINE = (160, 170, 165)
DUE = (214, 140, 30)      # the amber dot: something falls due


def inside_rounded(x, y, left, top, right, bottom, radius):
    """Whether pixel centre (x, y) is inside the rounded rectangle."""
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return left <= x <= right and top <= y <= bottom and (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def draw(size):
    """Rows of RGBA pixels. Shapes are laid out on a 100-unit grid and scaled; the tile fills the square so the
    icon also works where a platform masks it to a circle."""
    s = size / 100.0
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            x, y = (px + 0.5) / s, (py + 0.5) / s
            colour = TILE
            if inside_rounded(x, y, 24, 18, 76, 82, 5):
                colour = PAGE
                for top in (34, 46, 58):
                    if 32 <= x <= 68 and top <= y <= top + 4:
                        colour = LINE
                if 30 <= x <= 44 and 24 <= y <= 27:
                    colour = TILE
                if (x - 62) ** 2 + (y - 70) ** 2 <= 7 ** 2:
                    colour = DUE
            row += bytes(colour) + b"\xff"
        rows.append(bytes(row))
    return rows


def png(size):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + row for row in draw(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for size in (192, 512):
        with open(os.path.join(out, f"icon-{size}.png"), "wb") as f:
            f.write(png(size))


if __name__ == "__main__":
    main()
