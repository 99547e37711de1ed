// Splitting the checks over CI jobs: --shard INDEX/COUNT, or GoogleTest's
// GTEST_SHARD_INDEX / GTEST_TOTAL_SHARDS when the option is absent. Indices are 0-based, as
// GoogleTest's are; the runner assigns each planned check to exactly one shard.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace wmimock::cli {

/// "1/4" -> (1, 4). Throws CimError(InvalidParameter) unless 0 <= INDEX < COUNT.
std::pair<int, int> parseShard(std::string_view text);

/// From GTEST_SHARD_INDEX and GTEST_TOTAL_SHARDS when both are set (validated as above).
std::optional<std::pair<int, int>> shardFromEnvironment();

}  // namespace wmimock::cli
