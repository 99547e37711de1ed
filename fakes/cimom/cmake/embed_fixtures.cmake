# Writes a C++ source holding every fixture file as a byte array, so that the built-in
# simulations work from an installed binary anywhere.
# Usage: cmake -DFIXTURES_DIR=<dir> -DOUTPUT=<file.cpp> -P embed_fixtures.cmake
cmake_minimum_required(VERSION 3.25)

if(NOT FIXTURES_DIR OR NOT OUTPUT)
    message(FATAL_ERROR "embed_fixtures.cmake needs -DFIXTURES_DIR=... and -DOUTPUT=...")
endif()

file(GLOB_RECURSE files RELATIVE "${FIXTURES_DIR}" "${FIXTURES_DIR}/mof/*.mof" "${FIXTURES_DIR}/instances/*.mof"
     "${FIXTURES_DIR}/baseline/*.mof")
list(SORT files)

set(arrays "")
set(entries "")
set(index 0)
foreach(relative IN LISTS files)
    file(READ "${FIXTURES_DIR}/${relative}" hex HEX)
    string(LENGTH "${hex}" hexLength)
    math(EXPR size "${hexLength} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
    # Keep lines short enough for editors and diff tools (CMake regexes have no {n}).
    string(REPEAT "'\\\\x[0-9a-f][0-9a-f]'," 16 sixteen)
    string(REGEX REPLACE "(${sixteen})" "\\1\n    " bytes "${bytes}")
    string(APPEND arrays "constexpr char kFixture${index}[] = {\n    ${bytes}'\\0'};\n")
    string(APPEND entries "    {\"${relative}\", std::string_view(kFixture${index}, ${size})},\n")
    math(EXPR index "${index} + 1")
endforeach()

set(content "// Fixture MOF files embedded by fakes/cimom/cmake/embed_fixtures.cmake; do not edit.
#include \"embedded_fixture_table.hpp\"

namespace wmimock::detail {
namespace {
${arrays}
constexpr EmbeddedFile kFiles[] = {
${entries}};
}  // namespace

std::span<const EmbeddedFile> embeddedFiles() noexcept { return kFiles; }

}  // namespace wmimock::detail
")

# Rewrite only on change so that an unchanged fixture set does not trigger a recompile.
if(EXISTS "${OUTPUT}")
    file(READ "${OUTPUT}" previous)
    if(previous STREQUAL content)
        return()
    endif()
endif()
file(WRITE "${OUTPUT}" "${content}")
