#include "activity_board.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <new>

#include "wmimock/cim/error.hpp"

namespace wmimock::harness {

// A sequence lock over a ring of entries: the counter is odd while the worker writes, and
// counter / 2 is the number of posts. Every byte is an atomic, so a reader racing a writer
// sees a torn copy (and retries), never undefined behaviour.
struct ActivityBoard::Page {
    static constexpr std::size_t kRoom = 240;
    struct Entry {
        std::atomic<std::uint32_t> length{0};
        std::array<std::atomic<char>, kRoom> text{};
    };
    std::atomic<std::uint64_t> sequence{0};
    std::array<Entry, kKept> ring{};
};

static_assert(std::atomic<std::uint64_t>::is_always_lock_free, "the page is shared between processes");

ActivityBoard::ActivityBoard() {
    void* p = ::mmap(nullptr, sizeof(Page), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        throw EnvironmentError(std::string("cannot map the activity page: ") + std::strerror(errno));
    }
    page_ = new (p) Page;
}

ActivityBoard::~ActivityBoard() {
    page_->~Page();
    ::munmap(page_, sizeof(Page));
}

void ActivityBoard::post(std::string_view what) noexcept {
    const auto before = page_->sequence.fetch_add(1, std::memory_order_acq_rel);
    Page::Entry& entry = page_->ring[(before / 2) % kKept];
    const auto n = std::min(what.size(), Page::kRoom);
    for (std::size_t i = 0; i < n; ++i) entry.text[i].store(what[i], std::memory_order_relaxed);
    entry.length.store(static_cast<std::uint32_t>(n), std::memory_order_relaxed);
    page_->sequence.fetch_add(1, std::memory_order_release);
}

std::uint64_t ActivityBoard::posts() const noexcept {
    return page_->sequence.load(std::memory_order_acquire) / 2;
}

ActivityBoard::Reading ActivityBoard::read(std::uint64_t since) const {
    Reading r;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const auto before = page_->sequence.load(std::memory_order_acquire);
        if (before % 2 != 0) continue;  // a post is being written
        const std::uint64_t posts = before / 2;
        const std::uint64_t first = std::max(since, posts >= kKept ? posts - kKept : 0);
        r.latest.clear();
        for (std::uint64_t k = first; k < posts; ++k) {
            const Page::Entry& entry = page_->ring[k % kKept];
            const auto n = std::min<std::size_t>(entry.length.load(std::memory_order_relaxed), Page::kRoom);
            std::string text(n, '\0');
            for (std::size_t i = 0; i < n; ++i) text[i] = entry.text[i].load(std::memory_order_relaxed);
            r.latest.push_back(std::move(text));
        }
        std::atomic_thread_fence(std::memory_order_acquire);
        if (page_->sequence.load(std::memory_order_relaxed) == before) {
            r.posts = posts;
            return r;
        }
    }
    r.posts = posts();
    r.latest = {"(the worker kept writing while its calls were read)"};
    return r;
}

}  // namespace wmimock::harness
