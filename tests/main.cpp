// The doctest runner for every C++ suite, native and WebAssembly.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
