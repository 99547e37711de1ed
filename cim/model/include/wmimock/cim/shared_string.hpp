// An immutable string whose copies share one buffer. A resolved schema repeats a few
// texts tens of thousands of times (every inherited property names the class that declared
// it); copying a SharedString costs a reference-count increment instead of an allocation.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace wmimock {

class SharedString {
public:
    SharedString() noexcept = default;
    SharedString(std::string text)  // NOLINT(google-explicit-constructor): a string in all but storage
        : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
    SharedString(std::string_view text) : SharedString(std::string(text)) {}  // NOLINT
    SharedString(const char* text) : SharedString(std::string(text)) {}       // NOLINT

    const std::string& str() const noexcept { return text_ ? *text_ : empty_(); }
    operator std::string_view() const noexcept { return str(); }  // NOLINT
    const char* c_str() const noexcept { return str().c_str(); }
    bool empty() const noexcept { return !text_; }
    std::size_t size() const noexcept { return str().size(); }
    void clear() noexcept { text_.reset(); }

    friend bool operator==(const SharedString& a, std::string_view b) noexcept { return a.str() == b; }
    friend bool operator==(const SharedString& a, const std::string& b) noexcept { return a.str() == b; }
    friend bool operator==(const SharedString& a, const char* b) noexcept { return a.str() == b; }
    friend bool operator==(const SharedString& a, const SharedString& b) noexcept {
        return a.text_ == b.text_ || a.str() == b.str();
    }
    friend std::string operator+(std::string a, const SharedString& b) { return std::move(a) += b.str(); }
    friend std::string operator+(const SharedString& a, std::string_view b) { return std::string(a.str()) += b; }
    friend std::ostream& operator<<(std::ostream& out, const SharedString& s) { return out << s.str(); }

private:
    static const std::string& empty_() noexcept {
        static const std::string none;
        return none;
    }

    std::shared_ptr<const std::string> text_;
};

}  // namespace wmimock
