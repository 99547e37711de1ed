// What distinguishes the reference, win32, hyperv and pegasus simulations: where they live,
// how they represent state, and which code answers each situation. Data only, so the one
// state machine serves all three and a flavour cannot drift from the shared semantics.
#pragma once

#include <optional>
#include <string>

#include "answer.hpp"

namespace wmimock::services::detail {

struct FlavourProfile {
    std::string name;           ///< "reference", "win32", "hyperv", "pegasus"
    std::string nameSpace;      ///< where the service class lives
    std::string serviceClass;   ///< concrete class the simulation serves
    std::string mofFile;        ///< umbrella schema file under fixtures/ (embedded)
    std::string instancesFile;  ///< initial state under fixtures/ (embedded)
    std::string jobClass;       ///< CIM_ConcreteJob subclass for 4096 answers
    std::string affectedJobClass;
    std::string owningJobClass;
    std::string jobIdPrefix;  ///< InstanceID prefix of jobs, "<OrgID>:"

    /// false: the element does not model enablement (Win32_Service): EnabledState stays
    /// 5 (Not Applicable), RequestedState/TransitioningToState 12, and the Win32 `State`
    /// string carries the state next to `Started`.
    bool modelsEnabledState = true;
    bool win32StateString = false;
    bool supportsRequestStateChange = true;
    bool refusesStopWithRunningDependants = false;
    bool honoursTimeoutPeriod = true;  ///< Hyper-V documents TimeoutPeriod as unused
    bool asyncByDefault = false;       ///< RequestStateChange answers 4096 + job

    // Answers per situation.
    Answer stopWhenStopped = Answer::returns(0);
    Answer startWhenStarted = Answer::returns(0);
    Answer dependantsRunning = Answer::returns(3);
    Answer methodRefused = Answer::returns(1);  ///< StopService/StartService for a refused state
    Answer methodFailed = Answer::returns(4);   ///< random failure of StopService/StartService
    Answer rscUnsupported = Answer::fails(CimStatus::NotSupported, "RequestStateChange is not supported");
    Answer rscStateNotSupported = Answer::returns(1);
    Answer rscInvalidValue = Answer::returns(5);
    Answer rscCurrentState = Answer::returns(0);
    Answer rscTimeoutTooShort = Answer::returns(3);
    Answer rscTimeoutUnsupported = Answer::returns(4098);
    Answer rscTimestampTimeout = Answer::returns(5);
    Answer rscFailed = Answer::returns(4);

    // Departures of real servers from the DMTF reading (catalog PEG-IS, PEG-DISP).
    /// Set: StopService and StartService, declared by the class, are not implemented and
    /// answer this whatever the state.
    std::optional<Answer> serviceMethodsUnimplemented;
    /// false: RequestedState keeps the value it was loaded with (12: not tracked).
    bool tracksRequestedState = true;
    /// true: Started reads TRUE whatever the state.
    bool startedAlwaysTrue = false;
    /// true: the class has one instance and every instance path of the class names it,
    /// whatever its keys say (missing, extra or unknown keys included).
    bool ignoresKeys = false;
    /// true: in-parameters arrive as the client sent them, unchecked by the CIMOM.
    bool rawParameters = false;
    /// With rawParameters: RequestStateChange with a parameter the method does not declare
    /// (the other methods answer CIM_ERR_INVALID_PARAMETER).
    Answer rscUnknownParameter = Answer::fails(CimStatus::InvalidParameter, "unknown parameter");
    /// With rawParameters: a RequestedState that is not an integer (a string, an array).
    Answer rscIllTypedState = Answer::fails(CimStatus::InvalidParameter, "RequestedState must be a uint16");
};

const FlavourProfile& referenceProfile();
const FlavourProfile& win32Profile();
const FlavourProfile& hypervProfile();
const FlavourProfile& pegasusProfile();
/// The profile named "reference", "win32", "hyperv" or "pegasus", or nullptr.
const FlavourProfile* findProfile(std::string_view name) noexcept;

}  // namespace wmimock::services::detail
