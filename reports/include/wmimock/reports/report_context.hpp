// Facts about the machine and the run that every report states: the host name, the tool
// version and the run's start time in the forms JUnit consumers accept.
#pragma once

#include <chrono>
#include <string>

namespace wmimock::reports {

/// This machine's host name; "localhost" when the system does not tell.
std::string localHostname();

/// "YYYY-MM-DDThh:mm:ss" in UTC, without fraction or zone (the only form the strict Ant
/// schema accepts for testsuite@timestamp).
std::string formatTimestamp(std::chrono::system_clock::time_point when);

/// Seconds with exactly three decimals ("0.012"); negative or NaN durations give "0.000".
/// Jenkins' xunit schema rejects times with more than three decimals.
std::string formatSeconds(std::chrono::duration<double> duration);

}  // namespace wmimock::reports
