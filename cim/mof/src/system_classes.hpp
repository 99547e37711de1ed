// The WMI system classes every namespace has without declaring them (__SystemClass,
// __Namespace, __Provider, __Win32Provider, the provider registrations, the event classes,
// ...), so that vendor MOF registering its provider compiles as it does under mofcomp.
#pragma once

#include <vector>

#include "wmimock/cim/cim_class.hpp"

namespace wmimock::mof::detail {

/// The resolved system classes, superclasses first. Compiled once, shared by every namespace.
const std::vector<ClassPtr>& systemClasses();

}  // namespace wmimock::mof::detail
