// CIM datetime (DSP0004): a timestamp "yyyymmddhhmmss.mmmmmmsutc" or an interval
// "ddddddddhhmmss.mmmmmm:000", always 25 characters.
//
// Validation: month 01..12, day 01..days of that month (Gregorian leap years), hours 00..23,
// minutes and seconds 00..59. A leap second (60) is rejected: std::chrono::system_clock and WMI
// cannot represent it. The UTC offset is any three digits; "-000" reads as "+000".
// Wildcards: each field is all digits or all asterisks (WMI writes unknown fields that way);
// the microseconds field may also end in asterisks for reduced precision ("12****"). A
// wildcard field reads as 0 and the value keeps its exact text.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wmimock {

class CimDateTime {
public:
    /// The zero interval "00000000000000.000000:000".
    CimDateTime() noexcept;

    /// Parses either form. Throws CimError(InvalidParameter) naming the 1-based column
    /// and what was wrong: "invalid datetime '...': column 15: expected '.'".
    /// Asterisks are accepted where DSP0004 allows them (insignificant trailing fields).
    static CimDateTime parse(std::string_view text);
    /// Same, but returns nullopt and fills *error instead of throwing.
    static std::optional<CimDateTime> tryParse(std::string_view text, std::string* error = nullptr);

    /// An interval of the given length (must be non-negative and below 10^8 days).
    static CimDateTime interval(std::chrono::microseconds length);
    /// A timestamp for a point in time, expressed with the given UTC offset in minutes.
    static CimDateTime timestamp(std::chrono::system_clock::time_point when, int utcOffsetMinutes = 0);

    bool isInterval() const noexcept { return interval_; }
    bool isTimestamp() const noexcept { return !interval_; }
    /// True if any field was written with asterisks.
    bool hasWildcards() const noexcept { return wildcards_; }

    // Timestamp fields (0 for intervals).
    int year() const noexcept { return year_; }
    int month() const noexcept { return month_; }
    int day() const noexcept { return day_; }
    int utcOffsetMinutes() const noexcept { return utcOffset_; }
    // Shared fields.
    int hours() const noexcept { return hours_; }
    int minutes() const noexcept { return minutes_; }
    int seconds() const noexcept { return seconds_; }
    int microseconds() const noexcept { return micros_; }
    // Interval field.
    std::int64_t days() const noexcept { return days_; }

    /// Interval length. Throws CimError(TypeMismatch) for a timestamp.
    std::chrono::microseconds toDuration() const;
    /// Point in time (UTC). Throws CimError(TypeMismatch) for an interval or wildcards.
    std::chrono::system_clock::time_point toTimePoint() const;

    /// The exact 25-character text; parse(toString()) == *this.
    std::string toString() const;

    /// Field-wise equality of the textual form (two timestamps naming the same instant
    /// with different offsets are different values, as in CIM-XML).
    friend bool operator==(const CimDateTime& a, const CimDateTime& b) noexcept;

private:
    friend class DateTimeParser;

    bool interval_ = true;
    bool wildcards_ = false;
    std::int64_t days_ = 0;
    int year_ = 0, month_ = 0, day_ = 0;
    int hours_ = 0, minutes_ = 0, seconds_ = 0, micros_ = 0;
    int utcOffset_ = 0;
    std::string text_;  // kept for exact round trip of wildcard forms
};

}  // namespace wmimock
