// Fuzzes the server's request decoding: arbitrary bytes must give either a request (whose
// parameters can then be typed) or a RequestError — never a crash, a hang or another
// exception type. A class the request carries (CreateClass, ModifyClass) is resolved as the
// CIMOM resolves it, against a small schema with locked qualifiers, an association and a
// method: a resolved class or a CimError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "wmimock/cim/error.hpp"
#include "wmimock/cimxml/request.hpp"
#include "wmimock/mof/class_resolution.hpp"
#include "wmimock/mof/compiler.hpp"

namespace {

const wmimock::SchemaNamespace& schema() {
    static const wmimock::SchemaRepository repository = [] {
        wmimock::SchemaRepository repo = wmimock::SchemaRepository::withoutSystemClasses();
        wmimock::MofCompiler().compileString(R"(
Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
Qualifier Override : string = null, Scope(property, reference, method), Flavor(Restricted);
Qualifier Association : boolean = false, Scope(association), Flavor(DisableOverride, ToSubclass);
Qualifier Units : string = null, Scope(property, method, parameter), Flavor(DisableOverride, ToSubclass);
Qualifier In : boolean = true, Scope(parameter), Flavor(DisableOverride, ToSubclass);
Qualifier MaxLen : uint32 = null, Scope(property, method, parameter);
class Fz_Base {
    [Key] string Name;
    [Units("Seconds")] uint32 Delay;
    uint32 Go([In, Units("Seconds")] uint32 Wait);
};
[Association] class Fz_Link { [Key] Fz_Base REF A; [Key] Fz_Base REF B; };
)",
                                             "fuzz-schema.mof", repo);
        return repo;
    }();
    return *repository.find("root/cimv2");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace wmimock;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const cimxml::DecodeLimits limits{std::size_t{1} << 20, 64};
    try {
        const cimxml::CimXmlRequest request = cimxml::decodeRequest(body, limits);
        // Exercise typing as the server does: by the wire type, and as a declared uint16.
        for (const auto& param : request.params) {
            if (param.cimClass) {
                try {
                    (void)wmimock::resolveDeclaredClass(schema(), *param.cimClass);
                } catch (const CimError&) {
                }
            }
            try {
                (void)param.toValue(limits);
            } catch (const CimError&) {
            }
            try {
                (void)param.toValue(CimType::Uint16, false, limits);
            } catch (const CimError&) {
            }
        }
    } catch (const cimxml::RequestError&) {
    }
    return 0;
}
