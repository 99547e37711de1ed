// What happens to the subclasses already in a repository when a compilation declares their
// superclass again (mofcomp's #pragma classflags). Each keeps what it declares itself and
// inherits the rest from the new superclass; a subclass whose own declarations no longer
// fit (a property whose type now differs from the inherited one, a qualifier the new
// superclass locks with DisableOverride) is a conflict.
#pragma once

#include <string>
#include <vector>

#include "wmimock/cim/cim_class.hpp"

namespace wmimock::mof::detail {

/// The qualifiers an element passes down to the same element of a subclass: its ToSubclass
/// ones, marked propagated. A list that is already all of that is returned as it is
/// (shared, see QualifierList).
QualifierList passedDown(const QualifierList& from);

/// `subclass` rebuilt on `newSuper`: inherited elements replaced, its own kept. The
/// conflicts found are appended to `conflicts` ("property 'X': uint16 here, string in
/// Vendor_Base"); with `dropConflicts` the subclass's conflicting declaration gives way to
/// the inherited one instead of being kept.
CimClass rebaseClass(const CimClass& subclass, const CimClass& newSuper, bool dropConflicts,
                     std::vector<std::string>& conflicts);

}  // namespace wmimock::mof::detail
