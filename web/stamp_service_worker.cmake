# Writes the site's sw.js from web/sw.js: BUILD is a hash of the app's files, SHELL their list. Run with
#   cmake -DSITE=<site dir> -DTEMPLATE=<web/sw.js> -DFILES=<a,b,c> -P stamp_service_worker.cmake
# The file is only rewritten when it changes, so an unchanged build keeps its worker (and its cache).
string(REPLACE "," ";" FILES "${FILES}")
set(hashes "")
set(shell "")
foreach(f IN LISTS FILES)
  file(SHA256 "${SITE}/${f}" h)
  string(APPEND hashes "${f}:${h}\n")
  if(shell)
    string(APPEND shell ", ")
  endif()
  string(APPEND shell "\"${f}\"")
endforeach()
string(SHA256 build "${hashes}")
string(SUBSTRING "${build}" 0 16 DUEBOOK_BUILD)
set(DUEBOOK_SHELL "${shell}")
configure_file("${TEMPLATE}" "${SITE}/sw.js" @ONLY)
