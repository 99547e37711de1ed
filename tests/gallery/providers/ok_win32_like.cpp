// A Windows-like service class: its own StopService/StartService ValueMap (the Service
// Control Manager's 0..24), a State string, StartMode "Auto", no EnabledState, and no
// RequestStateChange (declined with CIM_ERR_NOT_SUPPORTED). Stopping a stopped service
// answers 5, "Service Cannot Accept Control", as Windows does.
// breaks: none
// warns: SS-008 CONC-002 (5 rather than the preferred 0 when the service is already stopped)
#include <wmimock/cim/error.hpp>

#include "gallery_provider.hpp"

namespace {

// The Service Control Manager's codes, shared by both methods.
#define GALLERY_SCM_CODES                                                                                      \
    "ValueMap {\"0\", \"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"9\", \"10\", \"11\", \"12\", " \
    "\"13\", \"14\", \"15\", \"16\", \"17\", \"18\", \"19\", \"20\", \"21\", \"22\", \"23\", \"24\"}, "        \
    "Values {\"Success\", \"Not Supported\", \"Access Denied\", \"Dependent Services Running\", "              \
    "\"Invalid Service Control\", \"Service Cannot Accept Control\", \"Service Not Active\", "                 \
    "\"Service Request Timeout\", \"Unknown Failure\", \"Path Not Found\", \"Service Already Running\", "      \
    "\"Service Database Locked\", \"Service Dependency Deleted\", \"Service Dependency Failure\", "            \
    "\"Service Disabled\", \"Service Logon Failed\", \"Service Marked For Deletion\", \"Service No Thread\", " \
    "\"Status Circular Dependency\", \"Status Duplicate Name\", \"Status Invalid Name\", "                     \
    "\"Status Invalid Parameter\", \"Status Invalid Service Account\", \"Status Service Exists\", "            \
    "\"Service Already Paused\"}"

constexpr const char* kMof =
    "class Gallery_Win32Service : CIM_Service {\n"
    "    string State;\n"
    "    [Override (\"StartService\"), " GALLERY_SCM_CODES
    "]\n"
    "    uint32 StartService();\n"
    "    [Override (\"StopService\"), " GALLERY_SCM_CODES
    "]\n"
    "    uint32 StopService();\n"
    "};\n";

struct Win32Like : gallery::GalleryProvider {
    Win32Like()
        : GalleryProvider([] {
              gallery::Settings s;
              s.className = "Gallery_Win32Service";
              s.classMof = kMof;
              s.style = gallery::Style::Win32;
              s.requestedStatesSupported.reset();
              return s;
          }()) {}

    std::uint32_t stopService(gallery::Call& call) override {
        if (!goal(call.service)) return 5;  // Service Cannot Accept Control
        return GalleryProvider::stopService(call);
    }
    std::uint32_t startService(gallery::Call& call) override {
        if (goal(call.service)) return 10;  // Service Already Running
        return GalleryProvider::startService(call);
    }
    std::uint32_t requestStateChange(gallery::Call&) override {
        throw wmimock::CimError(wmimock::CimStatus::NotSupported, "Win32 services do not implement RequestStateChange");
    }
};

}  // namespace

GALLERY_PLUGIN(Win32Like)
