// Helpers shared by the MOF compiler tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "wmimock/mof/compiler.hpp"

namespace wmimock::testing {

/// All diagnostics of a result, one per line, for failure messages.
inline std::string allDiagnostics(const MofCompileResult& result) {
    std::string text;
    for (const MofDiagnostic& d : result.diagnostics) text += d.toString() + "\n";
    return text;
}

/// Error diagnostics only.
inline std::vector<MofDiagnostic> errorsOf(const MofCompileResult& result) {
    std::vector<MofDiagnostic> errors;
    for (const MofDiagnostic& d : result.diagnostics) {
        if (d.severity == MofDiagnostic::Severity::Error) errors.push_back(d);
    }
    return errors;
}

/// Compiles `text` as "test.mof" into `repository` with the given options.
inline MofCompileResult compile(std::string_view text, SchemaRepository& repository, MofCompileOptions options = {}) {
    return MofCompiler(std::move(options)).compileString(text, "test.mof", repository);
}

/// A minimal set of DMTF qualifier declarations for DMTF-dialect test MOF.
inline constexpr std::string_view kBasicQualifiers = R"(
Qualifier Association : boolean = false, Scope(association), Flavor(DisableOverride, ToSubclass);
Qualifier Indication : boolean = false, Scope(class, indication), Flavor(DisableOverride, ToSubclass);
Qualifier Abstract : boolean = false, Scope(class, association, indication), Flavor(EnableOverride, Restricted);
Qualifier Description : string = null, Scope(any), Flavor(EnableOverride, ToSubclass, Translatable);
Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
Qualifier Override : string = null, Scope(property, reference, method), Flavor(EnableOverride, Restricted);
Qualifier In : boolean = true, Scope(parameter), Flavor(DisableOverride, ToSubclass);
Qualifier Out : boolean = false, Scope(parameter), Flavor(DisableOverride, ToSubclass);
Qualifier ValueMap : string[], Scope(property, method, parameter);
Qualifier Values : string[], Scope(property, method, parameter), Flavor(EnableOverride, ToSubclass, Translatable);
Qualifier MaxLen : uint32 = null, Scope(property, method, parameter);
Qualifier Deprecated : string[], Scope(any), Flavor(EnableOverride, Restricted);
Qualifier Version : string = null, Scope(class, association, indication), Flavor(EnableOverride, Restricted, Translatable);
Qualifier Required : boolean = false, Scope(property, reference, parameter, method), Flavor(DisableOverride, ToSubclass);
)";

}  // namespace wmimock::testing
