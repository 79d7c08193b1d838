#!/usr/bin/env python3
# Drives the desktop window by widget name through the XTest extension (libX11/libXtst via ctypes), reading
# where each widget is and what the app's state is from the file the window writes each frame
# ($DUEBOOK_TEST_FACTS, the desktop's counterpart of the browser's window.duebook).
# Usage: xui.py FACTS click NAME | type NAME TEXT | keys KEYSYM... | wait PYTHON-EXPRESSION-OVER-s [SECONDS]
#   `wait` exits 1 (printing the state) when the expression is not true in time; `s` is the app's state.
import ctypes
import json
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
x11.XKeycodeToKeysym.restype = ctypes.c_ulong
x11.XKeycodeToKeysym.argtypes = [ctypes.c_void_p, ctypes.c_ubyte, ctypes.c_int]
x11.XFlush.argtypes = [ctypes.c_void_p]
xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_ulong]
xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]

display = x11.XOpenDisplay(None)
if not display:
    sys.exit("xui: cannot open the display")


def facts(path):
    for _ in range(50):
        try:
            with open(path) as f:
                return json.load(f)
        except (OSError, ValueError):
            time.sleep(0.05)
    sys.exit(f"xui: cannot read {path}")


def item(path, name, timeout=5.0):
    end = time.time() + timeout
    while time.time() < end:
        rect = facts(path)["items"].get(name)
        if rect:
            return rect
        time.sleep(0.1)
    sys.exit(f"xui: widget {name} is not on screen")


def click(x, y):
    xtst.XTestFakeMotionEvent(display, 0, int(x), int(y), 0)
    x11.XFlush(display)
    time.sleep(0.15)
    for down in (1, 0):
        xtst.XTestFakeButtonEvent(display, 1, down, 0)
        x11.XFlush(display)
        time.sleep(0.08)
    time.sleep(0.15)


def key(name, shift=False, control=False, hold=0.15):
    # ImGui 1.86 reads key state once a frame: a key must stay down across a frame to be seen (characters
    # typed come through a queue, so they may be quick).
    code = x11.XKeysymToKeycode(display, x11.XStringToKeysym(name.encode()))
    if code == 0:
        sys.exit(f"xui: no key for {name}")
    mods = []
    if control:
        mods.append(x11.XKeysymToKeycode(display, x11.XStringToKeysym(b"Control_L")))
    if shift:
        mods.append(x11.XKeysymToKeycode(display, x11.XStringToKeysym(b"Shift_L")))
    for m in mods:
        xtst.XTestFakeKeyEvent(display, m, 1, 0)
    if mods:
        x11.XFlush(display)
        time.sleep(hold)  # the window sees the modifier down before the key
    xtst.XTestFakeKeyEvent(display, code, 1, 0)
    x11.XFlush(display)
    time.sleep(hold)
    xtst.XTestFakeKeyEvent(display, code, 0, 0)
    x11.XFlush(display)
    time.sleep(0.04)
    for m in reversed(mods):
        xtst.XTestFakeKeyEvent(display, m, 0, 0)
    x11.XFlush(display)
    time.sleep(0.04)


NAMES = {" ": "space", "-": "minus", ".": "period", ",": "comma", "@": "at", "&": "ampersand", "/": "slash",
         "+": "plus", ":": "colon", "%": "percent"}


def type_char(ch):
    name = NAMES.get(ch, ch)
    keysym = x11.XStringToKeysym(name.encode())
    code = x11.XKeysymToKeycode(display, keysym)
    if code == 0:
        sys.exit(f"xui: no key for {ch!r}")
    # The keysym on the key's second level needs Shift (upper case, "@", "&", ...).
    key(name, shift=x11.XKeycodeToKeysym(display, code, 0) != keysym, hold=0.03)


def main():
    path, command, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    if command == "click":
        x, y, w, h = item(path, args[0])
        click(x + min(w / 2, 40), y + h / 2)
    elif command == "type":
        x, y, w, h = item(path, args[0])
        click(x + min(w / 2, 40), y + h / 2)
        time.sleep(0.2)  # the field is active from the frame after the click
        key("a", control=True)
        key("BackSpace")
        for ch in args[1]:
            type_char(ch)
        time.sleep(0.2)
    elif command == "keys":
        for name in args:
            key(name)
        time.sleep(0.2)
    elif command == "wait":
        end = time.time() + (float(args[1]) if len(args) > 1 else 10.0)
        while True:
            s = facts(path)["state"]
            if eval(args[0], {}, {"s": s}):
                return
            if time.time() > end:
                print(f"xui: timed out waiting for {args[0]}; state {json.dumps(s)[:3000]}")
                sys.exit(1)
            time.sleep(0.1)
    else:
        sys.exit(f"xui: unknown command {command}")


main()
