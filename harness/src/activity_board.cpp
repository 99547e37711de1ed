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

// A sequence lock: the counter is odd while the worker writes. Every byte is an atomic, so
// a reader racing a writer sees a torn copy (and retries), never undefined behaviour.
struct ActivityBoard::Page {
    static constexpr std::size_t kRoom = 480;
    std::atomic<std::uint64_t> sequence{0};
    std::atomic<std::uint32_t> length{0};
    std::array<std::atomic<char>, kRoom> text{};
};

static_assert(std::atomic<std::uint64_t>::is_always_lock_free, "the page is shared between processes");

ActivityBoard::ActivityBoard() {
    void* p = ::mmap(nullptr, sizeof(Page), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        throw CimError(CimStatus::Failed, std::string("cannot map the activity page: ") + std::strerror(errno));
    }
    page_ = new (p) Page;
}

ActivityBoard::~ActivityBoard() {
    page_->~Page();
    ::munmap(page_, sizeof(Page));
}

void ActivityBoard::post(std::string_view what) noexcept {
    const auto n = std::min(what.size(), Page::kRoom);
    page_->sequence.fetch_add(1, std::memory_order_acq_rel);
    for (std::size_t i = 0; i < n; ++i) page_->text[i].store(what[i], std::memory_order_relaxed);
    page_->length.store(static_cast<std::uint32_t>(n), std::memory_order_relaxed);
    page_->sequence.fetch_add(1, std::memory_order_release);
}

std::uint64_t ActivityBoard::posts() const noexcept {
    return page_->sequence.load(std::memory_order_acquire) / 2;
}

ActivityBoard::Reading ActivityBoard::read() const {
    Reading r;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const auto before = page_->sequence.load(std::memory_order_acquire);
        if (before % 2 != 0) continue;  // a post is being written
        const auto n = std::min<std::size_t>(page_->length.load(std::memory_order_relaxed), Page::kRoom);
        r.what.resize(n);
        for (std::size_t i = 0; i < n; ++i) r.what[i] = page_->text[i].load(std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_acquire);
        if (page_->sequence.load(std::memory_order_relaxed) == before) {
            r.posts = before / 2;
            return r;
        }
    }
    r.posts = posts();
    r.what = "(the worker was writing its current call)";
    return r;
}

}  // namespace wmimock::harness
