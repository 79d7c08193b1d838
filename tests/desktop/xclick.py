# Clicks the left mouse button at X Y on $DISPLAY through the XTest extension (libX11 and libXtst by ctypes, so
# the desktop tests need no xdotool). Usage: python3 xclick.py X Y
import ctypes, sys, time
x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
xtst = ctypes.cdll.LoadLibrary("libXtst.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
d = x11.XOpenDisplay(None)
x, y = int(sys.argv[1]), int(sys.argv[2])
xtst.XTestFakeMotionEvent(ctypes.c_void_p(d), 0, x, y, 0)
x11.XFlush(ctypes.c_void_p(d)); time.sleep(0.2)
xtst.XTestFakeButtonEvent(ctypes.c_void_p(d), 1, 1, 0)
x11.XFlush(ctypes.c_void_p(d)); time.sleep(0.1)
xtst.XTestFakeButtonEvent(ctypes.c_void_p(d), 1, 0, 0)
x11.XFlush(ctypes.c_void_p(d)); time.sleep(0.2)
x11.XCloseDisplay(ctypes.c_void_p(d))
