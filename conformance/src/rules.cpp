// The catalog assembled from the rule families (each rule is defined beside its check in
// checks_*.cpp), and the glossary of the sources the rules cite.
#include <algorithm>
#include <array>
#include <vector>

#include "check_registry.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/conformance/rule.hpp"

namespace wmimock::conformance {
namespace {

constexpr std::array kGlossary{
    SourceTerm{"SVC",
               "CIM_Service as CIM Schema 2.49 defines it: StopService, StartService, Started and StartMode; both "
               "methods are deprecated in favour of RequestStateChange."},
    SourceTerm{"ELE",
               "CIM_EnabledLogicalElement in CIM Schema 2.49: EnabledState, RequestedState, EnabledDefault, "
               "TransitioningToState, TimeOfLastStateChange, AvailableRequestedStates and RequestStateChange with its "
               "return codes."},
    SourceTerm{"CAP",
               "CIM_EnabledLogicalElementCapabilities: RequestedStatesSupported and StateAwareness, reached through "
               "CIM_ElementCapabilities."},
    SourceTerm{"JOB",
               "CIM_Job and CIM_ConcreteJob: JobState, PercentComplete, TimeBeforeRemoval, ErrorCode, "
               "ErrorDescription, JobOutParameters and GetErrors."},
    SourceTerm{"ERRCLS", "CIM_Error and its CIMStatusCode value map: which CIM status codes exist."},
    SourceTerm{"DSP0200-list",
               "DSP0200's list of the errors InvokeMethod may answer, and the order in which the first applicable one "
               "is chosen."},
    SourceTerm{
        "DSP0201",
        "DSP0201, the CIM-XML representation: a METHODRESPONSE holds an ERROR or a return value with out parameters."},
    SourceTerm{"PEG-IS",
               "OpenPegasus's CIM_IndicationService provider, a real RequestStateChange implementation (it enables and "
               "disables indication delivery)."},
    SourceTerm{"PEG-DISP",
               "OpenPegasus's request dispatcher: what the server answers before any provider runs (a missing class, "
               "an unknown method, a parameter it cannot convert)."},
    SourceTerm{"HV-SS", "Microsoft's Hyper-V documentation of CIM_Service.StopService."},
    SourceTerm{"HV-RSC",
               "Microsoft's Hyper-V documentation of RequestStateChange on CIM_EnabledLogicalElement and "
               "Msvm_ComputerSystem."},
    SourceTerm{"W32-SS",
               "Microsoft's documentation of Win32_Service.StopService: its return codes, and 0 meaning the request "
               "was accepted."},
    SourceTerm{"WMI-ERR", "Microsoft's WMI error constants (WBEM_E_*), the WMI counterparts of CIM status codes."},
    SourceTerm{"VPROF",
               "Management profiles written on the DMTF profile template (their conditional-support wording), used as "
               "secondary evidence."},
    SourceTerm{"CIM_AffectedJobElement", "The schema association between a job and the elements it affects."},
    SourceTerm{"mock requirement", "A requirement on wmimock's own fake CIMOM, not on the implementation under test."},
};

}  // namespace

std::string_view toString(Level level) noexcept {
    switch (level) {
        case Level::Must:
            return "MUST";
        case Level::Should:
            return "SHOULD";
        case Level::May:
            return "MAY";
    }
    return "MUST";
}

std::span<const Rule> rules() noexcept {
    static const std::vector<Rule> catalog = [] {
        std::vector<Rule> all;
        for (const auto family : {ssRules(), rscRules(), conRules(), errRules(), jobRules(), concRules()}) {
            for (const Rule* rule : family) all.push_back(*rule);
        }
        return all;
    }();
    return catalog;
}

const Rule* findRule(std::string_view id) noexcept {
    const auto all = rules();
    const auto it = std::find_if(all.begin(), all.end(), [&](const Rule& r) { return iequals(r.id, id); });
    return it == all.end() ? nullptr : &*it;
}

std::span<const SourceTerm> sourceGlossary() noexcept {
    return kGlossary;
}

const SourceTerm* findSourceTerm(std::string_view abbreviation) noexcept {
    const auto it = std::find_if(kGlossary.begin(), kGlossary.end(),
                                 [&](const SourceTerm& t) { return t.abbreviation == abbreviation; });
    return it == kGlossary.end() ? nullptr : &*it;
}

}  // namespace wmimock::conformance
