#include "shard.hpp"

#include <charconv>
#include <cstdlib>
#include <string>

#include "wmimock/cim/error.hpp"

namespace wmimock::cli {

namespace {

std::optional<int> parseCount(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::pair<int, int> validated(std::optional<int> index, std::optional<int> count, std::string_view what) {
    if (!index || !count || *count < 1 || *index < 0 || *index >= *count) {
        throw CimError(CimStatus::InvalidParameter,
                       "bad shard " + std::string(what) + ": want INDEX/COUNT with 0 <= INDEX < COUNT, e.g. 0/4");
    }
    return {*index, *count};
}

}  // namespace

std::pair<int, int> parseShard(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return validated(std::nullopt, std::nullopt, "'" + std::string(text) + "'");
    return validated(parseCount(text.substr(0, slash)), parseCount(text.substr(slash + 1)),
                     "'" + std::string(text) + "'");
}

std::optional<std::pair<int, int>> shardFromEnvironment() {
    const char* index = std::getenv("GTEST_SHARD_INDEX");
    const char* total = std::getenv("GTEST_TOTAL_SHARDS");
    if (index == nullptr || total == nullptr) return std::nullopt;
    return validated(parseCount(index), parseCount(total),
                     "from GTEST_SHARD_INDEX=" + std::string(index) + " GTEST_TOTAL_SHARDS=" + total);
}

}  // namespace wmimock::cli
