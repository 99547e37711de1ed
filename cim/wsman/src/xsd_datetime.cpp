#include "xsd_datetime.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdlib>

#include "wmimock/cim/error.hpp"

namespace wmimock::wsman::detail {
namespace {

constexpr int kMaxXsdOffsetMinutes = 14 * 60;

[[noreturn]] void bad(std::string_view what, std::string_view text, std::string_view why) {
    throw CimError(CimStatus::InvalidParameter,
                   "invalid " + std::string(what) + " '" + std::string(text) + "': " + std::string(why));
}

/// Reads exactly `digits` decimal digits at `pos`.
bool readFixed(std::string_view text, std::size_t& pos, std::size_t digits, int& out) {
    if (pos + digits > text.size()) return false;
    const char* begin = text.data() + pos;
    const auto [end, error] = std::from_chars(begin, begin + digits, out);
    if (error != std::errc{} || end != begin + digits) return false;
    pos += digits;
    return true;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
    if (pos >= text.size() || text[pos] != c) return false;
    ++pos;
    return true;
}

/// ".ffffff..." at `pos` as microseconds (digits past the sixth are dropped).
int readFraction(std::string_view text, std::size_t& pos) {
    if (pos >= text.size() || text[pos] != '.') return 0;
    ++pos;
    int micros = 0;
    int digits = 0;
    const std::size_t start = pos;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
        if (digits < 6) micros = micros * 10 + (text[pos] - '0');
        ++digits;
        ++pos;
    }
    if (pos == start) return -1;
    for (; digits < 6; ++digits) micros *= 10;
    return micros;
}

}  // namespace

std::optional<std::string> toXsdDateTime(const CimDateTime& t) {
    if (t.hasWildcards() || !t.isTimestamp()) return std::nullopt;
    const int offset = t.utcOffsetMinutes();
    if (offset > kMaxXsdOffsetMinutes || offset < -kMaxXsdOffsetMinutes) return std::nullopt;
    const int magnitude = std::abs(offset);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}{}{:02}:{:02}", t.year(), t.month(), t.day(),
                       t.hours(), t.minutes(), t.seconds(), t.microseconds(), offset < 0 ? '-' : '+', magnitude / 60,
                       magnitude % 60);
}

std::string toXsdDuration(const CimDateTime& i) {
    return fmt::format("P{}DT{}H{}M{}.{:06}S", i.days(), i.hours(), i.minutes(), i.seconds(), i.microseconds());
}

CimDateTime fromXsdDateTime(std::string_view text) {
    constexpr std::string_view what = "xs:dateTime";
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0, hours = 0, minutes = 0, seconds = 0;
    if (!readFixed(text, pos, 4, year) || !expect(text, pos, '-') || !readFixed(text, pos, 2, month) ||
        !expect(text, pos, '-') || !readFixed(text, pos, 2, day) || !expect(text, pos, 'T') ||
        !readFixed(text, pos, 2, hours) || !expect(text, pos, ':') || !readFixed(text, pos, 2, minutes) ||
        !expect(text, pos, ':') || !readFixed(text, pos, 2, seconds)) {
        bad(what, text, "expected YYYY-MM-DDThh:mm:ss");
    }
    const int micros = readFraction(text, pos);
    if (micros < 0) bad(what, text, "no digits after the decimal point");
    int offset = 0;
    if (pos < text.size() && text[pos] == 'Z') {
        ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos++] == '-' ? -1 : 1;
        int offsetHours = 0, offsetMinutes = 0;
        if (!readFixed(text, pos, 2, offsetHours) || !expect(text, pos, ':') ||
            !readFixed(text, pos, 2, offsetMinutes)) {
            bad(what, text, "the zone must be Z or +hh:mm");
        }
        offset = sign * (offsetHours * 60 + offsetMinutes);
    }
    if (pos != text.size()) bad(what, text, "unexpected text after the time");
    // The CIM text validates the fields (month 1..12, day of that month, ...).
    return CimDateTime::parse(fmt::format("{:04}{:02}{:02}{:02}{:02}{:02}.{:06}{}{:03}", year, month, day, hours,
                                          minutes, seconds, micros, offset < 0 ? '-' : '+', std::abs(offset)));
}

CimDateTime fromXsdDuration(std::string_view text) {
    constexpr std::string_view what = "xs:duration";
    std::size_t pos = 0;
    if (expect(text, pos, '-')) bad(what, text, "a CIM interval cannot be negative");
    if (!expect(text, pos, 'P')) bad(what, text, "expected P");
    bool inTime = false;
    bool any = false;
    bool timeComponent = false;
    std::int64_t micros = 0;
    while (pos < text.size()) {
        if (text[pos] == 'T') {
            if (inTime) bad(what, text, "a second T");
            inTime = true;
            ++pos;
            continue;
        }
        std::int64_t number = 0;
        const char* begin = text.data() + pos;
        const auto [end, error] = std::from_chars(begin, text.data() + text.size(), number);
        if (error != std::errc{} || end == begin) bad(what, text, "expected a number");
        pos += static_cast<std::size_t>(end - begin);
        int fraction = 0;
        if (pos < text.size() && text[pos] == '.') {
            fraction = readFraction(text, pos);
            if (fraction < 0) bad(what, text, "no digits after the decimal point");
        }
        if (pos >= text.size()) bad(what, text, "a number without its unit");
        const char unit = text[pos++];
        if (fraction != 0 && !(inTime && unit == 'S')) bad(what, text, "only seconds may have a fraction");
        constexpr std::int64_t kSecond = 1'000'000;
        constexpr std::int64_t kLimit = std::int64_t{100'000'000} * 86'400 * kSecond;  // 10^8 days
        std::int64_t scale = 0;
        if (!inTime && (unit == 'Y' || unit == 'M')) {
            if (number != 0) bad(what, text, "years and months have no fixed length in days");
        } else if (!inTime && unit == 'D') {
            scale = 86'400 * kSecond;
        } else if (inTime && unit == 'H') {
            scale = 3'600 * kSecond;
        } else if (inTime && unit == 'M') {
            scale = 60 * kSecond;
        } else if (inTime && unit == 'S') {
            scale = kSecond;
        } else {
            bad(what, text, std::string("unexpected unit '") + unit + "'");
        }
        if (scale != 0 && number > (kLimit - micros) / scale) bad(what, text, "longer than a CIM interval can be");
        micros += number * scale + fraction;
        any = true;
        timeComponent = timeComponent || inTime;
    }
    if (!any) bad(what, text, "no length");
    if (inTime && !timeComponent) bad(what, text, "T without hours, minutes or seconds");
    return CimDateTime::interval(std::chrono::microseconds(micros));
}

}  // namespace wmimock::wsman::detail
