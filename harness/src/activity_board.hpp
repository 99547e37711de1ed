// What an isolated worker is doing right now (the call or wait in flight), kept in a page of
// memory shared with the parent. The worker posts on every call without a system call; the
// parent's watchdog reads the sequence number to tell a slow check that is still making
// calls from a hung one, and the text to name the call when it stops a check.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wmimock::harness {

class ActivityBoard {
public:
    /// Maps one shared anonymous page; children forked afterwards share it. Throws
    /// CimError(Failed) if the mapping fails.
    ActivityBoard();
    ~ActivityBoard();
    ActivityBoard(const ActivityBoard&) = delete;
    ActivityBoard& operator=(const ActivityBoard&) = delete;

    /// Worker side: `what` starts now (cut to the page's room).
    void post(std::string_view what) noexcept;

    struct Reading {
        std::uint64_t posts = 0;  ///< how many posts so far: a change means progress
        std::string what;         ///< the latest post
    };
    /// Parent side: a consistent copy of the latest post.
    Reading read() const;
    /// Parent side: only the number of posts (cheap enough for every watchdog tick).
    std::uint64_t posts() const noexcept;

private:
    struct Page;
    Page* page_;
};

}  // namespace wmimock::harness
