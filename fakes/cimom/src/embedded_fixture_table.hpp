// The table the build generates from fixtures/ (see cmake/embed_fixtures.cmake).
#pragma once

#include <span>
#include <string_view>

namespace wmimock::detail {

struct EmbeddedFile {
    std::string_view path;   ///< relative to fixtures/, e.g. "mof/reference.mof"
    std::string_view bytes;  ///< the file's content
};

std::span<const EmbeddedFile> embeddedFiles() noexcept;

}  // namespace wmimock::detail
