# core/ is a pure library: no UI, GL, windowing or browser headers. Run before core compiles; fails the build.
file(GLOB_RECURSE sources "${CORE_DIR}/*.h" "${CORE_DIR}/*.cpp")
foreach(f ${sources})
  file(STRINGS "${f}" bad REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](imgui|GLFW|GL/|GLES|emscripten|backends/|webgl)")
  if(bad)
    message(FATAL_ERROR "${f} includes a UI or platform header (${bad}); core/ must stay pure")
  endif()
endforeach()
