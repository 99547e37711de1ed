// Interned names for syntax trees that outlive their source text. The compiler parses a
// file, keeps its declarations and drops the text; the names the declarations hold (class,
// property, qualifier names...) are kept here once each, so a schema's 1,600 files cost
// their distinct names, not their bytes.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>

namespace wmimock::mof {

class NamePool {
public:
    /// A view of an equal name owned by the pool, valid as long as the pool.
    std::string_view intern(std::string_view name) {
        if (const auto it = index_.find(name); it != index_.end()) return *it;
        const std::string_view kept = storage_.emplace_back(name);  // deque: never moves
        index_.insert(kept);
        return kept;
    }
    std::size_t size() const noexcept { return storage_.size(); }

private:
    std::deque<std::string> storage_;
    std::unordered_set<std::string_view> index_;
};

}  // namespace wmimock::mof
