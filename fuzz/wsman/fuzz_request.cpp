// Fuzzes the WS-Management service: arbitrary bytes must give a reply (a response or a SOAP
// fault) with HTTP status 200 or 500 — never a crash, a hang or an escaping exception.
#include <spdlog/spdlog.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "wmimock/cimom/cimom.hpp"
#include "wmimock/wsman/service.hpp"

namespace {

constexpr std::string_view kSchema = R"(
class Fuzz_Job { [Key] string InstanceID; uint16 JobState; };
class Fuzz_Service {
    [Key] string Name;
    [Key] uint32 Number;
    boolean Started;
    uint16 Tags[];
    datetime When;
    Fuzz_Job REF Last;
    uint32 RequestStateChange([In] uint16 RequestedState, [In(false), Out] Fuzz_Job REF Job,
                              [In] datetime TimeoutPeriod, [In] string Words[]);
};
[Association] class Fuzz_Link { [Key] Fuzz_Service REF A; [Key] Fuzz_Job REF B; };
instance of Fuzz_Job { InstanceID = "j1"; JobState = 7; };
instance of Fuzz_Service { Name = "a"; Number = 1; Started = TRUE; Tags = {1, 2};
    When = "20261202101500.000000+000"; Last = "Fuzz_Job.InstanceID=\"j1\""; };
instance of Fuzz_Link { A = "Fuzz_Service.Name=\"a\",Number=1"; B = "Fuzz_Job.InstanceID=\"j1\""; };
)";

const wmimock::wsman::WsmanService& service() {
    static const auto instance = [] {
        spdlog::set_level(spdlog::level::off);
        auto cimom = std::make_shared<wmimock::Cimom>();
        wmimock::MofCompileOptions options;
        options.defaultNamespace = "root/cimv2";
        options.dialect = wmimock::MofDialect::Wmi;
        cimom->loadMof(kSchema, "fuzz.mof", options);
        wmimock::wsman::ServiceOptions serviceOptions;
        serviceOptions.maxEnvelopeBytes = std::size_t{1} << 20;
        serviceOptions.maxOpenEnumerations = 16;
        return std::make_unique<wmimock::wsman::WsmanService>(cimom, serviceOptions);
    }();
    return *instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const wmimock::wsman::Reply reply = service().handle(std::string_view(reinterpret_cast<const char*>(data), size));
    if ((reply.httpStatus != 200 && reply.httpStatus != 500) || reply.body.empty()) std::abort();
    return 0;
}
