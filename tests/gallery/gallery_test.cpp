// Mutation testing of the suite: every gallery provider, run as a user runs a plugin
// (process isolation, the real clock), fails exactly the rules its front matter declares,
// warns exactly on the SHOULD rules it declares, and reports every planned check. A correct
// provider ("breaks: none") comes out clean.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "gallery_manifest.hpp"
#include "wmimock/conformance/result.hpp"
#include "wmimock/conformance/rule.hpp"
#include "wmimock/harness/runner.hpp"

namespace {

using namespace wmimock;
using conformance::Outcome;

/// The rule IDs of a front-matter line; a word that names no rule of the catalog is a
/// mistake in the declaration, reported as a test failure rather than silently compared.
std::set<std::string> ruleIds(std::string_view text, std::string_view provider) {
    std::set<std::string> out;
    std::istringstream in{std::string(text)};
    for (std::string word; in >> word;) {
        if (word == "none") continue;
        if (conformance::findRule(word) == nullptr) {
            ADD_FAILURE() << provider << ": the front matter names \"" << word << "\", which is no rule ID";
        }
        out.insert(word);
    }
    return out;
}

std::string join(const std::set<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
    return out.empty() ? "(none)" : out;
}

std::string describe(const conformance::CheckResult& r) {
    std::string out = r.ruleId + " " + std::string(conformance::toString(r.outcome)) + ": " + r.message;
    if (!r.expected.empty()) out += "\n      expected: " + r.expected;
    if (!r.actual.empty()) out += "\n      actual:   " + r.actual;
    return out;
}

class Gallery : public ::testing::TestWithParam<GalleryEntry> {};

TEST_P(Gallery, VerdictsAreTheDeclaredOnes) {
    const GalleryEntry& entry = GetParam();
    harness::RunOptions options;
    options.targets = {std::string("plugin:") + entry.plugin};
    options.isolation = harness::RunOptions::Isolation::Process;
    options.session.settings.pollInterval = std::chrono::milliseconds(50);
    options.session.settings.retentionWait = std::chrono::seconds(2);
    // The gallery's transitions take at most 1 s: shorter bounds than the defaults keep a
    // provider that never gets there from costing 30 s per wait (they are options, §0.3).
    options.session.settings.settleTimeout = std::chrono::seconds(4);
    options.session.settings.jobTimeout = std::chrono::seconds(8);
    const auto breaks = ruleIds(entry.breaks, entry.name);
    const auto warns = ruleIds(entry.warns, entry.name);
    const bool correct = breaks.empty();
    const conformance::RunResult run = harness::run(options);

    EXPECT_EQ(run.results.size(), run.planned) << "every planned check reports (catalog §0.3 Rev. 2)";
    std::set<std::string> failed, warned;
    std::string details;
    for (const auto& r : run.results) {
        if (r.outcome == Outcome::Error) ADD_FAILURE() << "the harness could not run a check: " << describe(r);
        if (conformance::isFailure(r.outcome)) failed.insert(r.ruleId);
        if (r.outcome == Outcome::Warning) warned.insert(r.ruleId);
        if (r.outcome != Outcome::Pass && r.outcome != Outcome::NotSupported) details += "\n    " + describe(r);
        // A correct provider never makes the suite wait for a state it is not heading to
        // (catalog §0.3 Rev. 2: restores follow the element's own direction).
        for (const auto& line : r.evidence) {
            if (correct && line.find("not reached within") != std::string::npos) {
                ADD_FAILURE() << r.ruleId << " waited in vain on a correct provider: " << line;
            }
        }
    }
    EXPECT_EQ(join(failed), join(breaks)) << entry.name << ": rules failed vs declared" << details;
    EXPECT_EQ(join(warned), join(warns)) << entry.name << ": rules warned vs declared" << details;
}

std::string nameOf(const ::testing::TestParamInfo<GalleryEntry>& info) {
    std::string name = info.param.name;
    for (char& c : name) {
        if (c == '-') c = '_';
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Providers, Gallery, ::testing::ValuesIn(kGallery), nameOf);

}  // namespace
