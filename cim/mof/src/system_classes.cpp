#include "system_classes.hpp"

#include <stdexcept>
#include <string>

#include "wmimock/mof/compiler.hpp"
#include "wmimock/mof/schema_repository.hpp"

namespace wmimock::mof::detail {

namespace {

// The subset of the WMI system schema (as documented for WMI's "System Classes") that
// provider registration, event subscription and namespace MOF refers to. Compiled with
// this very compiler in the WMI dialect.
constexpr const char* kSystemMof = R"MOF(
#pragma namespace("root")
[Abstract] class __SystemClass {};

class __NAMESPACE : __SystemClass { [key] string Name; };
[singleton] class __thisNAMESPACE : __SystemClass { uint8 SECURITY_DESCRIPTOR[]; };

[singleton] class __CIMOMIdentification : __SystemClass {
    string SetupTime; string VersionCurrentlyRunning; string VersionUsedToCreateDB; string WorkingDirectory;
};
[singleton] class __SystemSecurity : __SystemClass {
    uint32 GetSD([out] uint8 SD[]);
    uint32 SetSD([in] uint8 SD[]);
    uint32 GetSecurityDescriptor([out] object:__SecurityDescriptor Descriptor);
    uint32 SetSecurityDescriptor([in] object:__SecurityDescriptor Descriptor);
    uint32 GetCallerAccessRights([out] sint32 Rights);
};
class __SecurityDescriptor : __SystemClass {
    uint32 ControlFlags; object:__ACE DACL[]; object:__Trustee Group; object:__Trustee Owner; object:__ACE SACL[];
    uint32 TIME_CREATED;
};
class __ACE : __SystemClass { uint32 AccessMask; uint32 AceFlags; uint32 AceType; string GuidInheritedObjectType;
    string GuidObjectType; object:__Trustee Trustee; uint64 TIME_CREATED; };
class __Trustee : __SystemClass { string Domain; string Name; uint8 SID[]; uint32 SidLength; string SIDString;
    uint64 TIME_CREATED; };

[Abstract] class __Provider : __SystemClass { [key] string Name; };
class __Win32Provider : __Provider {
    string CLSID; string ClientLoadableCLSID; string DefaultMachineName; datetime UnloadTimeout;
    boolean InitializeAsAdminFirst; sint32 ImpersonationLevel = 0; sint32 InitializationReentrancy = 0;
    boolean PerUserInitialization = FALSE; boolean PerLocaleInitialization = FALSE; boolean Pure = TRUE;
    string HostingModel; sint32 Concurrency; boolean SupportsExplicitShutdown; boolean SupportsExtendedStatus;
    boolean SupportsThrottling; datetime OperationTimeoutInterval; datetime InitializationTimeoutInterval;
    boolean SupportsQuotas; boolean Enabled; boolean SupportsShutdown; string SecurityDescriptor; uint32 Version;
};

[Abstract] class __ProviderRegistration : __SystemClass { __Provider ref Provider; };
[Abstract] class __ObjectProviderRegistration : __ProviderRegistration {
    boolean SupportsPut = FALSE; boolean SupportsGet = FALSE; boolean SupportsDelete = FALSE;
    boolean SupportsEnumeration = FALSE; string QuerySupportLevels[]; sint32 InteractionType = 0;
    boolean SupportsBatching; boolean SupportsTransactions; boolean ExtendedQuery = FALSE;
};
class __ClassProviderRegistration : __ObjectProviderRegistration {
    [key] __Provider ref Provider; string ResultSetQueries[]; string ReferencedSetQueries[];
    string UnsupportedQueries[]; string CacheRefreshInterval; boolean PerUserSchema; boolean ReSynchroniseOnNamespaceOpen;
    string Version;
};
class __InstanceProviderRegistration : __ObjectProviderRegistration { [key] __Provider ref Provider; };
class __MethodProviderRegistration : __ProviderRegistration { [key] __Provider ref Provider; };
class __PropertyProviderRegistration : __ProviderRegistration {
    [key] __Provider ref Provider; boolean SupportsGet = FALSE; boolean SupportsPut = FALSE;
};
class __EventProviderRegistration : __ProviderRegistration {
    [key] __Provider ref Provider; string EventQueryList[];
};
class __EventConsumerProviderRegistration : __ProviderRegistration {
    [key] __Provider ref Provider; string ConsumerClassNames[];
};

[Abstract] class __IndicationRelated : __SystemClass {};
class __EventFilter : __IndicationRelated {
    [key] string Name; string Query; string QueryLanguage; string EventNamespace; string EventAccess;
    uint8 CreatorSID[];
};
[Abstract] class __EventConsumer : __IndicationRelated {
    string MachineName; uint32 MaximumQueueSize; uint8 CreatorSID[];
};
[Association] class __FilterToConsumerBinding : __IndicationRelated {
    [key] __EventConsumer ref Consumer; [key] __EventFilter ref Filter; uint8 CreatorSID[];
    boolean DeliverSynchronously = FALSE; uint32 DeliveryQoS; boolean MaintainSecurityContext = FALSE;
    boolean SlowDownProviders = FALSE;
};
[Abstract] class __TimerInstruction : __IndicationRelated { [key] string TimerId; boolean SkipIfPassed = FALSE; };
class __IntervalTimerInstruction : __TimerInstruction { uint32 IntervalBetweenEvents; };
class __AbsoluteTimerInstruction : __TimerInstruction { datetime EventDateTime; };

[Abstract, Indication] class __Event : __IndicationRelated { uint8 SECURITY_DESCRIPTOR[]; uint64 TIME_CREATED; };
class __InstanceOperationEvent : __Event { object TargetInstance; };
class __InstanceCreationEvent : __InstanceOperationEvent {};
class __InstanceDeletionEvent : __InstanceOperationEvent {};
class __InstanceModificationEvent : __InstanceOperationEvent { object PreviousInstance; };
class __ClassOperationEvent : __Event { object TargetClass; };
class __ClassCreationEvent : __ClassOperationEvent {};
class __ClassDeletionEvent : __ClassOperationEvent {};
class __ClassModificationEvent : __ClassOperationEvent { object PreviousClass; };
class __NamespaceOperationEvent : __Event { object:__Namespace TargetNamespace; };
class __NamespaceCreationEvent : __NamespaceOperationEvent {};
class __NamespaceDeletionEvent : __NamespaceOperationEvent {};
class __NamespaceModificationEvent : __NamespaceOperationEvent { object:__Namespace PreviousNamespace; };
[Abstract] class __ExtrinsicEvent : __Event {};
class __SystemEvent : __ExtrinsicEvent {};
class __EventDroppedEvent : __SystemEvent { object Event; object:__EventConsumer IntendedConsumer; };
class __TimerEvent : __Event { string TimerId; uint32 NumFirings; };

class __NotifyStatus : __SystemClass { uint32 StatusCode; };
class __ExtendedStatus : __NotifyStatus {
    string Description; string Operation; string ParameterInfo; string ProviderName;
};
)MOF";

std::vector<ClassPtr> compileSystemClasses() {
    SchemaRepository repository = SchemaRepository::withoutSystemClasses();
    MofCompileOptions options;
    options.dialect = MofDialect::Wmi;
    const MofCompileResult result = MofCompiler(options).compileString(kSystemMof, "<wmi system classes>", repository);
    if (!result.ok()) {
        std::string first = result.diagnostics.empty() ? "" : result.diagnostics.front().toString();
        throw std::logic_error("the built-in WMI system classes do not compile: " + first);
    }
    return repository.find("root")->classes();
}

}  // namespace

const std::vector<ClassPtr>& systemClasses() {
    static const std::vector<ClassPtr> classes = compileSystemClasses();
    return classes;
}

}  // namespace wmimock::mof::detail
