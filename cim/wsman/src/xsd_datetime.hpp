// CIM datetimes in the XML Schema forms DSP0230 maps them to: a timestamp as xs:dateTime
// (cim:Datetime), an interval as xs:duration (cim:Interval). Values those forms cannot hold
// exactly (wildcards, UTC offsets past ±14:00) keep the CIM text (cim:CIM_DateTime).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "wmimock/cim/datetime.hpp"

namespace wmimock::wsman::detail {

/// "2026-12-02T10:15:00.000000+01:00"; nullopt when xs:dateTime cannot hold it exactly.
std::optional<std::string> toXsdDateTime(const CimDateTime& timestamp);
/// "P1DT2H3M4.000005S" for an interval.
std::string toXsdDuration(const CimDateTime& interval);
/// Parses xs:dateTime (seconds fraction truncated to microseconds; no zone = UTC).
/// Throws CimError(InvalidParameter) naming the text.
CimDateTime fromXsdDateTime(std::string_view text);
/// Parses xs:duration without years or months (their length in days is not fixed).
/// Throws CimError(InvalidParameter).
CimDateTime fromXsdDuration(std::string_view text);

}  // namespace wmimock::wsman::detail
