// What distinguishes the reference, win32 and hyperv simulations: where they live, how
// they represent state, and which code answers each situation. Data only, so the one
// state machine serves all three and a flavour cannot drift from the shared semantics.
#pragma once

#include <string>

#include "answer.hpp"

namespace wmimock::services::detail {

struct FlavourProfile {
    std::string name;           ///< "reference", "win32", "hyperv"
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
};

const FlavourProfile& referenceProfile();
const FlavourProfile& win32Profile();
const FlavourProfile& hypervProfile();
/// The profile named "reference", "win32" or "hyperv", or nullptr.
const FlavourProfile* findProfile(std::string_view name) noexcept;

}  // namespace wmimock::services::detail
