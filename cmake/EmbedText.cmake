# Embeds a text data file (e.g. data/holidays-cn.txt) into a generated C++
# file defining `std::string_view <function>()`, so the binary carries a
# default and needs no files; a command-line option may still override it.
function(jg_embed_text out_var file function)
  get_filename_component(stem "${file}" NAME_WE)
  string(MAKE_C_IDENTIFIER "${stem}" stem)
  set(gen "${CMAKE_CURRENT_BINARY_DIR}/embedded_${stem}.cc")
  file(READ "${file}" text)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  set(body "// Generated from ${file} by cmake/EmbedText.cmake. Do not edit.\n")
  string(APPEND body "#include <string_view>\nnamespace jg {\n")
  string(APPEND body "std::string_view ${function}() {\n  static constexpr char k[] = R\"jgtext(${text})jgtext\";\n")
  string(APPEND body "  return std::string_view(k, sizeof(k) - 1);\n}\n}  // namespace jg\n")
  file(CONFIGURE OUTPUT "${gen}" CONTENT "${body}" @ONLY)
  set(${out_var} "${gen}" PARENT_SCOPE)
endfunction()
