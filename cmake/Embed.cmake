# duebook_embed_text(TARGET_VAR INPUT OUTPUT): wraps a text file (a CSV table, SQL) as a C++ raw string
# literal so data kept in assets/ is compiled in without being copied into code.
function(duebook_embed_text input output)
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" -DINPUT=${input} -DOUTPUT=${output} -P "${CMAKE_SOURCE_DIR}/cmake/EmbedText.cmake"
    DEPENDS "${input}" "${CMAKE_SOURCE_DIR}/cmake/EmbedText.cmake"
    COMMENT "Embedding ${input}")
endfunction()
