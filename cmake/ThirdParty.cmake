# Third-party code, fetched (pinned, SHA-256-checked) by scripts/fetch-deps.sh into DUEBOOK_CACHE_DIR and
# compiled from the very same sources in the native and the web build. Nothing of it is committed.
execute_process(
  COMMAND bash "${CMAKE_SOURCE_DIR}/scripts/fetch-deps.sh" "${DUEBOOK_CACHE_DIR}"
  RESULT_VARIABLE fetch_result)
if(NOT fetch_result EQUAL 0)
  message(FATAL_ERROR "scripts/fetch-deps.sh failed; run scripts/setup.sh first")
endif()

set(IMGUI_DIR "${DUEBOOK_CACHE_DIR}/imgui-1.86")
set(SQLITE_DIR "${DUEBOOK_CACHE_DIR}/sqlite-3.53.2")

# SQLite 3.53.2 amalgamation. Same options in both builds but one: the desktop computes the Dashboard on a
# worker thread with a connection of its own, which needs SQLite's multi-thread mode (2: each connection used by
# one thread at a time); the browser has no threads and keeps the single-thread build (0: no mutexes at all).
if(EMSCRIPTEN)
  set(DUEBOOK_SQLITE_THREADSAFE 0)
else()
  set(DUEBOOK_SQLITE_THREADSAFE 2)
endif()
add_library(sqlite3 STATIC "${SQLITE_DIR}/sqlite3.c")
target_include_directories(sqlite3 SYSTEM PUBLIC "${SQLITE_DIR}")
target_compile_definitions(sqlite3 PRIVATE
  SQLITE_DQS=0 SQLITE_THREADSAFE=${DUEBOOK_SQLITE_THREADSAFE} SQLITE_DEFAULT_MEMSTATUS=0 SQLITE_DEFAULT_WAL_SYNCHRONOUS=1
  SQLITE_LIKE_DOESNT_MATCH_BLOBS SQLITE_MAX_EXPR_DEPTH=0 SQLITE_OMIT_DEPRECATED SQLITE_OMIT_PROGRESS_CALLBACK
  SQLITE_OMIT_SHARED_CACHE SQLITE_OMIT_LOAD_EXTENSION SQLITE_USE_ALLOCA SQLITE_ENABLE_MATH_FUNCTIONS)
# Optimised in every build, Debug included: third-party code we do not step through, and the ledger's tests
# spend most of their time inside it (the browser app is otherwise -Oz).
target_compile_options(sqlite3 PRIVATE ${DUEBOOK_FAST_FLAGS})

# Header-only libraries from Debian packages. The Emscripten sysroot does not see /usr/include, so each is
# exposed through a folder holding a link to just that library's headers.
set(DUEBOOK_SHIM_INCLUDE "${CMAKE_BINARY_DIR}/shim-include")
foreach(lib nlohmann doctest)
  if(NOT EXISTS "/usr/include/${lib}")
    message(FATAL_ERROR "/usr/include/${lib} is missing; run scripts/setup.sh")
  endif()
  file(MAKE_DIRECTORY "${DUEBOOK_SHIM_INCLUDE}")
  file(CREATE_LINK "/usr/include/${lib}" "${DUEBOOK_SHIM_INCLUDE}/${lib}" SYMBOLIC)
endforeach()
add_library(nlohmann_json_headers INTERFACE)
target_include_directories(nlohmann_json_headers SYSTEM INTERFACE "${DUEBOOK_SHIM_INCLUDE}")
target_compile_definitions(nlohmann_json_headers INTERFACE JSON_NOEXCEPTION)

# Dear ImGui 1.86 core; configuration through IMGUI_USER_CONFIG, the vendored source is never edited. Built only
# when something links it (the core-only sanitize build does not).
add_library(imgui STATIC EXCLUDE_FROM_ALL
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/imgui_demo.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
target_compile_definitions(imgui PUBLIC IMGUI_USER_CONFIG="${CMAKE_SOURCE_DIR}/ui/imgui_config.h")
if(EMSCRIPTEN)
  target_compile_options(imgui PRIVATE -O2)
endif()

# The PDF documents: libharu (writing PDF) with zlib, and libqrencode (the EPC payment QR code). One small
# CMakeLists per library in cmake/third_party/ lists the fetched C files; the core links them in both builds.
add_subdirectory("${CMAKE_SOURCE_DIR}/cmake/third_party/zlib" "${CMAKE_BINARY_DIR}/third_party/zlib")
add_subdirectory("${CMAKE_SOURCE_DIR}/cmake/third_party/qrencode" "${CMAKE_BINARY_DIR}/third_party/qrencode")
add_subdirectory("${CMAKE_SOURCE_DIR}/cmake/third_party/libharu" "${CMAKE_BINARY_DIR}/third_party/libharu")
