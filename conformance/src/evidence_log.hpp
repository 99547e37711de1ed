// Where a check's evidence goes: the lines of its result that show what was called and
// seen (while recording is on; long loops record a summary instead), and its log.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "wmimock/conformance/result.hpp"

namespace wmimock::conformance {

class EvidenceLog {
public:
    explicit EvidenceLog(CheckResult& result) : result_(result) {}

    void add(std::string line) {
        if (recording_) result_.evidence.push_back(std::move(line));
    }
    void log(std::string line) { result_.log.push_back(std::move(line)); }
    void setRecording(bool on) noexcept { recording_ = on; }
    /// The evidence lines so far (setup marks the ones it adds).
    std::vector<std::string>& lines() noexcept { return result_.evidence; }

private:
    CheckResult& result_;
    bool recording_ = true;
};

}  // namespace wmimock::conformance
