// What an isolated worker is doing right now (the call or wait in flight) and the calls just
// before it, kept in memory shared with the parent. The worker posts on every call without a
// system call; the parent's watchdog reads the post count to tell a slow check that is still
// making calls from a hung one, and, when it stops a check or the worker dies, the latest
// posts become the evidence of that check's result.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wmimock::harness {

class ActivityBoard {
public:
    /// How many of the latest posts the board keeps.
    static constexpr std::size_t kKept = 16;

    /// Maps shared anonymous memory; children forked afterwards share it. Throws
    /// CimError(Failed) if the mapping fails.
    ActivityBoard();
    ~ActivityBoard();
    ActivityBoard(const ActivityBoard&) = delete;
    ActivityBoard& operator=(const ActivityBoard&) = delete;

    /// Worker side: `what` starts now (cut to the room of one entry).
    void post(std::string_view what) noexcept;

    struct Reading {
        std::uint64_t posts = 0;          ///< how many posts so far: a change means progress
        std::vector<std::string> latest;  ///< up to kKept posts made after `since`, oldest first
    };
    /// Parent side: a consistent copy of the posts made after the `since`-th one.
    Reading read(std::uint64_t since) const;
    /// Parent side: only the number of posts (cheap enough for every watchdog tick).
    std::uint64_t posts() const noexcept;

private:
    struct Page;
    Page* page_;
};

}  // namespace wmimock::harness
