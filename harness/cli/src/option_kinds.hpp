// Option shapes several commands share, so that each behaves the same everywhere.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "wmimock/cimom/fixtures.hpp"
#include "wmimock/mof/compiler.hpp"

namespace wmimock::cli {

/// A repeatable option that takes one value per occurrence (`-I dir -I dir2 a.mof b.mof`):
/// CLI11 would otherwise let one occurrence swallow the positional arguments after it.
inline CLI::Option* addRepeatable(CLI::App& app, const std::string& name, std::vector<std::string>& into,
                                  const std::string& help) {
    return app.add_option(name, into, help)->allow_extra_args(false);
}

/// A duration in seconds that must be greater than zero, refused in words rather than
/// with CLI11's numeric range (which prints the largest double in full).
inline CLI::Validator positiveSeconds() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            try {
                std::size_t used = 0;
                const double value = std::stod(text, &used);
                if (used == text.size() && value > 0 && value <= 1e7) return {};
            } catch (const std::exception&) {
            }
            return "'" + text + "' is not a number of seconds greater than 0 (e.g. 10 or 0.5)";
        },
        "SECONDS > 0");
}

/// A duration option in seconds (> 0), its default shown in --help.
inline CLI::Option* addSeconds(CLI::App& app, const std::string& name, double& into, const std::string& help) {
    return app.add_option(name, into, help)->capture_default_str()->check(positiveSeconds());
}

/// `--dialect auto|dmtf|wmi`: how the command reads MOF (see MofDialect).
inline CLI::Option* addMofDialect(CLI::App& app, MofDialect& into) {
    return app
        .add_option_function<std::string>(
            "--dialect", [&into](const std::string& text) { into = parseMofDialect(text).value_or(MofDialect::Auto); },
            "how MOF is read: auto (WMI when a file shows it is: UTF-16, WMI pragmas, __ classes, "
            "[Dynamic, Provider]), dmtf (DSP0004 only), wmi (mofcomp's rules); default auto")
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                if (parseMofDialect(text)) return {};
                return "'" + text + "' is not a MOF dialect: use auto, dmtf or wmi";
            },
            "auto|dmtf|wmi"));
}

/// `--baseline NAME` (repeatable): classes the project ships, loaded before any MOF.
inline CLI::Option* addBaseline(CLI::App& app, std::vector<std::string>& into) {
    std::vector<std::string> names;
    for (const std::string_view name : baselineNames()) names.emplace_back(name);
    return addRepeatable(app, "--baseline", into,
                         "load a baseline before the MOF: windows (root/cimv2 classes of every Windows, "
                         "and the PowerShell DSC classes)")
        ->check(CLI::IsMember(names, CLI::ignore_case));
}

}  // namespace wmimock::cli
