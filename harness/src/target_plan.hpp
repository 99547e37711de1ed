// What one target's run consists of: every (instance, selected check) item, in that order.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace wmimock::harness {

struct TargetPlan {
    std::string nameSpace, className;
    std::vector<std::string> instances;  ///< sorted paths; empty: nothing to test
    std::size_t checkCount = 0;

    std::size_t size() const noexcept { return instances.size() * checkCount; }
    std::size_t instanceOf(std::size_t item) const noexcept { return item / checkCount; }
    std::size_t checkOf(std::size_t item) const noexcept { return item % checkCount; }
};

}  // namespace wmimock::harness
