#include "child_protocol.hpp"

#include <nlohmann/json.hpp>

#include "wmimock/conformance/result_json.hpp"

namespace wmimock::harness::child {
namespace {

using Json = nlohmann::ordered_json;

Json toJson(const Plan& m) {
    Json states = Json::array();
    for (const auto& s : m.initial) states.push_back({{"path", s.path}, {"running", s.running}, {"known", s.known}});
    return {{"type", "plan"},
            {"namespace", m.plan.nameSpace},
            {"class", m.plan.className},
            {"instances", m.plan.instances},
            {"checkCount", m.plan.checkCount},
            {"initial", states}};
}
Json toJson(const Begin& m) {
    return {{"type", "begin"}, {"item", m.item}, {"posts", m.posts}};
}
Json toJson(const Result& m) {
    return {{"type", "result"}, {"item", m.item}, {"result", conformance::toJson(m.result)}};
}
Json toJson(const Note& m) {
    return {{"type", "note"}, {"text", m.text}};
}
Json toJson(const Fatal& m) {
    return {
        {"type", "fatal"}, {"status", static_cast<int>(m.status)}, {"message", m.message}, {"badUsage", m.badUsage}};
}
Json toJson(const Done& m) {
    return {{"type", "done"}, {"stopped", m.stopped}};
}

Message fromJson(const Json& j) {
    const std::string type = j.at("type").get<std::string>();
    if (type == "plan") {
        Plan m;
        m.plan.nameSpace = j.at("namespace").get<std::string>();
        m.plan.className = j.at("class").get<std::string>();
        m.plan.instances = j.at("instances").get<std::vector<std::string>>();
        m.plan.checkCount = j.at("checkCount").get<std::size_t>();
        for (const auto& s : j.at("initial")) {
            m.initial.push_back(
                {s.at("path").get<std::string>(), s.at("running").get<bool>(), s.at("known").get<bool>()});
        }
        return m;
    }
    if (type == "begin") return Begin{j.at("item").get<std::size_t>(), j.value<std::uint64_t>("posts", 0)};
    if (type == "result")
        return Result{j.at("item").get<std::size_t>(), conformance::checkResultFromJson(j.at("result"))};
    if (type == "note") return Note{j.at("text").get<std::string>()};
    if (type == "fatal") {
        return Fatal{static_cast<CimStatus>(j.at("status").get<int>()), j.at("message").get<std::string>(),
                     j.at("badUsage").get<bool>()};
    }
    if (type == "done") return Done{j.at("stopped").get<bool>()};
    throw std::invalid_argument("unknown message type '" + type + "'");
}

}  // namespace

std::string encode(const Message& message) {
    return std::visit([](const auto& m) { return toJson(m).dump(-1, ' ', false, Json::error_handler_t::replace); },
                      message);
}

std::optional<Message> decode(std::string_view line) {
    try {
        return fromJson(Json::parse(line));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace wmimock::harness::child
