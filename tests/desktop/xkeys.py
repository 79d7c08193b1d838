#!/usr/bin/env python3
# Presses keys in the X display $DISPLAY through the XTest extension (libXtst via ctypes; no xdotool needed),
# so a desktop test can drive the window with the keyboard. Usage: xkeys.py KEYSYM... (e.g. Down Return 4)
import ctypes
import sys
import time

x11 = ctypes.CDLL("libX11.so.6")
xtst = ctypes.CDLL("libXtst.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XStringToKeysym.restype = ctypes.c_ulong
x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
x11.XKeysymToKeycode.restype = ctypes.c_ubyte
x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x11.XFlush.argtypes = [ctypes.c_void_p]
xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]

display = x11.XOpenDisplay(None)
if not display:
    sys.exit("xkeys: cannot open the display")
for name in sys.argv[1:]:
    code = x11.XKeysymToKeycode(display, x11.XStringToKeysym(name.encode()))
    if code == 0:
        sys.exit(f"xkeys: no key for {name}")
    for down in (1, 0):
        xtst.XTestFakeKeyEvent(display, code, down, 0)
        x11.XFlush(display)
        time.sleep(0.15)
