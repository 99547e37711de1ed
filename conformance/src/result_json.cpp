#include "wmimock/conformance/result_json.hpp"

#include <array>

namespace wmimock::conformance {
namespace {

constexpr std::array kOutcomes{Outcome::Pass,  Outcome::Warning, Outcome::NotSupported, Outcome::Fail,
                               Outcome::Error, Outcome::Timeout, Outcome::Crash};
constexpr std::array kLevels{Level::Must, Level::Should, Level::May};

template <typename T>
T value(const nlohmann::ordered_json& j, const char* key, T fallback) {
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? fallback : it->get<T>();
}

}  // namespace

nlohmann::ordered_json toJson(const CheckResult& r) {
    nlohmann::ordered_json j{{"ruleId", r.ruleId},
                             {"title", r.title},
                             {"level", toString(r.level)},
                             {"ruleSource", r.ruleSource},
                             {"outcome", toString(r.outcome)},
                             {"message", r.message},
                             {"expected", r.expected},
                             {"actual", r.actual},
                             {"evidence", r.evidence},
                             {"log", r.log},
                             {"duration", r.duration.count()},
                             {"target", r.target},
                             {"namespace", r.nameSpace},
                             {"class", r.className},
                             {"instancePath", r.instancePath},
                             {"sourceFile", r.sourceFile},
                             {"sourceLine", r.sourceLine}};
    if (!r.undefinedStatuses.empty()) {
        auto& list = j["undefinedStatuses"] = nlohmann::ordered_json::array();
        for (const auto& u : r.undefinedStatuses) list.push_back({{"code", u.code}, {"call", u.call}});
    }
    return j;
}

CheckResult checkResultFromJson(const nlohmann::ordered_json& j) {
    CheckResult r;
    r.ruleId = value<std::string>(j, "ruleId", {});
    r.title = value<std::string>(j, "title", {});
    const auto level = value<std::string>(j, "level", "MUST");
    for (const auto l : kLevels) {
        if (toString(l) == level) r.level = l;
    }
    r.ruleSource = value<std::string>(j, "ruleSource", {});
    const auto outcome = value<std::string>(j, "outcome", "error");
    r.outcome = Outcome::Error;
    for (const auto o : kOutcomes) {
        if (toString(o) == outcome) r.outcome = o;
    }
    r.message = value<std::string>(j, "message", {});
    r.expected = value<std::string>(j, "expected", {});
    r.actual = value<std::string>(j, "actual", {});
    r.evidence = value<std::vector<std::string>>(j, "evidence", {});
    r.log = value<std::vector<std::string>>(j, "log", {});
    r.duration = std::chrono::duration<double>(value<double>(j, "duration", 0.0));
    r.target = value<std::string>(j, "target", {});
    r.nameSpace = value<std::string>(j, "namespace", {});
    r.className = value<std::string>(j, "class", {});
    r.instancePath = value<std::string>(j, "instancePath", {});
    r.sourceFile = value<std::string>(j, "sourceFile", {});
    r.sourceLine = value<int>(j, "sourceLine", 0);
    if (const auto it = j.find("undefinedStatuses"); it != j.end() && it->is_array()) {
        for (const auto& u : *it) {
            r.undefinedStatuses.push_back({value<std::uint32_t>(u, "code", 0), value<std::string>(u, "call", {})});
        }
    }
    return r;
}

}  // namespace wmimock::conformance
