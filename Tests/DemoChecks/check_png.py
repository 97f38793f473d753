#!/usr/bin/env python3
"""Reads a PNG with the standard library alone and prints its width, height,
file size and how much of the picture is not background: the share of
scanline bytes that differ from the most common byte. A blank page has
almost none.

usage: check_png.py FILE"""

import collections
import json
import os
import struct
import sys
import zlib


def main():
    path = sys.argv[1]
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        print(json.dumps({"error": "not a PNG"}))
        return
    offset, width, height, compressed = 8, 0, 0, b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        chunk = data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            compressed += chunk
        offset += 12 + length
    pixels = zlib.decompress(compressed)
    common = collections.Counter(pixels).most_common(1)[0][1]
    print(
        json.dumps(
            {
                "width": width,
                "height": height,
                "bytes": len(data),
                "ink": 1 - common / len(pixels),
            }
        )
    )


main()
