#include "wmimock/cim/datetime.hpp"

#include <array>
#include <cstdio>

#include "wmimock/cim/error.hpp"

namespace wmimock {

namespace {

constexpr std::size_t kLength = 25;
constexpr std::size_t kDotPos = 14;
constexpr std::size_t kSignPos = 21;
constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kMaxIntervalDays = 99'999'999;

struct Field {
    std::size_t pos;
    std::size_t len;
    const char* name;
};

// A field is all digits, all asterisks, or (microseconds only) digits followed by asterisks.
enum class FieldKind { Digits, Wildcard, PartialWildcard };

struct ParseError {
    std::size_t column = 0;  // 1-based, 0 = no particular column
    std::string what;
};

bool isLeapYear(int y) noexcept {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int year, int month) noexcept {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && isLeapYear(year)) return 29;
    return kDays[static_cast<std::size_t>(month - 1)];
}

// Zero-padded decimal of exactly `width` digits (fields are range-checked before this).
void appendDigits(std::string& out, std::int64_t value, int width) {
    std::string digits(static_cast<std::size_t>(width), '0');
    for (int i = width - 1; i >= 0 && value > 0; --i, value /= 10) {
        digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    }
    out += digits;
}

std::string quoteForMessage(std::string_view text) {
    std::string out = "invalid datetime '";
    out.append(text);
    out += "'";
    return out;
}

}  // namespace

// Parsing lives in a local class so the field helpers can share the text and error slot.
class DateTimeParser {
public:
    explicit DateTimeParser(std::string_view text) : text_(text) {}

    std::optional<CimDateTime> run(ParseError& error) {
        if (text_.size() != kLength) {
            const std::size_t column = text_.size() < kLength ? text_.size() + 1 : kLength + 1;
            error = {column, text_.size() < kLength ? "unexpected end: a datetime has exactly 25 characters, got " +
                                                          std::to_string(text_.size())
                                                    : "unexpected characters after the 25th: a datetime has exactly "
                                                      "25 characters, got " +
                                                          std::to_string(text_.size())};
            return std::nullopt;
        }
        CimDateTime dt;
        const char separator = text_[kSignPos];
        if (separator == ':') {
            dt.interval_ = true;
        } else if (separator == '+' || separator == '-') {
            dt.interval_ = false;
        } else {
            error = {kSignPos + 1, "expected '+' or '-' (timestamp) or ':' (interval), got " + describe(separator)};
            return std::nullopt;
        }
        if (text_[kDotPos] != '.') {
            error = {kDotPos + 1, "expected '.', got " + describe(text_[kDotPos])};
            return std::nullopt;
        }

        bool wildcards = false;
        std::int64_t value = 0;
        auto field = [&](const Field& f, bool partialAllowed, std::int64_t& out) -> bool {
            auto kind = scan(f, partialAllowed, out, error);
            if (!kind) return false;
            if (*kind != FieldKind::Digits) wildcards = true;
            return true;
        };

        std::int64_t hours = 0, minutes = 0, seconds = 0, micros = 0;
        if (dt.interval_) {
            std::int64_t days = 0;
            if (!field({0, 8, "days"}, false, days)) return std::nullopt;
            dt.days_ = days;
        } else {
            std::int64_t year = 0, month = 0, day = 0;
            if (!field({0, 4, "year"}, false, year) || !field({4, 2, "month"}, false, month) ||
                !field({6, 2, "day"}, false, day)) {
                return std::nullopt;
            }
            if (!isWildcard(4) && (month < 1 || month > 12)) {
                error = {5, "month " + std::to_string(month) + " is out of range 01..12"};
                return std::nullopt;
            }
            if (!isWildcard(6)) {
                // With an unknown year or month, allow the most a month can have.
                int maxDay = 31;
                if (!isWildcard(4)) maxDay = isWildcard(0) && month == 2 ? 29 : daysInMonth(int(year), int(month));
                if (day < 1 || day > maxDay) {
                    error = {7, "day " + std::to_string(day) + " is out of range 01.." + std::to_string(maxDay) +
                                    (isWildcard(4) ? std::string() : " for month " + std::to_string(month)) +
                                    (isWildcard(0) || month != 2 ? std::string() : " of " + std::to_string(year))};
                    return std::nullopt;
                }
            }
            dt.year_ = int(year);
            dt.month_ = int(month);
            dt.day_ = int(day);
        }
        if (!field({8, 2, "hours"}, false, hours) || !field({10, 2, "minutes"}, false, minutes) ||
            !field({12, 2, "seconds"}, false, seconds) || !field({15, 6, "microseconds"}, true, micros)) {
            return std::nullopt;
        }
        if (hours > 23) {
            error = {9, "hours " + std::to_string(hours) + " is out of range 00..23"};
            return std::nullopt;
        }
        if (minutes > 59) {
            error = {11, "minutes " + std::to_string(minutes) + " is out of range 00..59"};
            return std::nullopt;
        }
        // Leap second 60 is rejected: system_clock (and WMI) cannot represent it.
        if (seconds > 59) {
            error = {13, "seconds " + std::to_string(seconds) + " is out of range 00..59"};
            return std::nullopt;
        }
        dt.hours_ = int(hours);
        dt.minutes_ = int(minutes);
        dt.seconds_ = int(seconds);
        dt.micros_ = int(micros);

        if (dt.interval_) {
            if (text_.substr(22, 3) != "000") {
                error = {23, "an interval must end with ':000', got ':" + std::string(text_.substr(22, 3)) + "'"};
                return std::nullopt;
            }
        } else {
            if (!field({22, 3, "UTC offset"}, false, value)) return std::nullopt;
            dt.utcOffset_ = int(separator == '-' ? -value : value);
        }
        dt.wildcards_ = wildcards;
        if (wildcards) dt.text_ = std::string(text_);
        return dt;
    }

private:
    static std::string describe(char c) {
        if (c >= 0x20 && c < 0x7f) return std::string("'") + c + "'";
        char buf[8];
        std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(c));
        return buf;
    }

    bool isWildcard(std::size_t pos) const noexcept { return text_[pos] == '*'; }

    std::optional<FieldKind> scan(const Field& f, bool partialAllowed, std::int64_t& out, ParseError& error) const {
        out = 0;
        std::size_t digits = 0;
        std::size_t stars = 0;
        for (std::size_t i = 0; i < f.len; ++i) {
            const char c = text_[f.pos + i];
            if (c >= '0' && c <= '9') {
                if (stars > 0) {
                    error = {f.pos + i + 1, std::string("digit after '*' in the ") + f.name +
                                                " field (asterisks must be the rightmost digits)"};
                    return std::nullopt;
                }
                out = out * 10 + (c - '0');
                ++digits;
            } else if (c == '*') {
                ++stars;
            } else {
                error = {f.pos + i + 1,
                         std::string("expected a digit in the ") + f.name + " field, got " + describe(c)};
                return std::nullopt;
            }
        }
        if (stars == 0) return FieldKind::Digits;
        if (digits == 0) {
            out = 0;
            return FieldKind::Wildcard;
        }
        if (!partialAllowed) {
            error = {f.pos + digits + 1, std::string("the ") + f.name + " field must be all digits or all asterisks"};
            return std::nullopt;
        }
        for (std::size_t i = digits; i < f.len; ++i) out *= 10;  // reduced precision: missing digits count as 0
        return FieldKind::PartialWildcard;
    }

    std::string_view text_;
};

CimDateTime::CimDateTime() noexcept = default;

std::optional<CimDateTime> CimDateTime::tryParse(std::string_view text, std::string* error) {
    ParseError err;
    auto result = DateTimeParser(text).run(err);
    if (!result && error) {
        *error = quoteForMessage(text);
        if (err.column > 0) *error += ": column " + std::to_string(err.column);
        *error += ": " + err.what;
    }
    return result;
}

CimDateTime CimDateTime::parse(std::string_view text) {
    std::string error;
    auto result = tryParse(text, &error);
    if (!result) throw CimError(CimStatus::InvalidParameter, error);
    return *result;
}

CimDateTime CimDateTime::interval(std::chrono::microseconds length) {
    const std::int64_t total = length.count();
    if (total < 0) {
        throw CimError(CimStatus::InvalidParameter,
                       "a datetime interval cannot be negative (" + std::to_string(total) + " microseconds)");
    }
    const std::int64_t micros = total % kMicrosPerSecond;
    const std::int64_t totalSeconds = total / kMicrosPerSecond;
    const std::int64_t days = totalSeconds / 86400;
    if (days > kMaxIntervalDays) {
        throw CimError(CimStatus::InvalidParameter,
                       "a datetime interval must be shorter than 100000000 days (" + std::to_string(days) + " days)");
    }
    CimDateTime dt;
    dt.interval_ = true;
    dt.days_ = days;
    dt.hours_ = int(totalSeconds % 86400 / 3600);
    dt.minutes_ = int(totalSeconds % 3600 / 60);
    dt.seconds_ = int(totalSeconds % 60);
    dt.micros_ = int(micros);
    return dt;
}

CimDateTime CimDateTime::timestamp(std::chrono::system_clock::time_point when, int utcOffsetMinutes) {
    // Member functions named hours(), minutes()... hide the chrono names here, hence `chr::`.
    namespace chr = std::chrono;
    if (utcOffsetMinutes < -999 || utcOffsetMinutes > 999) {
        throw CimError(CimStatus::InvalidParameter,
                       "UTC offset " + std::to_string(utcOffsetMinutes) + " minutes is out of range -999..999");
    }
    const auto local = chr::floor<chr::microseconds>(when) + chr::minutes(utcOffsetMinutes);
    const auto dayPoint = chr::floor<chr::days>(local);
    const chr::year_month_day ymd{dayPoint};
    const int y = int(ymd.year());
    if (y < 0 || y > 9999) {
        throw CimError(CimStatus::InvalidParameter,
                       "year " + std::to_string(y) + " cannot be written as a CIM datetime (0000..9999)");
    }
    const std::int64_t micros = (local - dayPoint).count();
    CimDateTime dt;
    dt.interval_ = false;
    dt.year_ = y;
    dt.month_ = int(unsigned(ymd.month()));
    dt.day_ = int(unsigned(ymd.day()));
    dt.hours_ = int(micros / (3600 * kMicrosPerSecond));
    dt.minutes_ = int(micros / (60 * kMicrosPerSecond) % 60);
    dt.seconds_ = int(micros / kMicrosPerSecond % 60);
    dt.micros_ = int(micros % kMicrosPerSecond);
    dt.utcOffset_ = utcOffsetMinutes;
    return dt;
}

std::chrono::microseconds CimDateTime::toDuration() const {
    if (!interval_)
        throw CimError(CimStatus::TypeMismatch, "datetime " + toString() + " is a timestamp, not an interval");
    if (wildcards_) throw CimError(CimStatus::TypeMismatch, "datetime interval " + toString() + " has wildcards");
    const std::int64_t totalSeconds = ((days_ * 24 + hours_) * 60 + minutes_) * 60 + seconds_;
    return std::chrono::microseconds(totalSeconds * kMicrosPerSecond + micros_);
}

std::chrono::system_clock::time_point CimDateTime::toTimePoint() const {
    namespace chr = std::chrono;
    if (interval_)
        throw CimError(CimStatus::TypeMismatch, "datetime " + toString() + " is an interval, not a timestamp");
    if (wildcards_) throw CimError(CimStatus::TypeMismatch, "datetime timestamp " + toString() + " has wildcards");
    const chr::sys_days date{
        chr::year_month_day{chr::year{year_}, chr::month{unsigned(month_)}, chr::day{unsigned(day_)}}};
    const chr::sys_time<chr::microseconds> utc = date + chr::hours(hours_) + chr::minutes(minutes_) +
                                                 chr::seconds(seconds_) + chr::microseconds(micros_) -
                                                 chr::minutes(utcOffset_);
    // system_clock counts nanoseconds in 64 bits (years 1678..2262): refuse what would overflow.
    using Limits = chr::system_clock::time_point;
    if (utc <= chr::floor<chr::microseconds>(Limits::min()) || utc > chr::floor<chr::microseconds>(Limits::max())) {
        throw CimError(CimStatus::InvalidParameter,
                       "datetime " + toString() + " is outside the range of std::chrono::system_clock");
    }
    return chr::time_point_cast<chr::system_clock::duration>(utc);
}

std::string CimDateTime::toString() const {
    if (wildcards_) return text_;
    std::string out;
    out.reserve(kLength);
    if (interval_) {
        appendDigits(out, days_, 8);
    } else {
        appendDigits(out, year_, 4);
        appendDigits(out, month_, 2);
        appendDigits(out, day_, 2);
    }
    appendDigits(out, hours_, 2);
    appendDigits(out, minutes_, 2);
    appendDigits(out, seconds_, 2);
    out += '.';
    appendDigits(out, micros_, 6);
    if (interval_) {
        out += ":000";
    } else {
        out += utcOffset_ < 0 ? '-' : '+';
        appendDigits(out, utcOffset_ < 0 ? -utcOffset_ : utcOffset_, 3);
    }
    return out;
}

bool operator==(const CimDateTime& a, const CimDateTime& b) noexcept {
    if (a.interval_ != b.interval_ || a.wildcards_ != b.wildcards_) return false;
    if (a.wildcards_) return a.text_ == b.text_;
    return a.days_ == b.days_ && a.year_ == b.year_ && a.month_ == b.month_ && a.day_ == b.day_ &&
           a.hours_ == b.hours_ && a.minutes_ == b.minutes_ && a.seconds_ == b.seconds_ && a.micros_ == b.micros_ &&
           a.utcOffset_ == b.utcOffset_;
}

}  // namespace wmimock
