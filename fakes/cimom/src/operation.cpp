#include <array>
#include <utility>

#include "wmimock/cim/names.hpp"
#include "wmimock/cimom/fault_injector.hpp"

namespace wmimock {

namespace {

constexpr std::array<std::pair<Operation, std::string_view>, 22> kOperationNames{{
    {Operation::GetClass, "GetClass"},
    {Operation::EnumerateClasses, "EnumerateClasses"},
    {Operation::EnumerateClassNames, "EnumerateClassNames"},
    {Operation::GetInstance, "GetInstance"},
    {Operation::EnumerateInstances, "EnumerateInstances"},
    {Operation::EnumerateInstanceNames, "EnumerateInstanceNames"},
    {Operation::CreateInstance, "CreateInstance"},
    {Operation::ModifyInstance, "ModifyInstance"},
    {Operation::DeleteInstance, "DeleteInstance"},
    {Operation::InvokeMethod, "InvokeMethod"},
    {Operation::Associators, "Associators"},
    {Operation::AssociatorNames, "AssociatorNames"},
    {Operation::References, "References"},
    {Operation::ReferenceNames, "ReferenceNames"},
    {Operation::ExecQuery, "ExecQuery"},
    {Operation::EnumerateQualifiers, "EnumerateQualifiers"},
    {Operation::GetQualifier, "GetQualifier"},
    {Operation::SetQualifier, "SetQualifier"},
    {Operation::DeleteQualifier, "DeleteQualifier"},
    {Operation::CreateClass, "CreateClass"},
    {Operation::ModifyClass, "ModifyClass"},
    {Operation::DeleteClass, "DeleteClass"},
}};

}  // namespace

std::string_view toString(Operation op) noexcept {
    for (const auto& [value, name] : kOperationNames) {
        if (value == op) return name;
    }
    return "Unknown";
}

std::optional<Operation> parseOperation(std::string_view name) noexcept {
    for (const auto& [value, text] : kOperationNames) {
        if (iequals(text, name)) return value;
    }
    return std::nullopt;
}

}  // namespace wmimock
