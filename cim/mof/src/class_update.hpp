// What happens to the subclasses already in a repository when a compilation declares their
// superclass again (mofcomp's #pragma classflags). Each keeps what it declares itself and
// inherits the rest from the new superclass, built by the same ClassBuilder as any class; a
// subclass whose own declarations no longer fit (a property whose type now differs from the
// inherited one, a qualifier the new superclass locks with DisableOverride) is a conflict.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "class_builder.hpp"
#include "wmimock/cim/cim_class.hpp"

namespace wmimock::mof::detail {

/// `subclass` rebuilt on `newSuper`: inherited elements replaced, its own kept. The
/// conflicts found are appended to `conflicts`. With `dropConflicts` the subclass's
/// conflicting declaration gives way to the inherited one and the class is built;
/// without, a conflict leaves nothing to return.
std::optional<CimClass> rebaseClass(const CimClass& subclass, const CimClass& newSuper, bool dropConflicts,
                                    InheritedQualifiers& cache, std::vector<std::string>& conflicts);

}  // namespace wmimock::mof::detail
