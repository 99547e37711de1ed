#include "wmimock/reports/json_writer.hpp"

#include <nlohmann/json.hpp>

#include "wmimock/conformance/result_json.hpp"
#include "wmimock/reports/report_context.hpp"
#include "wmimock/reports/report_output.hpp"
#include "wmimock/version.hpp"

namespace wmimock::reports {

std::string writeJson(const conformance::RunResult& run, int indent) {
    const conformance::RunSummary s = run.summary();
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const auto& check : run.results) results.push_back(conformance::toJson(check));
    const nlohmann::ordered_json document = {
        {"tool", "wmimock"},
        {"version", kVersion},
        {"started", formatTimestamp(run.started) + "Z"},
        {"duration", run.duration.count()},
        {"interrupted", run.interrupted},
        {"passed", run.passed()},
        {"summary",
         {{"planned", s.planned},
          {"total", s.total},
          {"passed", s.passed},
          {"warnings", s.warnings},
          {"notSupported", s.notSupported},
          {"failed", s.failed},
          {"errors", s.errors},
          {"timeouts", s.timeouts},
          {"crashes", s.crashes}}},
        {"results", std::move(results)},
        {"notes", run.notes},
    };
    // Messages come from the implementation under test: replace bytes that are not UTF-8
    // instead of throwing away the whole report.
    return document.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void writeJsonFile(const std::filesystem::path& file, const conformance::RunResult& run) {
    writeReport(file, writeJson(run));
}

}  // namespace wmimock::reports
