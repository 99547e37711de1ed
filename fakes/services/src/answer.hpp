// What a simulated method call yields: a return value, or a CIM status error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "wmimock/cim/error.hpp"

namespace wmimock::services::detail {

struct Answer {
    std::uint32_t code = 0;
    std::optional<CimStatus> error;  ///< set: the call fails with this status instead
    std::string message;             ///< for errors

    static Answer returns(std::uint32_t code) { return Answer{code, std::nullopt, {}}; }
    static Answer fails(CimStatus status, std::string message) { return Answer{0, status, std::move(message)}; }

    bool isError() const noexcept { return error.has_value(); }
    friend bool operator==(const Answer&, const Answer&) = default;
};

}  // namespace wmimock::services::detail
