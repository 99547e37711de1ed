// Fuzzes the server's request decoding: arbitrary bytes must give either a request (whose
// parameters can then be typed) or a RequestError — never a crash, a hang or another
// exception type.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "wmimock/cim/error.hpp"
#include "wmimock/cimxml/request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace wmimock;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const cimxml::DecodeLimits limits{std::size_t{1} << 20, 64};
    try {
        const cimxml::CimXmlRequest request = cimxml::decodeRequest(body, limits);
        // Exercise typing as the server does: by the wire type, and as a declared uint16.
        for (const auto& param : request.params) {
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
