#include "flavour_profile.hpp"

#include "wmimock/cim/names.hpp"

namespace wmimock::services::detail {

const FlavourProfile& referenceProfile() {
    // The rules catalog's "dmtf-strict" profile (§7): 0 for an idempotent stop, 1 for
    // states outside RequestedStatesSupported, 5 for invalid values, 3/4098 for timeouts.
    static const FlavourProfile profile = [] {
        FlavourProfile p;
        p.name = "reference";
        p.nameSpace = "root/cimv2";
        p.serviceClass = "WMIMock_Service";
        p.mofFile = "mof/reference.mof";
        p.instancesFile = "instances/reference_system.mof";
        p.jobClass = "WMIMock_ConcreteJob";
        p.affectedJobClass = "CIM_AffectedJobElement";
        p.owningJobClass = "CIM_OwningJobElement";
        p.jobIdPrefix = "WMIMock:Job:";
        return p;
    }();
    return profile;
}

const FlavourProfile& win32Profile() {
    // Win32_Service.StopService/StartService codes (codes.md §6): 5 "Service Cannot
    // Accept Control" for a stop on a stopped service, 3 "Dependent Services Running",
    // 10 "Service Already Running", 8 "Unknown Failure". RequestStateChange is not
    // implemented (ERR-006: CIM_ERR_NOT_SUPPORTED).
    static const FlavourProfile profile = [] {
        FlavourProfile p;
        p.name = "win32";
        p.nameSpace = "root/cimv2";
        p.serviceClass = "Win32_Service";
        p.mofFile = "mof/win32_flavour.mof";
        p.instancesFile = "instances/win32_system.mof";
        p.modelsEnabledState = false;
        p.win32StateString = true;
        p.supportsRequestStateChange = false;
        p.refusesStopWithRunningDependants = true;
        p.stopWhenStopped = Answer::returns(5);
        p.startWhenStarted = Answer::returns(10);
        p.dependantsRunning = Answer::returns(3);
        p.methodRefused = Answer::returns(1);
        p.methodFailed = Answer::returns(8);
        p.rscUnsupported =
            Answer::fails(CimStatus::NotSupported, "Win32_Service does not implement RequestStateChange");
        return p;
    }();
    return profile;
}

const FlavourProfile& hypervProfile() {
    // Msvm_* return codes (codes.md §7): the class's ValueMap has 0, 4096 and
    // 32768..32778 only, so DMTF codes 1/3/4/5/4098 become their vendor equivalents or,
    // for bad parameter values, CIM_ERR_INVALID_PARAMETER.
    static const FlavourProfile profile = [] {
        FlavourProfile p;
        p.name = "hyperv";
        p.nameSpace = "root/virtualization/v2";
        p.serviceClass = "Msvm_VirtualSystemManagementService";
        p.mofFile = "mof/hyperv_flavour.mof";
        p.instancesFile = "instances/hyperv_system.mof";
        p.jobClass = "Msvm_ConcreteJob";
        p.affectedJobClass = "Msvm_AffectedJobElement";
        p.owningJobClass = "Msvm_OwningJobElement";
        p.jobIdPrefix = "Microsoft:";
        p.honoursTimeoutPeriod = false;
        p.asyncByDefault = true;
        p.stopWhenStopped = Answer::returns(32775);  // Invalid state for this operation
        p.startWhenStarted = Answer::returns(32775);
        p.methodRefused = Answer::returns(32770);  // Not Supported
        p.methodFailed = Answer::returns(32768);   // Failed
        p.rscStateNotSupported = Answer::returns(32770);
        p.rscInvalidValue =
            Answer::fails(CimStatus::InvalidParameter, "RequestedState is not a valid RequestStateChange value");
        p.rscCurrentState = Answer::returns(32775);
        p.rscTimeoutTooShort = Answer::returns(32772);
        p.rscTimeoutUnsupported = Answer::returns(32770);
        p.rscTimestampTimeout = Answer::fails(CimStatus::InvalidParameter, "TimeoutPeriod must be a datetime interval");
        p.rscFailed = Answer::returns(32768);
        return p;
    }();
    return profile;
}

const FlavourProfile& pegasusProfile() {
    // OpenPegasus 2.14's indication service (catalog PEG-IS, PEG-DISP, §0.3): RequestStateChange
    // enables and disables it synchronously and answers 1 for any other valid state; the
    // declared StopService/StartService answer CIM_ERR_METHOD_NOT_FOUND; RequestedState is
    // not tracked and Started stays TRUE. The provider never looks at the instance keys, so
    // any path of the class reaches the one service; parameters are not checked against the
    // declaration: an unknown name answers 5, a RequestedState of the wrong type fails with
    // CIM_ERR_FAILED (the provider's own conversion error).
    static const FlavourProfile profile = [] {
        FlavourProfile p;
        p.name = "pegasus";
        p.nameSpace = "root/PG_InterOp";
        p.serviceClass = "PG_IndicationService";
        p.mofFile = "mof/pegasus_flavour.mof";
        p.instancesFile = "instances/pegasus_system.mof";
        p.jobClass = "CIM_ConcreteJob";
        p.affectedJobClass = "CIM_AffectedJobElement";
        p.owningJobClass = "CIM_OwningJobElement";
        p.jobIdPrefix = "PG:Job:";
        p.serviceMethodsUnimplemented =
            Answer::fails(CimStatus::MethodNotFound, "the indication service does not implement this method");
        p.tracksRequestedState = false;
        p.startedAlwaysTrue = true;
        p.ignoresKeys = true;
        p.rawParameters = true;
        // 1 for other valid states, 5 for invalid values and timestamps, 0 for the current
        // state: the defaults.
        p.rscUnknownParameter = Answer::returns(5);
        p.rscIllTypedState = Answer::fails(CimStatus::Failed, "TypeMismatchException: RequestedState");
        return p;
    }();
    return profile;
}

const FlavourProfile* findProfile(std::string_view name) noexcept {
    for (const FlavourProfile* p : {&referenceProfile(), &win32Profile(), &hypervProfile(), &pegasusProfile()}) {
        if (iequals(p->name, name)) return p;
    }
    return nullptr;
}

}  // namespace wmimock::services::detail
